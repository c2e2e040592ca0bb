/** @module The "By X · Outlet · time" line under a headline, in lists and on the article page. */
import type { ArticleView } from "../presenters/article.ts";

export function ArticleMeta({ article, withByline }: { article: ArticleView; withByline: boolean }) {
  const byline = withByline && article.byline;
  return (
    <p class="meta">
      {byline ? <span class="byline">By {article.byline}</span> : null}
      {byline ? " · " : null}
      <span class="outlet">{article.sourceName}</span>
      {article.publishedIso ? (
        <>
          {" · "}
          <time datetime={article.publishedIso}>{article.publishedDisplay}</time>
        </>
      ) : null}
    </p>
  );
}
