/**
 * @module The unmissable "Source" block: the outlet and the original URL (printed in full on paper);
 * for a reprint, who published the text first; for an original, who republished it.
 */
import type { ArticleView } from "../presenters/article.ts";
import type { NamedReport } from "../presenters/reprints.ts";

export interface SourceBlockProps {
  article: ArticleView;
  /** This article reprints that report's text. */
  firstPublishedBy?: NamedReport | null;
  /** Other outlets that ran this article's text. */
  republishedBy?: readonly NamedReport[];
}

export function SourceBlock({ article, firstPublishedBy = null, republishedBy = [] }: SourceBlockProps) {
  return (
    <aside class="source-block" aria-labelledby="source-heading">
      <h2 id="source-heading">Source</h2>
      <p>
        {firstPublishedBy ? "Republished by" : "Originally published by"}{" "}
        <a href={article.sourcePath}>
          <bdi>{article.sourceName}</bdi>
        </a>
        :{" "}
        <a class="original-url" href={article.originalUrl} rel="noopener">
          {article.originalUrl}
        </a>
      </p>
      {firstPublishedBy ? (
        <p class="first-published">
          First published by{" "}
          <a href={firstPublishedBy.path}>
            <bdi>{firstPublishedBy.sourceName}</bdi>
          </a>
          :{" "}
          <a class="original-url" href={firstPublishedBy.originalUrl} rel="noopener">
            {firstPublishedBy.originalUrl}
          </a>
        </p>
      ) : null}
      {republishedBy.length > 0 ? (
        <div class="republished-by">
          <p>Republished by:</p>
          <ul>
            {republishedBy.map((r) => (
              <li key={r.path}>
                <a href={r.path}>
                  <bdi>{r.sourceName}</bdi>
                </a>
                :{" "}
                <a class="original-url" href={r.originalUrl} rel="noopener">
                  {r.originalUrl}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </aside>
  );
}
