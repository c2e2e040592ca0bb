/**
 * @module SQLite's candidate query: the newest matches of an FTS5 MATCH, read in descending rowid order so
 * FTS5 stops after `limit` rows instead of scoring every match (article ids grow with time). With a source
 * or date filter, the newest FILTER_SCAN_BUDGET matches are checked against it first; when they hold too
 * few, the word is common, so the filter's own index is walked instead, checking each row against FTS5.
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
  const older = await sql<Candidate>`
    SELECT ${COLUMNS}
    FROM articles a
    JOIN sources s ON s.id = a.source_id
    WHERE ${sql.join(filters, sql` AND `)} AND a.id < ${oldest}
      AND EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ${match} AND articles_fts.rowid = a.id)
    ORDER BY a.sort_at DESC, a.id DESC
    LIMIT ${filter.limit - newest.rows.length}`.execute(db);
  return [...newest.rows, ...older.rows];
}
