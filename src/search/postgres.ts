/**
 * @module PostgreSQL's candidate query: the newest matches of the GIN-indexed tsvector, by sort_at, in
 * article_search (migration 0026: each article's vector with its sort time and source, kept by
 * triggers). The planner reads the recency index and checks each row for a common word (it finds
 * `limit` rows at once), and the GIN index for a rarer one (its matches read from the heap, then the
 * newest kept); a phrase is found through the index of adjacent word pairs (migration 0025). The
 * articles are read for the rows kept. Every search covers the whole corpus.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../storage/schema.ts";
import { CANDIDATE_TEXT_CHARS, HEAP_BUDGET } from "./limits.ts";
import type { QueryUnit } from "./query.ts";
import type { Candidate, CandidateFilter } from "./types.ts";

/** The query side of the index's fold (migrations 0008, 0026: decompose, drop combining accents), so both meet. */
const fold = (value: string) =>
  sql`regexp_replace(normalize(${value}::text, NFD), '[\\u0300-\\u036f]', '', 'g')`;

/**
 * A tsquery requiring every unit. Only plainto_tsquery and phraseto_tsquery see the reader's words, and they
 * read any text as plain words, never as tsquery syntax.
 */
export function tsQuery(units: QueryUnit[]): RawBuilder<unknown> {
  const single = units.filter((u) => u.words.length === 1).map((u) => u.words[0] ?? "");
  const parts: RawBuilder<unknown>[] = [];
  if (single.length > 0) parts.push(sql`plainto_tsquery('simple', ${fold(single.join(" "))})`);
  for (const u of units) {
    if (u.words.length > 1) parts.push(sql`phraseto_tsquery('simple', ${fold(u.words.join(" "))})`);
  }
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** The newest `filter.limit` articles matching every unit, newest first. */
export async function findPostgresCandidates(
  db: Kysely<Database>,
  units: QueryUnit[],
  filter: CandidateFilter,
): Promise<Candidate[]> {
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.sourceId !== undefined) conditions.push(sql`source_id = ${filter.sourceId}`);
  if (filter.personId !== undefined)
    conditions.push(
      sql`article_id IN (SELECT article_id FROM statements WHERE person_id = ${filter.personId})`,
    );
  if (filter.from !== undefined) conditions.push(sql`sort_at >= ${filter.from}`);
  if (filter.to !== undefined) conditions.push(sql`sort_at < ${filter.to}`);
  const phrases = units.filter((u) => u.words.length > 1).map((u) => u.words.join(" "));
  // GIN keeps no word positions: a phrase's words may be in most articles while the phrase is in few. Its
  // adjacent pairs (migration 0025) are nearly as rare as the phrase, so their index finds the articles
  // that can hold it, and the tsquery then checks positions on those alone.
  const pairs =
    phrases.length === 0
      ? []
      : ((
          await sql<{ pairs: string[] | null }>`SELECT ${sql.join(
            phrases.map((p) => sql`newsdesk_word_pairs(to_tsvector('simple', ${fold(p)}))`),
            sql` || `,
          )} AS pairs`.execute(db)
        ).rows[0]?.pairs ?? []);
  const singles = units.filter((u) => u.words.length === 1);
  // With a phrase, the index finds articles by its pairs (and any single words) and the positions are
  // checked row by row: ts_match_vq is @@ in a form the planner cannot take to the tsvector's index, whose
  // phrase matches must each be rechecked, and a recheck would recompute every row's pairs (0.15 ms each).
  const match =
    pairs.length === 0
      ? [sql`search_vector @@ ${tsQuery(units)}`]
      : [
          sql`newsdesk_word_pairs(search_vector) @> ${pairs}::text[]`,
          ...(singles.length > 0 ? [sql`search_vector @@ ${tsQuery(singles)}`] : []),
          sql`ts_match_vq(search_vector, ${tsQuery(units)})`,
        ];
  const span = await boundingWindow(
    db,
    pairs.length === 0 ? match : [...match.slice(1, -1), ...pairMatches(pairs)],
    conditions,
    filter,
  );
  let fraction = span?.fraction ?? 1;
  for (;;) {
    const since =
      span && fraction < 1 ? new Date(span.hi - (span.hi - span.lo) * fraction).toISOString() : undefined;
    const where = sql.join(
      [...match, ...conditions, ...(since ? [sql`sort_at >= ${since}`] : [])],
      sql` AND `,
    );
    // The LIMIT inside keeps the joins out of the planner's choice of how to find matches.
    const { rows } = await sql<Candidate>`
      SELECT a.id, a.source_id, a.title, a.url, a.byline, a.published_at, a.sort_at,
        left(a.text, ${CANDIDATE_TEXT_CHARS}) AS text,
        s.title AS source_title, s.url AS source_url, s.site_url AS source_site_url
      FROM (
        SELECT article_id, sort_at
        FROM article_search
        WHERE ${where}
        ORDER BY sort_at DESC, article_id DESC
        LIMIT ${filter.limit}
      ) m
      JOIN articles a ON a.id = m.article_id
      JOIN sources s ON s.id = a.source_id
      ORDER BY m.sort_at DESC, m.article_id DESC
      LIMIT ${filter.limit}`.execute(db);
    // A stretch that held fewer matches than asked for is widened until it is the whole corpus.
    if (rows.length >= filter.limit || since === undefined) {
      return rows.map((r) => ({ ...r, id: Number(r.id), source_id: Number(r.source_id) }));
    }
    fraction = Math.min(1, fraction * WIDEN);
  }
}

