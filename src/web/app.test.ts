/** @module The public pages through Fastify's inject(), over a real SQLite database. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sqliteTestDatabase, type TestDatabase } from "../../test/support/databases.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import { insertArticle, listLatestArticles } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { insertSource, markSourceFetched } from "../storage/sources.ts";
import { buildApp } from "./app.tsx";
import { stylesheet } from "./assets.ts";

let tdb: TestDatabase;
let db: Db;
let app: ReturnType<typeof buildApp>;
let articlePath = "";
const config = loadConfig({});
/** Only WebSub pushes fetch pages from the web app; these tests send none. */
const fetcher = fetcherFromConfig(config);

before(async () => {
  tdb = sqliteTestDatabase();
  db = openDb(tdb.url);
  await migrateToLatest(db);
  const now = "2026-11-20T10:00:00.000Z";
  const { source } = await insertSource(db.kysely, "https://gazette.test/feed.xml", now);
  await markSourceFetched(db.kysely, source.id, {
    now,
    nextFetchAt: now,
    title: "The Gazette",
    siteUrl: "https://gazette.test/",
  });
  await insertArticle(db.kysely, {
    source_id: source.id,
    guid: "a1",
    url: "https://gazette.test/2026/bridge-reopens",
    title: 'Bridge reopens <script>alert("t")</script>',
    byline: "Mira Chen",
    published_at: "2026-11-19T08:30:00.000Z",
    lead_image_url: "https://gazette.test/img/bridge.jpg",
    lead_image_alt: "The bridge",
    lead_image_caption: "Traffic crosses the bridge.",
    lead_image_credit: "Photo: Sam Lee/Gazette",
    body_html: "<p>The bridge reopened on Thursday.</p>",
    text: "The bridge reopened on Thursday.",
    excerpt: "The bridge reopened on Thursday.",
    fetched_at: now,
    created_at: now,
    updated_at: now,
  });
  app = buildApp({ db: db.kysely, config, log: createLogger("silent"), fetcher });
  const [row] = await listLatestArticles(db.kysely, 1);
  articlePath = `/articles/${row?.id}-bridge-reopens-script-alert-t-script`;
});
after(async () => {
  await app?.close();
  await fetcher.close();
  await db?.close();
  await tdb?.drop();
});

test("the front page lists the latest articles with their outlet", async () => {
  const res = await app.inject("/");
  assert.equal(res.statusCode, 200);
  assert.match(res.headers["content-type"] as string, /text\/html/);
  assert.match(res.body, /^<!doctype html>/);
  assert.match(res.body, /Bridge reopens &lt;script>/);
  assert.match(res.body, new RegExp(`href="${articlePath}"`));
  assert.match(res.body, /The Gazette/);
  assert.doesNotMatch(res.body, /<script>alert/);
});

test("the article page shows the headline once, the outlet, date, lead image with caption and credit, body and Source", async () => {
  const res = await app.inject(articlePath);
  assert.equal(res.statusCode, 200);
  const body = res.body;
  assert.equal(body.match(/<h1[ >]/g)?.length, 1);
  assert.equal(body.match(/Bridge reopens &lt;script>/g)?.length, 2, "once in <title>, once in <h1>");
  assert.match(body, /By Mira Chen/);
  assert.match(body, /<time datetime="2026-11-19T08:30:00.000Z">19 November 2026 at 08:30 UTC<\/time>/);
  assert.match(body, /<img src="https:\/\/gazette.test\/img\/bridge.jpg" alt="The bridge"/);
  assert.match(
    body,
    /<span class="caption">Traffic crosses the bridge.<\/span><span class="credit">Photo: Sam Lee\/Gazette<\/span>/,
  );
  assert.match(body, /<p>The bridge reopened on Thursday.<\/p>/);
  assert.match(body, /<h2 id="source-heading">Source<\/h2>/);
  assert.match(body, /<a href="https:\/\/gazette.test\/2026\/bridge-reopens"/);
  const order = ["<h1", "By Mira Chen", "lead-image", "article-body", "source-heading"].map((s) =>
    body.indexOf(s),
  );
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    "anatomy in order",
  );
});

test("a wrong slug redirects to the article's own address; unknown ids and paths get a helpful 404", async () => {
  const id = articlePath.split("/")[2]?.split("-")[0];
  const redirect = await app.inject(`/articles/${id}-old-headline`);
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, articlePath);
  for (const path of ["/articles/999999-nothing", "/articles/abc", "/no/such/page"]) {
    const res = await app.inject(path);
    assert.equal(res.statusCode, 404, path);
    assert.match(res.body, /Page not found/);
    assert.match(res.body, /href="\/"/);
  }
});

test("the stylesheet is served under a hashed name, cacheable forever", async () => {
  const res = await app.inject(stylesheet.path);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers["cache-control"] as string, /immutable/);
  assert.match(res.body, /\.source-block/);
});
