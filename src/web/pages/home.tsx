/** @module The front page: top stories (ranked by outlets and recency), then the latest articles. */
import type { ArticleView } from "../presenters/article.ts";
import type { StoryView } from "../presenters/story.ts";
import { ArticleCard } from "../views/article-card.tsx";
import { Pager } from "../views/pager.tsx";

export interface HomePageProps {
  siteTitle: string;
  /** Empty on older pages: the top stories belong to the first page only. */
  stories: StoryView[];
  latest: ArticleView[];
  older: string | null;
  firstPage: boolean;
}

export function HomePage({ siteTitle, stories, latest, older, firstPage }: HomePageProps) {
  const empty = stories.length === 0 && latest.length === 0;
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
      {stories.length > 0 ? (
        <section class="top-stories" aria-labelledby="top-heading">
          <h2 id="top-heading">Top stories</h2>
          <div class="cards">
            {stories.map((s) => (
              <ArticleCard
                key={s.id}
                article={s.lead}
                level={3}
                story={{ path: s.path, outletCount: s.outletCount }}
              />
            ))}
          </div>
        </section>
      ) : null}
      {latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest</h2>
          <div class="cards">
            {latest.map((a) => (
              <ArticleCard key={a.id} article={a} level={3} />
            ))}
          </div>
        </section>
      ) : null}
      <Pager older={older} newest={firstPage ? null : "/"} />
    </>
  );
}
