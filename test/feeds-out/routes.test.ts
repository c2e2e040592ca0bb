/** @module The output feeds, sitemaps and robots.txt through the real app over a real SQLite file. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadConfig } from "../../src/config/config.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";
import { parseXmlStrict } from "../../src/feeds/xml-strict.ts";
import { childElements, textOf, type XmlElement } from "../../src/feeds/xml-tree.ts";
import { createLogger } from "../../src/log.ts";
import { insertArticle, listLatestArticles } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource, markSourceFetched, updateSourceSettings } from "../../src/storage/sources.ts";
import { assignArticlesToStory, findStoryById } from "../../src/storage/stories.ts";
import { slugify } from "../../src/util/slug.ts";
import { buildApp } from "../../src/web/app.tsx";
import { sqliteTestDatabase, type TestDatabase } from "../support/databases.ts";

const BASE = "https://news.example.org";
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const SCOOP = "Only subscribers may read this ninth paragraph.";

let tdb: TestDatabase;
let db: Db;
let app: ReturnType<typeof buildApp>;
let gazetteId = 0;
let postId = 0;
let newestPublished = "";
const config = loadConfig({ NEWSDESK_PUBLIC_URL: BASE, NEWSDESK_SITE_TITLE: "Town <Desk>" });

async function addSource(url: string, title: string, siteUrl: string): Promise<number> {
  const now = ago(500);
  const { source } = await insertSource(db.kysely, url, now);
  await markSourceFetched(db.kysely, source.id, { now, nextFetchAt: now, title, siteUrl });
  return source.id;
}

async function addArticle(
  sourceId: number,
  guid: string,
  title: string,
  published: string,
  topics: string[],
  body = `<p>Body of ${guid}.</p>`,
) {
  await insertArticle(
    db.kysely,
    {
      source_id: sourceId,
      guid,
      url: `https://origin.test/${guid}`,
      title,
      byline: "A. Reporter",
      published_at: published,
      body_html: body,
      text: body.replace(/<[^>]+>/g, ""),
      excerpt: null,
      language: "en",
      fetched_at: published,
      created_at: published,
      updated_at: published,
    },
    topics,
  );
}

before(async () => {
  tdb = sqliteTestDatabase();
  db = openDb(tdb.url);
  await migrateToLatest(db);
  gazetteId = await addSource("https://gazette.test/feed.xml", "The Gazette", "https://gazette.test/");
  postId = await addSource("https://post.test/rss", "Paywall Post", "https://post.test/");
  await updateSourceSettings(db.kysely, postId, { displayMode: "excerpt" });
  await addArticle(gazetteId, "g1", "Bridge reopens", ago(50), ["Transport"]);
  await addArticle(gazetteId, "g2", 'Council vote <script>alert("x")</script> ]]> \u0007 🚀', ago(3), [
    "Transport",
    "City Hall",
  ]);
  newestPublished = ago(2);
  await addArticle(
    postId,
    "p1",
    "Bridge reopens, says Post",
    newestPublished,
    ["Transport"],
    `<p>${"The lead paragraph of the story. ".repeat(20)}</p><p>${SCOOP}</p>`,
  );
  await addArticle(postId, "p2", "Old archive piece", ago(24 * 10), []);
  const rows = await listLatestArticles(db.kysely, 10);
  const bridge = rows.filter((r) => r.title.startsWith("Bridge reopens"));
  await assignArticlesToStory(
    db.kysely,
    Number(bridge[0]?.story_id),
    bridge.map((r) => r.id),
  );
  app = buildApp({ db: db.kysely, config, log: createLogger("silent") });
});
after(async () => {
  await app?.close();
  await db?.close();
  await tdb?.drop();
});

const TYPES = {
  xml: /^application\/rss\+xml; charset=utf-8$/,
  atom: /^application\/atom\+xml; charset=utf-8$/,
  json: /^application\/feed\+json; charset=utf-8$/,
};

async function getFeed(path: string) {
  const res = await app.inject(path);
  assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 200)}`);
  const ext = path.split(".").at(-1) as keyof typeof TYPES;
  assert.match(res.headers["content-type"] as string, TYPES[ext], path);
  const feed = parseFeed(res.body, `${BASE}${path}`);
  assert.equal(feed.recovered, false, `${path} is well-formed`);
  return { res, feed };
}

test("the site's feeds list every article newest first, in all three formats, with self links", async () => {
  for (const ext of ["xml", "atom", "json"]) {
    const { feed } = await getFeed(`/feed.${ext}`);
    assert.equal(feed.title?.value.trim(), "Town <Desk>");
    assert.equal(feed.siteUrl, `${BASE}/`);
    assert.equal(feed.selfUrl, `${BASE}/feed.${ext}`);
    assert.deepEqual(
      feed.items.map((i) => i.title?.value),
      [
        "Bridge reopens, says Post",
        'Council vote <script>alert("x")</script> ]]>  🚀',
        "Bridge reopens",
        "Old archive piece",
      ],
      ext,
    );
    for (const item of feed.items) {
      assert.match(item.url ?? "", /^https:\/\/news\.example\.org\/articles\/\d+-/);
      assert.match(item.id ?? "", /^https:\/\/news\.example\.org\/articles\/\d+$/);
      assert.match(
        item.content?.value ?? item.summary?.value ?? "",
        /Source: (The Gazette|Paywall Post), <a href="https:\/\/origin.test\//,
      );
    }
  }
});

test("an excerpt-only source's articles never carry the body, in the site feed or its own", async () => {
  for (const path of [
    "/feed.xml",
    "/feed.atom",
    "/feed.json",
    `/sources/${postId}/feed.xml`,
    `/sources/${postId}-paywall-post/feed.atom`,
    `/sources/${postId}/feed.json`,
  ]) {
    const res = await app.inject(path);
    assert.equal(res.statusCode, 200, path);
    assert.doesNotMatch(res.body, /ninth paragraph/, path);
    assert.match(res.body, /Read the full article at Paywall Post/, path);
  }
});

test("a source's feeds hold only its articles, with or without the slug; unknown sources are 404", async () => {
  for (const path of [
    `/sources/${gazetteId}/feed.xml`,
    `/sources/${gazetteId}-the-gazette/feed.json`,
    `/sources/${gazetteId}-x/feed.atom`,
  ]) {
    const { feed } = await getFeed(path);
    assert.equal(feed.title?.value, "The Gazette on Town <Desk>");
    assert.equal(feed.siteUrl, `${BASE}/sources/${gazetteId}-the-gazette`);
    assert.equal(feed.items.length, 2, path);
    assert.match(feed.items[0]?.content?.value ?? "", /<p>Body of g2.<\/p>/, "full text");
  }
  for (const path of ["/sources/999/feed.xml", "/sources/abc/feed.json", "/topics/no-such-topic/feed.atom"]) {
    assert.equal((await app.inject(path)).statusCode, 404, path);
  }
});

test("a topic's feeds hold its articles with their categories", async () => {
  for (const ext of ["xml", "atom", "json"]) {
    const { feed } = await getFeed(`/topics/transport/feed.${ext}`);
    assert.equal(feed.title?.value, "Transport on Town <Desk>");
    assert.equal(feed.siteUrl, `${BASE}/topics/transport`);
    assert.equal(feed.items.length, 3, ext);
    assert.deepEqual(feed.items[1]?.categories, ["City Hall", "Transport"], ext);
  }
});

test("feeds send Last-Modified from the newest item and answer If-Modified-Since with 304", async () => {
  const first = await app.inject("/feed.atom");
  const lastModified = first.headers["last-modified"] as string;
  assert.equal(Date.parse(lastModified), Math.floor(Date.parse(newestPublished) / 1000) * 1000);
  assert.match(first.headers["cache-control"] as string, /public, max-age=\d+/);
  const again = await app.inject({ url: "/feed.atom", headers: { "if-modified-since": lastModified } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, "");
  const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
  const stale = await app.inject({ url: "/feed.atom", headers: { "if-modified-since": older } });
  assert.equal(stale.statusCode, 200);
  const withEtag = await app.inject({
    url: "/feed.atom",
    headers: { "if-modified-since": lastModified, "if-none-match": '"x"' },
  });
  assert.equal(withEtag.statusCode, 200, "If-None-Match takes precedence");
  const topic = await app.inject("/topics/city-hall/feed.xml");
  const topicModified = topic.headers["last-modified"] as string;
  assert.ok(Date.parse(topicModified) < Date.parse(lastModified), "the topic's newest item is older");
  const site = await app.inject({ url: "/feed.xml", headers: { "if-modified-since": topicModified } });
  assert.equal(site.statusCode, 200, "the site has a newer item than the reader has seen");
});

function locsOf(xml: string): XmlElement[] {
  const parsed = parseXmlStrict(xml, BASE);
  assert.ok("root" in parsed, "well-formed XML");
  return parsed.root.children.filter((c): c is XmlElement => typeof c !== "string");
}

test("the sitemap index points at the pages sitemap and the article shards, which list every page", async () => {
  const index = await app.inject("/sitemap.xml");
  assert.equal(index.statusCode, 200);
  assert.match(index.headers["content-type"] as string, /^application\/xml/);
  const maps = locsOf(index.body).map((s) => textOf(childElements(s, "loc")[0]));
  assert.deepEqual(maps, [`${BASE}/sitemap-pages.xml`, `${BASE}/sitemap-articles-0.xml`]);

  const pages = await app.inject("/sitemap-pages.xml");
  const pageLocs = locsOf(pages.body).map((u) => textOf(childElements(u, "loc")[0]));
  const storyId = (await listLatestArticles(db.kysely, 10)).find(
    (r) => r.title === "Bridge reopens",
  )?.story_id;
  const story = await findStoryById(db.kysely, Number(storyId));
  assert.deepEqual(pageLocs, [
    `${BASE}/`,
    `${BASE}/sources/${gazetteId}-the-gazette`,
    `${BASE}/sources/${postId}-paywall-post`,
    `${BASE}/topics/city-hall`,
    `${BASE}/topics/transport`,
    `${BASE}/stories/${storyId}-${slugify(story?.title ?? "")}`,
  ]);

  const articles = await app.inject("/sitemap-articles-0.xml");
  const urls = locsOf(articles.body);
  assert.equal(urls.length, 4);
  for (const u of urls) {
    assert.match(textOf(childElements(u, "loc")[0]), /^https:\/\/news\.example\.org\/articles\/\d+-[^/]+$/);
    assert.match(textOf(childElements(u, "lastmod")[0]), /^\d{4}-\d\d-\d\dT/);
  }
  for (const path of ["/sitemap-articles-1.xml", "/sitemap-articles-x.xml"]) {
    assert.equal((await app.inject(path)).statusCode, 404, path);
  }
});

test("the Google News sitemap lists only the last two days' articles, with publication and title", async () => {
  const res = await app.inject("/sitemap-news.xml");
  assert.equal(res.statusCode, 200);
  const urls = locsOf(res.body);
  const titles = urls.map((u) =>
    textOf(childElements(childElements(u, "news")[0] as XmlElement, "title")[0]),
  );
  assert.deepEqual(titles, ["Bridge reopens, says Post", 'Council vote <script>alert("x")</script> ]]>  🚀']);
  const pub = childElements(childElements(urls[0] as XmlElement, "news")[0] as XmlElement, "publication")[0];
  assert.equal(textOf(childElements(pub as XmlElement, "name")[0]), "Town <Desk>");
  assert.equal(textOf(childElements(pub as XmlElement, "language")[0]), "en");
});

test("robots.txt opens the site, closes admin and WebSub, and names the sitemaps at the public URL", async () => {
  const res = await app.inject("/robots.txt");
  assert.equal(res.statusCode, 200);
  assert.match(res.headers["content-type"] as string, /^text\/plain/);
  assert.match(res.body, /^User-agent: \*\nAllow: \/\nDisallow: \/admin\nDisallow: \/websub\n/);
  assert.match(res.body, /Sitemap: https:\/\/news\.example\.org\/sitemap\.xml\n/);
  assert.match(res.body, /Sitemap: https:\/\/news\.example\.org\/sitemap-news\.xml\n/);
});
