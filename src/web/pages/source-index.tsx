/** @module /sources: every outlet this site follows, with its article count, site and feed. */
import type { SourceView } from "../presenters/source.ts";

export function SourceIndexPage({ sources }: { sources: SourceView[] }) {
  return (
    <>
      <h1>Sources</h1>
      <p>
        Every article on this site comes from one of these outlets and names it, with a link to the original.
      </p>
      {sources.length === 0 ? (
        <p class="empty">This site follows no sources yet.</p>
      ) : (
        <ul class="source-list">
          {sources.map((s) => (
            <li key={s.id}>
              <a class="source-name" href={s.path}>
                {s.name}
              </a>
              <span class="meta">
                {s.articleCount === null
                  ? null
                  : ` · ${s.articleCount === 1 ? "1 article" : `${s.articleCount} articles`}`}
                {s.displayMode === "excerpt" ? " · excerpts" : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
