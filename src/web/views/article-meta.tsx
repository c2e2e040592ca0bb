/** @module The "By X · Outlet · time · Updated time · N comments" line under a headline, in lists and on the article page. */
import type { ArticleView } from "../presenters/article.ts";
import { Time } from "./time.tsx";

export interface ArticleMetaProps {
  article: ArticleView;
  withByline: boolean;
  /** On the article page the outlet links to its source page and the comment count to the thread. */
  linkOutlet?: boolean;
  commentCount?: number;
  /** Where the count links: the thread on this page (the default) or on the article's page. */
  commentsHref?: string;
  /** In lists the time reads "3 hours ago" once the relative-time script runs. */
  relative?: boolean;
}

function commentLabel(n: number): string {
  return n === 0 ? "No comments" : n === 1 ? "1 comment" : `${n} comments`;
}

export function ArticleMeta({
  article,
  withByline,
  linkOutlet = false,
  commentCount,
  commentsHref = "#comments",
  relative = false,
}: ArticleMetaProps) {
  const byline = withByline && article.byline;
  // The wire agency the page credits, after the authors ("By Jane Doe, AP") or alone.
  const agency = withByline && article.agency && article.agency !== article.byline ? article.agency : null;
  return (
    <p class="meta">
      {/* <bdi>: a right-to-left name must not pull the digits and dots beside it into its run. */}
      {byline ? (
        <span class="byline">
          By <bdi>{article.byline}</bdi>
          {agency ? (
            <>
              , <bdi class="agency">{agency}</bdi>
            </>
          ) : null}
        </span>
      ) : agency ? (
        <bdi class="agency">{agency}</bdi>
      ) : null}
      {byline || agency ? " · " : null}
      <bdi class="outlet">
        {linkOutlet ? <a href={article.sourcePath}>{article.sourceName}</a> : article.sourceName}
      </bdi>
      {article.publishedIso && article.publishedDisplay ? (
        <>
          {" · "}
          <Time iso={article.publishedIso} display={article.publishedDisplay} relative={relative} />
        </>
      ) : null}
      {article.revisedIso && article.revisedDisplay ? (
        <>
          {" · "}
          <span class="updated">
            Updated <Time iso={article.revisedIso} display={article.revisedDisplay} relative={relative} />
          </span>
        </>
      ) : null}
      {commentCount !== undefined ? (
        <>
          {" · "}
          <a class="comment-count" href={commentsHref}>
            {commentLabel(commentCount)}
          </a>
        </>
      ) : null}
    </p>
  );
}