/** Each pair on its own: the planner multiplies the pairs' frequencies, as if "prime minister" and "minister said" were independent. */
const pairMatches = (pairs: string[]) =>
  pairs.map((p) => sql`newsdesk_word_pairs(search_vector) @> ${[p]}::text[]`);

/** Measured here: reading one matching row from the table, and one entry of the sort_at index into a bitmap. */
const HEAP_ROW_US = 8;
const INDEX_ENTRY_US = 0.13;
/** How much a stretch that held too few matches grows each time: a handful of queries reach the whole span. */
const WIDEN = 8;

/**
 * How far back to look first, as a fraction of the whole span of sort_at (`lo` to `hi`, in ms), when the
 * planner expects so many matches that reading them all from the table (to learn their times, or check a
 * phrase) would cost more than reading the sort_at index over the newest stretch expected to hold
 * HEAP_BUDGET of them and only those rows: a word or phrase in 2% of a million articles would otherwise
 * cost 150 ms. The expected count is the smallest of the planner's estimates for each of `matches` (every
 * one must hold). Undefined: the whole span at once.
 */
async function boundingWindow(
  db: Kysely<Database>,
  matches: RawBuilder<unknown>[],
  conditions: RawBuilder<unknown>[],
  filter: CandidateFilter,
): Promise<{ lo: number; hi: number; fraction: number } | undefined> {
  const estimates = await Promise.all(
    matches.map(async (m) => {
      const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>`
        EXPLAIN (FORMAT JSON) SELECT 1 FROM article_search WHERE ${sql.join([m, ...conditions], sql` AND `)}`.execute(
        db,
      );
      return plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
    }),
  );
  const expected = Math.min(...estimates);
  if (expected <= HEAP_BUDGET) return undefined;
  const span = await sql<{ lo: string | null; hi: string | null; n: number }>`
    SELECT (SELECT min(sort_at) FROM article_search) AS lo, (SELECT max(sort_at) FROM article_search) AS hi,
      (SELECT reltuples FROM pg_class WHERE oid = 'article_search'::regclass) AS n`.execute(db);
  const row = span.rows[0];
  const lo = Date.parse(filter.from ?? row?.lo ?? "");
  const hi = Date.parse(filter.to ?? row?.hi ?? "");
  if (!row || !Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return undefined;
  const fraction = HEAP_BUDGET / expected;
  const windowed = fraction * Number(row.n) * INDEX_ENTRY_US + HEAP_BUDGET * HEAP_ROW_US;
  if (windowed >= expected * HEAP_ROW_US) return undefined;
  return { lo, hi, fraction };
}
