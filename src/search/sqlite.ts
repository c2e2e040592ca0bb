/**
 * @module SQLite's candidate query: the newest matches of an FTS5 MATCH, read in descending rowid order so
 * FTS5 stops after `limit` rows instead of scoring every match (article ids grow with time).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../storage/schema.ts";
import { CANDIDATE_TEXT_CHARS } from "./limits.ts";
import type { QueryUnit } from "./query.ts";
import type { Candidate, CandidateFilter } from "./types.ts";

/**
 * An FTS5 query of the units, each a quoted string, all required. Units hold only letters, digits and
 * marks, so no FTS5 syntax (quotes, operators, column filters, prefixes) can come from the reader.
 */
export function ftsMatchExpression(units: QueryUnit[]): string {
  return units.map((u) => `"${u.words.join(" ")}"`).join(" ");
}

/** The newest `filter.limit` articles matching every unit, newest first. */
export async function findSqliteCandidates(
  db: Kysely<Database>,
  units: QueryUnit[],
  filter: CandidateFilter,
): Promise<Candidate[]> {
  const conditions: RawBuilder<unknown>[] = [sql`articles_fts MATCH ${ftsMatchExpression(units)}`];
  if (filter.sourceId !== undefined) conditions.push(sql`a.source_id = ${filter.sourceId}`);
  if (filter.from !== undefined) conditions.push(sql`a.sort_at >= ${filter.from}`);
  if (filter.to !== undefined) conditions.push(sql`a.sort_at < ${filter.to}`);
  const { rows } = await sql<Candidate>`
    SELECT a.id, a.source_id, a.title, a.url, a.byline, a.published_at, a.sort_at,
      substr(a.text, 1, ${CANDIDATE_TEXT_CHARS}) AS text,
      s.title AS source_title, s.url AS source_url, s.site_url AS source_site_url
    FROM articles_fts
    JOIN articles a ON a.id = articles_fts.rowid
    JOIN sources s ON s.id = a.source_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY articles_fts.rowid DESC
    LIMIT ${filter.limit}`.execute(db);
  return rows;
}
