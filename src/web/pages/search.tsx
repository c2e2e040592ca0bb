/**
 * @module The search page: a labelled form with source, speaker and date filters, ranked hits with
 * snippets (and, filtered by speaker, what they said in each), pages.
 */
import type { NamedReport } from "../presenters/reprints.ts";
import { FirstPublishedNote, RepublishedNote } from "../views/reprint-note.tsx";
import { Time } from "../views/time.tsx";

/** What the reader typed, echoed back into the form as given. */
export interface SearchForm {
  q: string;
  source: string;
  /** A person's slug: only articles quoting them. */
  speaker: string;
  from: string;
  to: string;
}

export interface SearchHitView {
  id: number;
  path: string;
  /** Escaped text with <mark> around matches, from src/search/snippet.ts. */
  titleHtml: string;
  snippetHtml: string;
  sourceName: string;
  publishedIso: string;
  publishedDisplay: string;
  /** Other outlets that ran this text (their copies are not listed separately). */
  republishedBy: readonly NamedReport[];
  firstPublishedBy: NamedReport | null;
  /** With a speaker filter: their statements in this article. */
  statements?: readonly SpeakerStatementView[];
}

/** A speaker's statement under a hit. */
export interface SpeakerStatementView {
  id: number;
  quote: boolean;
  verb: string;
  /** Escaped text with <mark> around matches (search/snippet.ts highlightAll). */
  html: string;
  matched: boolean;
}

export interface SearchPageProps {
  form: SearchForm;
  sources: Array<{ id: number; name: string }>;
  /** The speaker the search is limited to, when one is. */
  speaker: { name: string; path: string } | null;
  errors: Array<{ field: string; message: string }>;
  result: { hits: SearchHitView[]; page: number; perPage: number; hasNext: boolean; terms: string[] } | null;
}

function pageHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export function SearchPage({ form, sources, speaker, errors, result }: SearchPageProps) {
  return (
    <>
      <h1>{speaker ? `Search what ${speaker.name} said` : "Search"}</h1>
      {speaker ? (
        <p class="note">
          Only articles quoting <a href={speaker.path}>{speaker.name}</a>, with their statements in each.
        </p>
      ) : null}
      <search>
        <form class="search-filters" method="get" action="/search">
          <p>
            <label for="search-q">Words or "a phrase"</label>
            <input id="search-q" type="search" name="q" value={form.q} maxLength={300} />
          </p>
          <p>
            <label for="search-source">Source</label>
            <select id="search-source" name="source">
              <option value="">All sources</option>
              {sources.map((s) => (
                <option key={s.id} value={String(s.id)} selected={form.source === String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </p>
          {speaker ? (
            <p class="search-speaker">
              <label for="search-speaker">Quoting</label>
              <select id="search-speaker" name="speaker">
                <option value={form.speaker} selected>
                  {speaker.name}
                </option>
                <option value="">Anyone</option>
              </select>
            </p>
          ) : null}
          <p>
            <label for="search-from">From</label>
            <input id="search-from" type="date" name="from" value={form.from} />
          </p>
          <p>
            <label for="search-to">To</label>
            <input id="search-to" type="date" name="to" value={form.to} />
          </p>
          <p>
            <button type="submit">Search</button>
          </p>
        </form>
      </search>
      {errors.length > 0 ? (
        <div class="search-errors" role="alert">
          <p>The search could not run:</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <a href={`#search-${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? <Results form={form} result={result} /> : null}
    </>
  );
}

function Results({ form, result }: { form: SearchForm; result: NonNullable<SearchPageProps["result"]> }) {
  if (result.hits.length === 0)
    return (
      <p class="empty">
        {result.terms.length === 0
          ? "Type some words to search for."
          : result.page > 1
            ? "No more results."
            : "Nothing matches every word. Try fewer words, another spelling, or no filters."}
      </p>
    );
  return (
    <section class="search-results" aria-label="Results">
      <ol start={(result.page - 1) * result.perPage + 1}>
        {result.hits.map((h) => (
          <li key={h.id} class="search-hit">
            <h2>
              {/* Safe: search/snippet.ts escapes the whole stored text before adding <mark>. */}
              <a href={h.path} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
            </h2>
            <p class="meta">
              <bdi>{h.sourceName}</bdi> · <Time iso={h.publishedIso} display={h.publishedDisplay} />
            </p>
            {/* Safe: escaped text with <mark> around matches only (search/snippet.ts). */}
            <p class="snippet" dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />
            {h.statements && h.statements.length > 0 ? (
              <ul class="statements hit-statements">
                {h.statements.map((st) => (
                  <li key={st.id} class="statement">
                    <span class="statement-verb">{st.verb}</span>
                    {st.quote ? (
                      <>
                        {": "}
                        {/* Safe: escaped text with <mark> around matches only (search/snippet.ts). */}
                        <q class="statement-text" dangerouslySetInnerHTML={{ __html: st.html }} />
                      </>
                    ) : (
                      <>
                        {" "}
                        <span class="statement-kind">(paraphrase)</span>
                        {": "}
                        <span class="statement-text" dangerouslySetInnerHTML={{ __html: st.html }} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            {h.firstPublishedBy ? <FirstPublishedNote by={h.firstPublishedBy} /> : null}
            <RepublishedNote by={h.republishedBy} />
          </li>
        ))}
      </ol>
      <nav class="pagination" aria-label="Result pages">
        {result.page > 1 ? (
          <a rel="prev" href={pageHref(form, result.page - 1)}>
            Previous page
          </a>
        ) : null}{" "}
        <span>Page {result.page}</span>{" "}
        {result.hasNext ? (
          <a rel="next" href={pageHref(form, result.page + 1)}>
            Next page
          </a>
        ) : null}
      </nav>
    </section>
  );
}
