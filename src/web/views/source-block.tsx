/** @module The unmissable "Source" block: the outlet and the original URL (printed in full on paper). */
import type { ArticleView } from "../presenters/article.ts";

export function SourceBlock({ article }: { article: ArticleView }) {
  return (
    <aside class="source-block" aria-labelledby="source-heading">
      <h2 id="source-heading">Source</h2>
      <p>
        Originally published by <a href={article.sourcePath}>{article.sourceName}</a>:{" "}
        <a class="original-url" href={article.originalUrl} rel="noopener">
          {article.originalUrl}
        </a>
      </p>
    </aside>
  );
}
