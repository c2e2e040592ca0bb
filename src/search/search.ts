/**
 * @module Full-text search over articles, on SQLite FTS5 or PostgreSQL tsvector + GIN, behind one function.
 *
 * Ranking stays fast at any size by bounding the work: each dialect's query returns the newest RANK_WINDOW
 * matches through an order its index already has (FTS5 rowids descending; PostgreSQL's sort_at index or a
 * GIN lookup), and those are ordered here by relevance (title above text) with a recency decay. A word in
 * nearly every article thus costs the same as a rare one: its ranking is among the newest matches, which is
 * what a reader of news wants; past the window, results continue newest first. Scoring every match
 * (ORDER BY bm25 or ts_rank) costs in proportion to the matches: 85 ms to over 500 ms at a million.
 * Each dialect bounds its filtered and phrase searches too (see sqlite.ts, postgres.ts, bench/README.md).
 * This module holds its own SQL, one file per dialect, as storage/ does for the other tables.
 */
import { type Kysely, PostgresAdapter } from "kysely";
import type { Db, Dialect } from "../storage/db.ts";
import type { Database } from "../storage/schema.ts";
import { DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, RANK_WINDOW } from "./limits.ts";
import { findPostgresCandidates } from "./postgres.ts";
import { describeUnit, parseSearchQuery } from "./query.ts";
import { rankCandidates } from "./rank.ts";
import { buildSnippet, highlightAll } from "./snippet.ts";
import { findSqliteCandidates } from "./sqlite.ts";
import type { SearchPage, SearchQuery } from "./types.ts";

export type { SearchHit, SearchPage, SearchQuery } from "./types.ts";

/** Which engine a Kysely instance talks to, for callers that hold only the instance (the web context). */
export function dialectOf(kysely: Kysely<Database>): Dialect {
  return kysely.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * One page of the articles matching every word and phrase of `query.q` (and its filters), best first.
 * A query with nothing searchable in it (only punctuation or symbols) gives an empty page.
 */
export async function searchArticles(
  db: Pick<Db, "kysely" | "dialect">,
  query: SearchQuery,
): Promise<SearchPage> {
  const perPage = Math.min(Math.max(1, Math.floor(query.perPage ?? DEFAULT_PER_PAGE)), MAX_PER_PAGE);
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), MAX_PAGE);
  const units = parseSearchQuery(query.q);
  const terms = units.map(describeUnit);
  if (units.length === 0) return { hits: [], page, perPage, hasNext: false, terms };

  const offset = (page - 1) * perPage;
  // One row past the page says whether there is a next one.
  const filter = {
    limit: Math.max(RANK_WINDOW, offset + perPage + 1),
    ...(query.sourceId !== undefined ? { sourceId: query.sourceId } : {}),
    ...(query.personId !== undefined ? { personId: query.personId } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
  const find = db.dialect === "postgres" ? findPostgresCandidates : findSqliteCandidates;
  const candidates = await find(db.kysely, units, filter);
  const ordered = [
    ...rankCandidates(candidates.slice(0, RANK_WINDOW), units),
    ...candidates.slice(RANK_WINDOW),
  ];
  const hits = ordered.slice(offset, offset + perPage).map((article) => ({
    article,
    titleHtml: highlightAll(article.title, units),
    snippetHtml: buildSnippet(article.text, units),
  }));
  return { hits, page, perPage, hasNext: ordered.length > offset + perPage, terms };
}
