/** @module One article in a list: headline link, outlet, time, excerpt, and any reprint note. */
import type { ArticleView } from "../presenters/article.ts";
import type { NamedReport } from "../presenters/reprints.ts";
import { ArticleMeta } from "./article-meta.tsx";
import { FirstPublishedNote, RepublishedNote } from "./reprint-note.tsx";

export interface ArticleCardProps {
  article: ArticleView;
  /** The heading level that fits the page's outline (h2 under the page's h1, h3 under a section's h2). */
  level?: 2 | 3;
  /** Approved comments, shown in the meta line where a page knows them. */
  commentCount?: number;
  /** Other outlets that ran this text (it is listed once, as the original). */
  republishedBy?: readonly NamedReport[];
  /** This is a reprint: the outlet that published the text first. */
  firstPublishedBy?: NamedReport | null;
}

export function ArticleCard({
  article,
  level = 2,
  commentCount,
  republishedBy = [],
  firstPublishedBy = null,
}: ArticleCardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="card" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <Heading class="card-title">
        <a href={article.path}>{article.title}</a>
      </Heading>
      <ArticleMeta
        article={article}
        withByline={false}
        commentCount={commentCount}
        commentsHref={commentCount === undefined ? undefined : `${article.path}#comments`}
        relative={true}
      />
      {article.excerpt ? <p class="excerpt">{article.excerpt}</p> : null}
      {firstPublishedBy ? <FirstPublishedNote by={firstPublishedBy} /> : null}
      <RepublishedNote by={republishedBy} />
    </article>
  );
}
