/** @module The search feeds over a real SQLite file and the real search module (FTS5). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config/config.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";
import { createLogger } from "../../src/log.ts";
import { insertArticle } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import type { WebContext } from "../../src/web/context.ts";
import type { FeedFormat } from "../../src/web/feeds-out/feed-handlers.ts";
import { searchFeed } from "../../src/web/feeds-out/search-feed.ts";
import { searchForFeed } from "../../src/web/feeds-out/search-results.ts";
import { sqliteTestDatabase, type TestDatabase } from "../support/databases.ts";

const BASE = "https://news.example.org";
const T0 = "2026-11-20T10:00:00.000Z";
let tdb: TestDatabase;
let db: Db;
let app: FastifyInstance;
const config = loadConfig({ NEWSDESK_PUBLIC_URL: BASE });

before(async () => {
  tdb = sqliteTestDatabase();
  db = openDb(tdb.url);
  await migrateToLatest(db);
  const { source } = await insertSource(db.kysely, "https://gazette.test/feed.xml", T0);
  for (const title of ["Flood warning for the valley", "Flood <script>]]> defences hold", "Budget passes"]) {
    await insertArticle(db.kysely, {
      source_id: source.id,
      guid: title,
      url: `https://gazette.test/${encodeURIComponent(title)}`,
      title,
      body_html: "<p>Text.</p>",
      text: "Text.",
      published_at: T0,
      fetched_at: T0,
      created_at: T0,
      updated_at: T0,
    });
  }
  const ctx: WebContext = { db: db.kysely, config, log: createLogger("silent") };
  app = Fastify();
  for (const [ext, format] of [
    ["xml", "rss"],
    ["atom", "atom"],
    ["json", "json"],
  ] as const) {
    const handler = searchFeed(format as FeedFormat, searchForFeed);
    app.get(`/search/feed.${ext}`, (req, reply) => handler(ctx, req, reply));
  }
});
after(async () => {
  await app?.close();
  await db?.close();
  await tdb?.drop();
});

test("a search feed carries the search's results and its own address, query included", async () => {
  for (const ext of ["xml", "atom", "json"]) {
    const res = await app.inject(`/search/feed.${ext}?q=Flood`);
    assert.equal(res.statusCode, 200, ext);
    const feed = parseFeed(res.body, BASE);
    assert.equal(feed.recovered, false, ext);
    assert.equal(feed.selfUrl, `${BASE}/search/feed.${ext}?q=Flood`);
    assert.equal(feed.siteUrl, `${BASE}/search?q=Flood`);
    assert.deepEqual(
      feed.items.map((i) => i.title?.value),
      ["Flood <script>]]> defences hold", "Flood warning for the valley"],
      ext,
    );
  }
});

test("a hostile query stays text; an empty or overlong one is refused", async () => {
  const q = encodeURIComponent('<script>]]>\u0001"');
  for (const ext of ["xml", "atom", "json"]) {
    const res = await app.inject(`/search/feed.${ext}?q=${q}`);
    assert.equal(res.statusCode, 200, ext);
    const feed = parseFeed(res.body, BASE);
    assert.equal(feed.recovered, false, ext);
    assert.equal(feed.title?.value, '“<script>]]>"” on Newsdesk', ext);
    // The query is searched as the word it holds ("script"), never as markup or search syntax.
    assert.deepEqual(
      feed.items.map((i) => i.title?.value),
      ["Flood <script>]]> defences hold"],
      ext,
    );
  }
  for (const path of [
    "/search/feed.xml",
    "/search/feed.atom?q=%20%20",
    `/search/feed.json?q=${"a".repeat(301)}`,
  ]) {
    assert.equal((await app.inject(path)).statusCode, 400, path);
  }
});
