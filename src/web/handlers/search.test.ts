/** @module GET /search through Fastify's inject(), over a real SQLite database. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sqliteTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { loadConfig } from "../../config/config.ts";
import { createLogger } from "../../log.ts";
import { insertArticle } from "../../storage/articles.ts";
import { type Db, openDb } from "../../storage/db.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { insertSource, markSourceFetched } from "../../storage/sources.ts";
import { buildApp } from "../app.tsx";

let tdb: TestDatabase;
let db: Db;
let app: ReturnType<typeof buildApp>;
let sourceId = 0;
const config = loadConfig({});

before(async () => {
  tdb = sqliteTestDatabase();
  db = openDb(tdb.url);
  await migrateToLatest(db);
  const now = "2026-11-20T10:00:00.000Z";
  const { source } = await insertSource(db.kysely, "https://gazette.test/feed.xml", now);
  sourceId = source.id;
  await markSourceFetched(db.kysely, source.id, {
    now,
    nextFetchAt: now,
    title: "The <b>Gazette</b>",
    siteUrl: "https://gazette.test/",
  });
  for (let i = 0; i < 25; i++) {
    const at = new Date(Date.parse(now) - i * 3_600_000).toISOString();
    await insertArticle(db.kysely, {
      source_id: source.id,
      guid: `a${i}`,
      url: `https://gazette.test/${i}`,
      title: i === 0 ? 'Bridge <script>alert("t")</script> reopens' : `Harbour report ${i}`,
      body_html: "<p>x</p>",
      text: i === 0 ? "The bridge <img src=x onerror=alert(1)> reopened." : "The bridge was busy today.",
      published_at: at,
      fetched_at: at,
      created_at: at,
      updated_at: at,
    });
  }
  app = buildApp({ db: db.kysely, config, log: createLogger("silent") });
});
after(async () => {
  await app?.close();
  await db?.close();
  await tdb?.drop();
});

test("without a query, the page shows a labelled form and no results", async () => {
  const res = await app.inject("/search");
  assert.equal(res.statusCode, 200);
  assert.equal(res.body.match(/<h1[ >]/g)?.length, 1);
  for (const id of ["search-q", "search-source", "search-from", "search-to"])
    assert.match(res.body, new RegExp(`<label for="${id}">[^<]+</label>`));
  assert.match(res.body, /The &lt;b>Gazette&lt;\/b><\/option>/);
  assert.doesNotMatch(res.body, /search-results/);
});

test("results are ranked, highlighted, escaped and paged", async () => {
  const res = await app.inject(`/search?q=bridge&source=${sourceId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /class="search-results"/);
  assert.equal(res.body.match(/class="search-hit"/g)?.length, 20);
  const first = res.body.indexOf('class="search-hit"');
  assert.match(res.body.slice(first, first + 600), /<mark>Bridge<\/mark> &lt;script&gt;alert/);
  assert.match(res.body, /onerror/); // as text
  assert.doesNotMatch(res.body, /<script>alert|<img src=x/);
  assert.match(
    res.body,
    new RegExp(`rel="next" href="/search\\?q=bridge&amp;source=${sourceId}&amp;page=2"`),
  );
  const next = await app.inject(`/search?q=bridge&source=${sourceId}&page=2`);
  assert.equal(next.body.match(/class="search-hit"/g)?.length, 5);
  assert.match(next.body, /rel="prev"/);
  assert.doesNotMatch(next.body, /rel="next"/);
});

test("no match, punctuation only and hostile queries get a message, not an error", async () => {
  const none = await app.inject("/search?q=zeppelin");
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Nothing matches every word/);
  for (const q of ['"', "*", "(", "AND OR NOT", "NEAR", "'; DROP TABLE articles"]) {
    const res = await app.inject(`/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, q);
  }
  assert.match((await app.inject("/search?q=%2A")).body, /Type some words to search for/);
});

test("bad dates, pages and repeated parameters get a helpful 400 page", async () => {
  const bad = await app.inject("/search?q=bridge&from=yesterday");
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /role="alert"/);
  assert.match(bad.body, /Use a date like 2026-11-20/);
  assert.match(bad.body, /value="bridge"/, "the form keeps what was typed");
  assert.match(bad.body, /<meta name="robots" content="noindex"\/>/);
  const noSuchDay = await app.inject("/search?q=bridge&to=2026-02-31");
  assert.equal(noSuchDay.statusCode, 400, "a day that does not exist");
  assert.match(noSuchDay.body, /Use a date like 2026-11-20/);
  const order = await app.inject("/search?q=bridge&from=2026-11-20&to=2026-11-01");
  assert.equal(order.statusCode, 400);
  assert.match(order.body, /start date is after the end date/);
  assert.equal((await app.inject("/search?q=bridge&page=9999")).statusCode, 400);
  assert.equal((await app.inject("/search?q=a&q=b")).statusCode, 400);
  assert.equal((await app.inject("/search?q=bridge&source=abc")).statusCode, 400);
});

test("the date range includes the whole end day", async () => {
  const res = await app.inject("/search?q=bridge&from=2026-11-20&to=2026-11-20");
  assert.equal(res.statusCode, 200);
  assert.equal(res.body.match(/class="search-hit"/g)?.length, 11);
});
