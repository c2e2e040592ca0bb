/** @module One article in a list: headline link, outlet, time, excerpt. */
import type { ArticleView } from "../presenters/article.ts";

export function ArticleCard({ article }: { article: ArticleView }) {
  return (
    <article class="card">
      <h2 class="card-title">
        <a href={article.path}>{article.title}</a>
      </h2>
      <p class="meta">
        <span class="outlet">{article.sourceName}</span>
        {article.publishedIso ? (
          <>
            {" · "}
            <time datetime={article.publishedIso}>{article.publishedDisplay}</time>
          </>
        ) : null}
      </p>
      {article.excerpt ? <p class="excerpt">{article.excerpt}</p> : null}
    </article>
  );
}
