/** @module /sources/<id>-<slug>: one outlet's latest articles, its site and this site's feed of it. */
import type { ArticleView } from "../presenters/article.ts";
import type { ReprintNotes } from "../presenters/reprints.ts";
import type { SourceView } from "../presenters/source.ts";
import { ArticleCard } from "../views/article-card.tsx";
import { Pager } from "../views/pager.tsx";

export interface SourcePageProps {
  source: SourceView;
  articles: ArticleView[];
  notes: ReprintNotes;
  older: string | null;
  firstPage: boolean;
}

export function SourcePage({ source, articles, notes, older, firstPage }: SourcePageProps) {
  return (
    <>
      <h1>{source.name}</h1>
      <ul class="source-links">
        {source.home ? (
          <li>
            <a href={source.home} rel="noopener">
              Visit {source.name}
            </a>
          </li>
        ) : null}
        <li>
          <a href={source.feedPath}>RSS feed of {source.name} on this site</a>
        </li>
      </ul>
      {source.displayMode === "excerpt" ? (
        <p class="note">
          This site shows excerpts of {source.name}'s articles; each links to the full article on its site.
        </p>
      ) : null}
      {articles.length === 0 ? (
        <p class="empty">
          {firstPage ? "No articles from this source yet." : "There are no older articles."}
        </p>
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
      <Pager older={older} newest={firstPage ? null : source.path} />
    </>
  );
}
