/**
 * @module Builds the search benchmark's corpus: `count` articles (default 1,000,000) over two years from 20
 * sources of very different sizes, with Zipfian titles and short bodies, each with its story of one, as
 * insertArticle would store them. SQLite: a file under the temp dir, indexed by migration 0008's triggers
 * as rows arrive. PostgreSQL: schema bench_search in the test database; the GIN index is built after the
 * load (faster than growing it row by row; the generated tsvector column is computed on insert).
 *
 *   node --import tsx bench/search-corpus.ts sqlite|postgres [count=1000000]
 */
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { openDb } from "../src/storage/db.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { SEARCH_INDEXES } from "../src/storage/migrations/0026-search-table.ts";
import { corpusRows, type Row } from "./corpus-rows.ts";
import { BENCH_SCHEMA, benchDatabaseUrl } from "./search-vocabulary.ts";

export const SQLITE_FILE = join(tmpdir(), "newsdesk-search-bench.db");
const SOURCES = 20;
const END = Date.parse("2026-11-20T12:00:00.000Z");
const SPAN_MS = 730 * 86_400_000;

function progress(done: number, count: number, started: number) {
  if (done % 100_000 === 0 || done === count)
    console.log(
      `${done.toLocaleString("en")} articles, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
}

async function loadSqlite(count: number) {
  for (const f of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]) if (existsSync(f)) rmSync(f);
  const db = openDb(benchDatabaseUrl("sqlite", SQLITE_FILE));
  await migrateToLatest(db);
  await db.close();
  const raw = new SqliteDatabase(SQLITE_FILE);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = OFF");
  const now = new Date(END).toISOString();
  const addSource = raw.prepare(
    "INSERT INTO sources (id, url, title, site_url, created_at, next_fetch_at, error_count) VALUES (?, ?, ?, ?, ?, ?, 0)",
  );
  for (let s = 1; s <= SOURCES; s++)
    addSource.run(s, `https://source${s}.test/feed`, `Source ${s}`, `https://source${s}.test/`, now, now);
  const addStory = raw.prepare(
    "INSERT INTO stories (id, title, last_published_at, first_published_at, article_count, source_count, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)",
  );
  const addArticle =
    raw.prepare(`INSERT INTO articles (id, source_id, guid, url, title, body_html, text, published_at,
    fetched_at, created_at, updated_at, sort_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertBatch = raw.transaction((rows: Row[]) => {
    for (const r of rows) {
      addStory.run(r.id, r.title, r.at, r.at, r.at, r.at);
      addArticle.run(
        r.id,
        r.source_id,
        r.guid,
        r.url,
        r.title,
        r.body_html,
        r.text,
        r.at,
        r.at,
        r.at,
        r.at,
        r.at,
        r.id,
      );
    }
  });
  const started = performance.now();
  let done = 0;
  for (const rows of corpusRows(count, SOURCES, END, SPAN_MS)) {
    insertBatch(rows);
    done += rows.length;
    progress(done, count, started);
  }
  raw.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')");
  raw.exec("ANALYZE");
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  console.log(`SQLite corpus at ${SQLITE_FILE}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function loadPostgres(count: number) {
  const admin = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  await admin.query(`CREATE SCHEMA ${BENCH_SCHEMA}`);
  await admin.end();
  const db = openDb(benchDatabaseUrl("postgres", ""));
  await migrateToLatest(db);
  await db.close();
  const client = new pg.Client({ connectionString: benchDatabaseUrl("postgres", "") });
  await client.connect();
  // Both search indexes are built after the load: faster than keeping them up to date row by row.
  for (const index of ["article_search_words", "article_search_pairs"])
    await client.query(`DROP INDEX ${index}`);
  const now = new Date(END).toISOString();
  for (let s = 1; s <= SOURCES; s++)
    await client.query(
      "INSERT INTO sources (id, url, title, site_url, created_at, next_fetch_at, error_count) VALUES ($1, $2, $3, $4, $5, $5, 0)",
      [s, `https://source${s}.test/feed`, `Source ${s}`, `https://source${s}.test/`, now],
    );
  const started = performance.now();
  let done = 0;
  for (const rows of corpusRows(count, SOURCES, END, SPAN_MS)) {
    const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO stories (id, title, last_published_at, first_published_at, article_count, source_count, created_at, updated_at)
       SELECT id, title, at, at, 1, 1, at, at FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, title, at)`,
      [col("id"), col("title"), col("at")],
    );
    await client.query(
      `INSERT INTO articles (id, source_id, guid, url, title, body_html, text, published_at, fetched_at, created_at, updated_at, sort_at, story_id)
       SELECT id, source_id, guid, url, title, body_html, text, at, at, at, at, at, id
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(id, source_id, guid, url, title, body_html, text, at)`,
      [
        col("id"),
        col("source_id"),
        col("guid"),
        col("url"),
        col("title"),
        col("body_html"),
        col("text"),
        col("at"),
      ],
    );
    await client.query("COMMIT");
    done += rows.length;
    progress(done, count, started);
  }
  await client.query("SET maintenance_work_mem = '1GB'");
  const [wordsIndex, pairsIndex] = SEARCH_INDEXES;
  if (wordsIndex) await client.query(wordsIndex);
  const pairsStarted = performance.now();
  if (pairsIndex) await client.query(pairsIndex);
  console.log(
    `word-pairs index (migrations 0025, 0026) built in ${((performance.now() - pairsStarted) / 1000).toFixed(0)} s`,
  );
  for (const t of ["articles", "stories", "sources"])
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT MAX(id) FROM ${t}))`);
  await client.query("VACUUM ANALYZE articles");
  await client.query("VACUUM ANALYZE article_search");
  await client.query("VACUUM ANALYZE stories");
  await client.end();
  console.log(
    `PostgreSQL corpus in schema ${BENCH_SCHEMA}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

const [dialect = "sqlite", countArg = "1000000"] = process.argv.slice(2);
const count = Number(countArg);
if (dialect === "postgres") await loadPostgres(count);
else await loadSqlite(count);
