/**
 * @module A story on the front page: headline, lead sentence, the naming report's outlet and time, the
 * outlets covering it, and its picture with credit. "lead" is the big first story; "compact" fits the
 * topic sections.
 */
import type { StoryCardView } from "../presenters/story.ts";
import { StoryImage } from "./story-image.tsx";
import { Time } from "./time.tsx";

/** Outlets named on a card before "and N more". */
const NAMED_OUTLETS = 4;

export function OutletNames({ names }: { names: readonly string[] }) {
  const shown = names.slice(0, NAMED_OUTLETS);
  const more = names.length - shown.length;
  return (
    <>
      {shown.map((n, i) => (
        <span key={n}>
          {i > 0 ? (i === shown.length - 1 && more === 0 ? " and " : ", ") : null}
          <bdi>{n}</bdi>
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : null}
    </>
  );
}

export function Coverage({ story }: { story: StoryCardView }) {
  if (story.outlets.length < 2) return null;
  return (
    <p class="coverage" dir="ltr" lang="en">
      <span class="count">{story.outlets.length} outlets</span>:{" "}
      <OutletNames names={story.outlets.map((o) => o.name)} />.{" "}
      <a href={story.path}>
        Full coverage<span class="visually-hidden"> of {story.title}</span>
      </a>
    </p>
  );
}

export function StoryCard({
  story,
  variant,
  level,
}: {
  story: StoryCardView;
  variant: "lead" | "card" | "compact";
  level: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const lead = story.lead;
  return (
    <article class={`story-card ${variant}`}>
      {story.image ? (
        <StoryImage
          picture={story.image}
          leadSource={lead.sourceName}
          withCaption={variant === "lead"}
          eager={variant === "lead"}
        />
      ) : null}
      <div class="story-text">
        <Heading class="story-title" lang={story.titleLang ?? undefined} dir={story.titleDir ?? "auto"}>
          <a href={story.href}>{story.title}</a>
        </Heading>
        {variant !== "compact" && story.leadSentence ? (
          <p class="lead-sentence" lang={lead.lang ?? undefined} dir={lead.dir ?? "auto"}>
            {story.leadSentence}
          </p>
        ) : null}
        <p class="meta">
          <bdi class="outlet">{lead.sourceName}</bdi>
          {lead.publishedIso && lead.publishedDisplay ? (
            <>
              {" · "}
              <Time iso={lead.publishedIso} display={lead.publishedDisplay} relative={true} />
            </>
          ) : null}
        </p>
        <Coverage story={story} />
      </div>
    </article>
  );
}
