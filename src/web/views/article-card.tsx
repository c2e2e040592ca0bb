/** @module One article in a list: headline link, outlet, time, excerpt. */
import type { ArticleView } from "../presenters/article.ts";
import { ArticleMeta } from "./article-meta.tsx";

export function ArticleCard({ article }: { article: ArticleView }) {
  return (
    <article class="card">
      <h2 class="card-title">
        <a href={article.path}>{article.title}</a>
      </h2>
      <ArticleMeta article={article} withByline={false} />
      {article.excerpt ? <p class="excerpt">{article.excerpt}</p> : null}
    </article>
  );
}
