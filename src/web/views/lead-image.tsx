/** @module The article's lead image: alt text, size when known, caption and credit kept apart. */
import type { ArticleView } from "../presenters/article.ts";

export function LeadImage({ image }: { image: NonNullable<ArticleView["leadImage"]> }) {
  return (
    <figure class="lead-image">
      {/* Above the fold: loaded eagerly. Without known dimensions the stylesheet reserves a 3:2 box. */}
      <img
        src={image.url}
        alt={image.alt}
        decoding="async"
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        class={image.width && image.height ? undefined : "unsized"}
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ? <span class="caption">{image.caption}</span> : null}
          {image.credit ? <span class="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
