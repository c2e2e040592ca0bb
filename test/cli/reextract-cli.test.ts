/** @module `newsdesk reextract` and `newsdesk extract --source` as an operator runs them, on SQLite. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { insertArticle } from "../../src/storage/articles.ts";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { newArticle, T0 } from "../support/articles.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { articlePage, bareFeedItem, type FixtureItem, makeItems } from "../support/news-fixtures.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
const env = { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: "silent" };
const [item, old] = makeItems(2, "cli") as [FixtureItem, FixtureItem];
let sourceId = 0;

before(async () => {
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  sourceId = (await insertSource(db.kysely, "https://gazette.test/feed", T0, { title: "Gazette" })).source.id;
  const html = Buffer.from(articlePage("https://gazette.test", item), "utf8");
  // Two articles as an older extractor left them; one published long ago.
  for (const [it, published] of [
    [item, "2026-11-20T08:00:00.000Z"],
    [old, "2020-01-01T08:00:00.000Z"],
  ] as const) {
    await insertArticle(
      db.kysely,
      newArticle(sourceId, it.slug, T0, { text: "Share on Facebook", published_at: published }),
      [],
      {
        page: {
          url: `https://gazette.test/articles/${it.slug}`,
          contentType: "text/html; charset=utf-8",
          fetchedAt: T0,
          size: html.byteLength,
          gzip: gzipSync(html),
          item: bareFeedItem(it.slug, `https://gazette.test/articles/${it.slug}`),
        },
      },
    );
  }
  await db.close();
});
after(() => tdb.drop());

test("reextract rebuilds the kept pages' articles, filtered by date, and reports what it did", async () => {
  const since = await run(BIN, ["reextract", "--since", "2026-01-01"], { env });
  assert.match(since.stdout, /^1 kept pages read: 1 articles rebuilt, 0 unchanged$/m);
  const db = openDb(tdb.url);
  try {
    const row = await db.kysely
      .selectFrom("articles")
      .select(["text", "byline", "title"])
      .where("guid", "=", item.slug)
      .executeTakeFirstOrThrow();
    assert.ok(row.text.includes(item.paragraphs[2] ?? "?"), row.text);
    assert.equal(row.byline, "Dana Reyes");
    assert.equal(row.title, item.title, "the feed gave no headline: the page's is taken");
  } finally {
    await db.close();
  }
  const all = await run(BIN, ["reextract", "--source", String(sourceId)], { env });
  assert.match(all.stdout, /^2 kept pages read: 1 articles rebuilt, 1 unchanged$/m);
});

test("extract --source previews the source's latest kept page", async () => {
  const out = await run(BIN, ["extract", "--source", String(sourceId), "--format", "text"], { env });
  assert.ok(out.stdout.includes(item.paragraphs[0] ?? "?"));
});

test("a bad source or date is refused with a clear message", async () => {
  for (const [args, message] of [
    [["reextract", "--source", "99"], /there is no source 99/],
    [["reextract", "--since", "last week"], /give a date as YYYY-MM-DD/],
  ] as const) {
    const err = await run(BIN, [...args], { env }).then(
      () => assert.fail("succeeded"),
      (e: { code: number; stderr: string }) => e,
    );
    assert.notEqual(err.code, 0);
    assert.match(err.stderr, message);
  }
});
