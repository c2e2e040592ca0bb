/**
 * @module SQLite's candidate query: the newest matches of an FTS5 MATCH, read in descending rowid order so
 * FTS5 stops after `limit` rows instead of scoring every match (article ids grow with time). With a source
 * or date filter, the newest FILTER_SCAN_BUDGET matches are checked against it first; when they hold too
 * few, the word is common, so the filter's own index is walked instead, checking chunks against FTS5.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../storage/schema.ts";
import { CANDIDATE_TEXT_CHARS, FILTER_SCAN_BUDGET } from "./limits.ts";
import type { QueryUnit } from "./query.ts";
import type { Candidate, CandidateFilter } from "./types.ts";

/**
 * An FTS5 query of the units, each a quoted string, all required. Units hold only letters, digits and
 * marks, so no FTS5 syntax (quotes, operators, column filters, prefixes) can come from the reader.
 */
export function ftsMatchExpression(units: QueryUnit[]): string {
  return units.map((u) => `"${u.words.join(" ")}"`).join(" ");
}

const COLUMNS = sql`a.id, a.source_id, a.title, a.url, a.byline, a.published_at, a.sort_at,
  substr(a.text, 1, ${CANDIDATE_TEXT_CHARS}) AS text,
  s.title AS source_title, s.url AS source_url, s.site_url AS source_site_url`;

function filterConditions(filter: CandidateFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (filter.sourceId !== undefined) out.push(sql`a.source_id = ${filter.sourceId}`);
  // A bound id, never text: the speaker's articles, from the statements' person index.
  if (filter.personId !== undefined)
    out.push(sql`a.id IN (SELECT article_id FROM statements WHERE person_id = ${filter.personId})`);
  if (filter.from !== undefined) out.push(sql`a.sort_at >= ${filter.from}`);
  if (filter.to !== undefined) out.push(sql`a.sort_at < ${filter.to}`);
  return out;
}

/** The newest `filter.limit` articles matching every unit (and the filters), newest first. */
export async function findSqliteCandidates(
  db: Kysely<Database>,
  units: QueryUnit[],
  filter: CandidateFilter,
  budget = FILTER_SCAN_BUDGET,
): Promise<Candidate[]> {
  const match = ftsMatchExpression(units);
  const filters = filterConditions(filter);
  // The newest matches by rowid, at most `scan` of them, kept if they pass the filters.
  const scan = filters.length === 0 ? filter.limit : budget;
  const newest = await sql<Candidate>`
    SELECT ${COLUMNS}
    FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${scan}) m
    JOIN articles a ON a.id = m.id
    JOIN sources s ON s.id = a.source_id
    ${filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``}
    ORDER BY m.id DESC
    LIMIT ${filter.limit}`.execute(db);
  if (filters.length === 0 || newest.rows.length >= filter.limit) return newest.rows;

  const scanned = await sql<{ n: number; oldest: number | null }>`
    SELECT count(*) AS n, min(id) AS oldest
    FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${budget})`.execute(
    db,
  );
  const { n = 0, oldest = null } = scanned.rows[0] ?? {};
  if (n < budget || oldest === null) return newest.rows;
  // Common enough that `budget` matches were newer than these: the rest are dense along the filter's index.
  const ids = await walkFilterIndex(db, match, filters, oldest, filter.limit - newest.rows.length);
  if (ids.length === 0) return newest.rows;
  const older = await sql<Candidate>`
    SELECT ${COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
    WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  const byId = new Map(older.rows.map((r) => [r.id, r]));
  return [...newest.rows, ...ids.flatMap((id) => byId.get(id) ?? [])];
}

/**
 * Ids of a chunk closer than this are checked with one FTS5 rowid-range scan; bridging such a gap costs
 * under a millisecond even for a word in every article, about what a separate query costs.
 */
const RUN_GAP = 4096;
/** The walk reads chunks of the filter's index growing from FIRST_CHUNK, at most MAX_WALK rows in all. */
const FIRST_CHUNK = 512;
const MAX_WALK = 131_072;

/**
 * Articles passing `filters` with ids below `belowId`, newest first along the filter's index, that match:
 * read in growing chunks, each checked against FTS5 by rowid ranges (one scan per run of nearby ids, not
 * one query per row). Stops after `need` or MAX_WALK rows.
 */
async function walkFilterIndex(
  db: Kysely<Database>,
  match: string,
  filters: RawBuilder<unknown>[],
  belowId: number,
  need: number,
): Promise<number[]> {
  const found: number[] = [];
  let cursor: { sort_at: string; id: number } | undefined;
  let walked = 0;
  for (let size = FIRST_CHUNK; found.length < need && walked < MAX_WALK; size *= 2) {
    const after = cursor
      ? sql` AND a.sort_at <= ${cursor.sort_at} AND (a.sort_at < ${cursor.sort_at} OR a.id < ${cursor.id})`
      : sql``;
    const chunk = (
      await sql<{ id: number; sort_at: string }>`
        SELECT a.id, a.sort_at FROM articles a
        WHERE ${sql.join(filters, sql` AND `)} AND a.id < ${belowId}${after}
        ORDER BY a.sort_at DESC, a.id DESC LIMIT ${size}`.execute(db)
    ).rows;
    walked += chunk.length;
    const matched = new Set<number>();
    const sorted = chunk.map((r) => r.id).sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) - (sorted[j] ?? 0) <= RUN_GAP) j++;
      // One scan of the run's rowid range, its matches handed back as one string: FTS5 walks a range
      // quickly, and passing each row to JavaScript would cost more than the walk. The CASTs matter:
      // better-sqlite3 binds JS numbers as REAL, and FTS5 then filters rowids one by one instead of seeking.
      const { rows } = await sql<{ ids: string | null }>`
        SELECT group_concat(rowid) AS ids FROM articles_fts
        WHERE articles_fts MATCH ${match}
          AND rowid >= CAST(${sorted[i]} AS INTEGER) AND rowid <= CAST(${sorted[j]} AS INTEGER)`.execute(db);
      for (const id of rows[0]?.ids?.split(",") ?? []) matched.add(Number(id));
      i = j + 1;
    }
    for (const r of chunk) if (matched.has(r.id) && found.length < need) found.push(r.id);
    if (chunk.length < size) break;
    cursor = chunk[chunk.length - 1];
  }
  return found;
}
