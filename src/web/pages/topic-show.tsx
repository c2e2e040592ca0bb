/** @module /topics/<slug>: the articles of one topic, newest first. */
import type { ArticleView } from "../presenters/article.ts";
import type { ReprintNotes } from "../presenters/reprints.ts";
import { ArticleCard } from "../views/article-card.tsx";
import { Pager } from "../views/pager.tsx";

export interface TopicPageProps {
  name: string;
  path: string;
  articles: ArticleView[];
  notes: ReprintNotes;
  older: string | null;
  firstPage: boolean;
}

export function TopicPage({ name, path, articles, notes, older, firstPage }: TopicPageProps) {
  return (
    <>
      <h1>
        <span class="kicker">Topic: </span>
        {name}
      </h1>
      <p>
        <a href={`${path}/feed.xml`}>RSS feed of this topic</a>
      </p>
      {articles.length === 0 ? (
        <p class="empty">There are no older articles on this topic.</p>
      ) : (
        <div class="cards">
          {articles.map((a) => (
            <ArticleCard
              key={a.id}
              article={a}
              republishedBy={notes.republishedBy.get(a.id) ?? []}
              firstPublishedBy={notes.firstPublishedBy.get(a.id) ?? null}
            />
          ))}
        </div>
      )}
      <Pager older={older} newest={firstPage ? null : path} />
    </>
  );
}
