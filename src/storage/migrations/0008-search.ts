/**
 * @module Full-text search: an FTS5 index kept in step with articles by triggers on SQLite, a generated
 * tsvector with a GIN index on PostgreSQL. Both fold case and diacritics, and neither stems, so any language
 * matches the way it is written. Existing rows are indexed here.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

/**
 * PostgreSQL's fold of a text before indexing: decompose, then drop the combining accents, so "café" and
 * "cafe" meet. Immutable functions only, so it can define a generated column; src/search/postgres.ts
 * applies the same expression to the query.
 */
const pgFold = (column: string) => `regexp_replace(normalize(${column}, NFD), '[\\u0300-\\u036f]', '', 'g')`;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") {
    // 'simple': lower-cased words, no stemming, no stop words: language-neutral. Title weighs A, text B.
    // Adding a stored generated column rewrites the table, which indexes the existing rows.
    await sql
      .raw(
        `ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, ${pgFold("title")}), 'A') ||
          setweight(to_tsvector('simple'::regconfig, ${pgFold("text")}), 'B')) STORED`,
      )
      .execute(db);
    await sql`CREATE INDEX articles_search ON articles USING gin (search_vector)`.execute(db);
    return;
  }
  // External content: the text lives once, in articles; the index holds only the postings.
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END`.execute(db);
  // Only a changed title or text touches the index (insertArticle's story_id update does not).
  await sql`CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
  await sql`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`.execute(db);
}
