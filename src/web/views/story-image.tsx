/**
 * @module A story's picture on a card: alt text, size when known, the credit always shown (the photo's
 * own credit, else the outlet it came from), the caption too on the lead story.
 */
import type { StoryCardView } from "../presenters/story.ts";

export function StoryImage({
  picture,
  leadSource,
  withCaption,
  eager = false,
}: {
  picture: NonNullable<StoryCardView["image"]>;
  /** The outlet the card names: the picture's outlet is said too when it is another. */
  leadSource: string;
  withCaption: boolean;
  /** The lead story's picture is above the fold; the rest load as the reader scrolls. */
  eager?: boolean;
}) {
  const { image, sourceName } = picture;
  const via = !image.credit || sourceName !== leadSource ? `Image via ${sourceName}` : null;
  return (
    <figure class={withCaption ? "story-image lead" : "story-image"}>
      <img
        src={image.url}
        alt={image.alt}
        decoding="async"
        loading={eager ? undefined : "lazy"}
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        class={image.width && image.height ? undefined : "unsized"}
      />
      <figcaption>
        {withCaption && image.caption ? <span class="caption">{image.caption}</span> : null}
        <span class="credit">
          {image.credit}
          {image.credit && via ? " · " : null}
          {via}
        </span>
      </figcaption>
    </figure>
  );
}
