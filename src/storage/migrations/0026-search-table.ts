/**
 * @module PostgreSQL's search index moves out of the articles table into article_search, kept by
 * triggers like SQLite's FTS5 table. An update of an article row that is not HOT (filing sets
 * story_id, which is indexed; rows with their tsvector are too wide to update in place) inserted the
 * row's whole tsvector and word pairs into both GIN indexes again: about 2 to 5 ms of the server's
 * work per update, twice per ingested article, once inside clustering's lock. Now only a change of
 * title, text or sort time touches the search rows. The table carries sort_at and source_id, so a
 * search is planned on it alone as before (newest first, filtered by source or time), and the
 * articles are read for the rows kept. SQLite's FTS5 index needs nothing.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

/** Migration 0008's vector of a title and text (folded: decomposed, combining accents dropped). */
const vectorOf = (title: string, text: string) => {
  const fold = (c: string) => `regexp_replace(normalize(${c}, NFD), '[\\u0300-\\u036f]', '', 'g')`;
  return `setweight(to_tsvector('simple'::regconfig, ${fold(title)}), 'A') ||
    setweight(to_tsvector('simple'::regconfig, ${fold(text)}), 'B')`;
};

/** The article's search row, written again when its words, time or source changed. */
const SEARCH_ROW_FUNCTION = `CREATE OR REPLACE FUNCTION newsdesk_article_search() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title AND NEW.text IS NOT DISTINCT FROM OLD.text THEN
      UPDATE article_search SET sort_at = NEW.sort_at, source_id = NEW.source_id WHERE article_id = NEW.id;
    ELSE
      INSERT INTO article_search (article_id, source_id, sort_at, search_vector)
      VALUES (NEW.id, NEW.source_id, NEW.sort_at, ${vectorOf("NEW.title", "NEW.text")})
      ON CONFLICT (article_id) DO UPDATE SET source_id = excluded.source_id, sort_at = excluded.sort_at,
        search_vector = excluded.search_vector;
    END IF;
    RETURN NULL;
  END $$`;

/** Both GIN indexes as migrations 0008 and 0025 made them; the benches build them after a bulk load. */
export const SEARCH_INDEXES = [
  "CREATE INDEX article_search_words ON article_search USING gin (search_vector) WITH (fastupdate = off)",
  "CREATE INDEX article_search_pairs ON article_search USING gin (newsdesk_word_pairs(search_vector)) WITH (fastupdate = off)",
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`CREATE TABLE article_search (
    article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source_id bigint NOT NULL,
    sort_at text,
    search_vector tsvector NOT NULL)`.execute(db);
  await sql`INSERT INTO article_search (article_id, source_id, sort_at, search_vector)
    SELECT id, source_id, sort_at, search_vector FROM articles`.execute(db);
  // The same orders the articles' own indexes gave the planner: newest first, and per source.
  await sql`CREATE INDEX article_search_sort ON article_search (sort_at, article_id)`.execute(db);
  await sql`CREATE INDEX article_search_source_sort ON article_search (source_id, sort_at)`.execute(db);
  for (const index of SEARCH_INDEXES) await sql.raw(index).execute(db);
  await sql.raw(SEARCH_ROW_FUNCTION).execute(db);
  await sql`CREATE TRIGGER articles_search_insert AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION newsdesk_article_search()`.execute(db);
  await sql`CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text, sort_at, source_id ON articles
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
      OR OLD.sort_at IS DISTINCT FROM NEW.sort_at OR OLD.source_id IS DISTINCT FROM NEW.source_id)
    EXECUTE FUNCTION newsdesk_article_search()`.execute(db);
  // Dropping the indexed generated column drops its two GIN indexes with it.
  await sql`ALTER TABLE articles DROP COLUMN search_vector`.execute(db);
}
