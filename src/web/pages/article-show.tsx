/** @module The article page: headline once, byline and date, lead image, body, and the Source block. */
import type { ArticleView } from "../presenters/article.ts";
import { ArticleMeta } from "../views/article-meta.tsx";

export function ArticlePage({ article }: { article: ArticleView }) {
  const image = article.leadImage;
  return (
    <article class="article" lang={article.lang ?? undefined}>
      <header class="article-header">
        <h1 dir="auto">{article.title}</h1>
        <ArticleMeta article={article} withByline={true} />
      </header>
      {image ? (
        <figure class="lead-image">
          <img src={image.url} alt={image.alt} decoding="async" />
          {image.caption || image.credit ? (
            <figcaption>
              {image.caption ? <span class="caption">{image.caption}</span> : null}
              {image.credit ? <span class="credit">{image.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {/* body_html was sanitized by sanitize/ before it was stored. */}
      <div class="article-body" dir="auto" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <aside class="source-block" aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        <p>
          Originally published by <strong>{article.sourceName}</strong>:{" "}
          <a href={article.originalUrl} rel="noopener">
            {article.originalUrl}
          </a>
        </p>
      </aside>
    </article>
  );
}
