/**
 * @module Phrase search over the whole corpus on PostgreSQL (issue 16): GIN keeps no word positions, so
 * a phrase of common words was checked only among the newest articles holding all its words. Here every
 * article's adjacent word pairs ("prime minister") are indexed too: a phrase's pairs are far rarer than
 * its words, so the index finds the few articles that can hold it and only those are checked. SQLite's
 * FTS5 reads positions from its own index and needs nothing.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

/**
 * The pairs of words next to each other in a tsvector, "first second", each once. Positions come from
 * the tsvector itself, so a document and a phrase run through the same to_tsvector give the same pairs,
 * and a phrase's pairs are a subset of any document's that holds the phrase.
 */
export const WORD_PAIRS_FUNCTION = `CREATE OR REPLACE FUNCTION newsdesk_word_pairs(v tsvector) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH w AS (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p)
    SELECT coalesce(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM w a JOIN w b ON b.p = a.p + 1
  $$`;

/** The index search/postgres.ts queries with the same expression (the bench builds it after a bulk load). */
export const WORD_PAIRS_INDEX =
  "CREATE INDEX articles_search_pairs ON articles USING gin (newsdesk_word_pairs(search_vector)) WITH (fastupdate = off)";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  await sql.raw(WORD_PAIRS_FUNCTION).execute(db);
  await sql.raw(WORD_PAIRS_INDEX).execute(db);
  await sql`ALTER INDEX articles_search SET (fastupdate = off)`.execute(db);
}
