/**
 * @module The front page: the lead story with its picture, the top stories in a grid, sections for the
 * main topics of recent stories, then the latest articles (each text once, reprints noted).
 */
import type { ArticleView } from "../presenters/article.ts";
import { topicPath } from "../presenters/paths.ts";
import type { ReprintNotes } from "../presenters/reprints.ts";
import type { StoryCardView } from "../presenters/story.ts";
import { ArticleCard } from "../views/article-card.tsx";
import { Pager } from "../views/pager.tsx";
import { StoryCard } from "../views/story-card.tsx";

export interface HomePageProps {
  siteTitle: string;
  /** Empty on older pages: the stories belong to the first page only. */
  top: StoryCardView[];
  sections: Array<{ slug: string; name: string; stories: StoryCardView[] }>;
  latest: ArticleView[];
  notes: ReprintNotes;
  older: string | null;
  firstPage: boolean;
}

export function HomePage({ siteTitle, top, sections, latest, notes, older, firstPage }: HomePageProps) {
  const empty = top.length === 0 && latest.length === 0;
  const [lead, ...rest] = top;
  return (
    <>
      <h1 class={firstPage ? "visually-hidden" : undefined}>
        {firstPage ? `${siteTitle}: top stories and latest news` : "Older articles"}
      </h1>
      {empty ? (
        <p class="empty">
          {firstPage ? (
            <>
              No articles yet. Add a source with <code>newsdesk add &lt;feed-url&gt;</code>; articles appear
              after the next fetch.
            </>
          ) : (
            <>
              There are no older articles. <a href="/">Back to the newest</a>.
            </>
          )}
        </p>
      ) : null}
      {lead ? (
        <section class="top-stories" aria-labelledby="top-heading">
          <h2 id="top-heading" class="section-heading">
            Top stories
          </h2>
          <StoryCard story={lead} variant="lead" level={3} />
          {rest.length > 0 ? (
            <div class="story-grid">
              {rest.map((s) => (
                <StoryCard key={s.id} story={s} variant="card" level={3} />
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
      {sections.map((section) => (
        <section key={section.slug} class="topic-section" aria-labelledby={`topic-${section.slug}`}>
          <h2 id={`topic-${section.slug}`} class="section-heading" dir="auto">
            <a href={topicPath(section.slug)}>{section.name}</a>
          </h2>
          <div class="story-row">
            {section.stories.map((s) => (
              <StoryCard key={s.id} story={s} variant="compact" level={3} />
            ))}
          </div>
        </section>
      ))}
      {latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="section-heading">
            Latest
          </h2>
          <div class="cards">
            {latest.map((a) => (
              <ArticleCard
                key={a.id}
                article={a}
                level={3}
                republishedBy={notes.republishedBy.get(a.id) ?? []}
              />
            ))}
          </div>
        </section>
      ) : null}
      <Pager older={older} newest={firstPage ? null : "/"} />
    </>
  );
}
