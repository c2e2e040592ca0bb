/**
 * @module PostgreSQL's candidate query: the newest matches of the GIN-indexed tsvector, by sort_at. The
 * planner reads the recency index and checks each row for a common word (it finds `limit` rows at once),
 * and the GIN index for a rarer one (its matches read from the heap, then the newest kept).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../storage/schema.ts";
import { CANDIDATE_TEXT_CHARS, HEAP_BUDGET, PHRASE_SCAN } from "./limits.ts";
import type { QueryUnit } from "./query.ts";
import type { Candidate, CandidateFilter } from "./types.ts";

/** The query side of migration 0008's fold (decompose, drop combining accents), so both meet. */
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
    conditions.push(sql`id IN (SELECT article_id FROM statements WHERE person_id = ${filter.personId})`);
  if (filter.from !== undefined) conditions.push(sql`sort_at >= ${filter.from}`);
  if (filter.to !== undefined) conditions.push(sql`sort_at < ${filter.to}`);
  const hasPhrase = units.some((u) => u.words.length > 1);
  // GIN keeps no word positions, so a phrase is checked on each article holding its words, and the
  // planner, guessing a phrase as common as its words, may walk the recency index through most of the
  // table (a second at a million). So the newest PHRASE_SCAN articles holding all the words are found
  // first, then checked for the phrase.
  const scan = hasPhrase ? Math.max(PHRASE_SCAN, filter.limit) : filter.limit;
  const first = hasPhrase ? tsQuery([{ words: units.flatMap((u) => u.words), folded: [] }]) : tsQuery(units);
  const since = await boundingWindow(
    db,
    sql.join([sql`search_vector @@ ${first}`, ...conditions], sql` AND `),
    filter,
  );
  if (since !== undefined) conditions.push(sql`sort_at >= ${since}`);
  // The LIMIT inside keeps the join with sources out of the planner's choice of how to find matches.
  const { rows } = await sql<Candidate>`
    SELECT a.id, a.source_id, a.title, a.url, a.byline, a.published_at, a.sort_at, a.text,
      s.title AS source_title, s.url AS source_url, s.site_url AS source_site_url
    FROM (
      SELECT id, source_id, title, url, byline, published_at, sort_at, left(text, ${CANDIDATE_TEXT_CHARS}) AS text,
        search_vector
      FROM articles
      WHERE ${sql.join([sql`search_vector @@ ${first}`, ...conditions], sql` AND `)}
      ORDER BY sort_at DESC, id DESC
      LIMIT ${scan}
    ) a
    JOIN sources s ON s.id = a.source_id
    ${hasPhrase ? sql`WHERE a.search_vector @@ ${tsQuery(units)}` : sql``}
    ORDER BY a.sort_at DESC, a.id DESC
    LIMIT ${filter.limit}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), source_id: Number(r.source_id) }));
}

/** Measured here: reading one matching row from the table, and one entry of the sort_at index into a bitmap. */
const HEAP_ROW_US = 8;
const INDEX_ENTRY_US = 0.13;

/**
 * Where to start looking back from, when the planner expects so many matches that reading them all from the
 * table (to learn their times, or check a phrase) would cost more than reading the sort_at index over the
 * newest stretch expected to hold HEAP_BUDGET of them and only those rows: a word or phrase in 2% of a million
 * articles would otherwise cost 150 ms. The window still holds several pages of results. Undefined: the
 * whole span.
 */
async function boundingWindow(
  db: Kysely<Database>,
  where: RawBuilder<unknown>,
  filter: CandidateFilter,
): Promise<string | undefined> {
  const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE ${where}`.execute(db);
  const expected = plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
  if (expected <= HEAP_BUDGET) return undefined;
  const span = await sql<{ lo: string | null; hi: string | null; n: number }>`
    SELECT (SELECT min(sort_at) FROM articles) AS lo, (SELECT max(sort_at) FROM articles) AS hi,
      (SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass) AS n`.execute(db);
  const row = span.rows[0];
  const lo = Date.parse(filter.from ?? row?.lo ?? "");
  const hi = Date.parse(filter.to ?? row?.hi ?? "");
  if (!row || !Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return undefined;
  const fraction = HEAP_BUDGET / expected;
  const windowed = fraction * Number(row.n) * INDEX_ENTRY_US + HEAP_BUDGET * HEAP_ROW_US;
  if (windowed >= expected * HEAP_ROW_US) return undefined;
  return new Date(hi - (hi - lo) * fraction).toISOString();
}
