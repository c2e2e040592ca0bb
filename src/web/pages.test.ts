/** @module Front page, story, source, topic, about and error pages through inject(), over a real SQLite site. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildSite, FILLERS, type Site } from "../../test/support/site-fixture.ts";

let site: Site;
before(async () => {
  site = await buildSite();
});
after(async () => {
  await site?.close();
});

const h1Count = (html: string) => html.match(/<h1[ >]/g)?.length ?? 0;
const articleLinks = (html: string) => [...html.matchAll(/href="(\/articles\/\d+-[^"]*)"/g)].map((m) => m[1]);

test("the front page leads with the ranked story, its picture and the outlets covering it, then the latest", async () => {
  const res = await site.app.inject("/");
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.equal(h1Count(html), 1);
  const top = html.slice(html.indexOf('id="top-heading"'), html.indexOf('id="latest-heading"'));
  assert.ok(top.length > 0, "top stories come before the latest");
  // The three-outlet bridge story outranks the newer single articles and leads with its picture.
  const lead = top.slice(0, top.indexOf('class="story-grid"'));
  assert.match(
    lead,
    /<article class="story-card lead"><figure class="story-image lead"><img src="https:\/\/gazette.test\/img\/bridge.jpg"/,
  );
  assert.match(lead, /<span class="credit">Photo: Sam Lee\/Gazette<\/span>/);
  assert.match(lead, /<h3 class="story-title" dir="auto"><a href="\/stories\/\d+-bridge-reopens/);
  assert.match(
    lead,
    /<bdi class="outlet">The Gazette<\/bdi> · <time datetime="2026-11-21T06:00:00.000Z" dir="ltr" data-relative>/,
  );
  assert.match(
    lead,
    /3 outlets<\/span>: <span><bdi>Al Sahafa<\/bdi><\/span><span>, <bdi>The Gazette<\/bdi><\/span><span> and <bdi>Daily Post<\/bdi><\/span>/,
  );
  assert.match(lead, /Full coverage<span class="visually-hidden"> of Bridge reopens/);
  // A story of one links straight to its report.
  assert.match(top, new RegExp(`<a href="/articles/${site.ids.solo}-council-meets">Council meets</a>`));
  assert.match(html, /<nav class="site-nav" aria-label="Site">/);
  assert.match(html, /<a href="\/sources">Sources<\/a>/);
  assert.match(html, /<a href="\/about">About<\/a>/);
  assert.match(html, /<main id="main" tabindex="-1" class="wide"/);
  assert.match(html, /<footer class="site-footer">/);
  assert.match(html, /<script src="\/assets\/relative-time\.[0-9a-f]{12}\.js" defer><\/script>/);
});

test("the front page's 'older' link pages through every article by keyset cursor", async () => {
  const seen = new Set<string>();
  let path: string | null = "/";
  let pages = 0;
  while (path && pages < 10) {
    const res: { statusCode: number; body: string } = await site.app.inject(path);
    assert.equal(res.statusCode, 200, path);
    // Stories of one link straight to their report; the latest lists the rest.
    for (const link of articleLinks(res.body)) if (link) seen.add(link.split("-")[0] ?? "");
    const m = /<a href="(\/\?before=[^"]+)" rel="next">/.exec(res.body);
    path = m?.[1]?.replace(/&amp;/g, "&") ?? null;
    pages++;
  }
  assert.equal(pages, 2);
  // Every article appears: in a story card (a story of one links to its report) or in "latest".
  assert.ok(seen.size >= FILLERS, `saw ${seen.size}`);
});

test("bad cursors answer 400 with the error page, never 500", async () => {
  for (const bad of [
    "nonsense",
    "2026-11-20T10:00:00.000Z",
    "2026-13-45T99:00:00Z_5",
    "_5",
    "x_1",
    "2026-11-20T10:00:00Z_abc",
  ]) {
    const res = await site.app.inject(`/?before=${encodeURIComponent(bad)}`);
    assert.equal(res.statusCode, 400, bad);
    assert.match(res.body, /href="\/"/);
  }
  const twice = await site.app.inject("/?before=a&before=b");
  assert.equal(twice.statusCode, 400);
  const topic = await site.app.inject("/topics/transport?before=bad");
  assert.equal(topic.statusCode, 400);
  // A well-formed cursor past the oldest article is a clean, empty page.
  const empty = await site.app.inject(`/?before=${encodeURIComponent("1990-01-01T00:00:00.000Z_1")}`);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /There are no older articles/);
});

test("a story page groups every report by outlet in time order, for many articles and for one", async () => {
  const article = (await site.app.inject(`/articles/${site.ids.bridge}`)).headers.location;
  const page = (await site.app.inject(String(article))).body;
  const storyPath = /href="(\/stories\/\d+-[^"]+)"/.exec(page)?.[1] ?? "";
  const res = await site.app.inject(storyPath);
  assert.equal(res.statusCode, 200);
  assert.equal(h1Count(res.body), 1);
  assert.match(res.body, /<h2 id="coverage-heading">3 reports from 3 outlets<\/h2>/);
  assert.match(
    res.body,
    /First reported by <a href="\/sources\/\d+-al-sahafa"><bdi>Al Sahafa<\/bdi><\/a> at <time/,
  );
  const order = [site.ids.arabic, site.ids.bridge, site.ids.bridgePost].map((id) =>
    res.body.indexOf(`<h4 class="report-title"><a href="/articles/${id}-`),
  );
  assert.ok(order.every((p) => p > 0));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    "outlets in the order they first reported",
  );

  const storyId = Number(/\/stories\/(\d+)-/.exec(storyPath)?.[1]);
  const wrong = await site.app.inject(`/stories/${storyId}-wrong`);
  assert.equal(wrong.statusCode, 301);
  assert.equal(wrong.headers.location, storyPath);

  const solo = await site.db.kysely
    .selectFrom("articles")
    .select("story_id")
    .where("id", "=", site.ids.solo)
    .executeTakeFirstOrThrow();
  const one = await site.app.inject(`/stories/${solo.story_id}-council-meets`);
  assert.equal(one.statusCode, 200);
  assert.match(one.body, /1 report from 1 outlet/);
  assert.equal((await site.app.inject("/stories/99999-x")).statusCode, 404);
});

test("the sources page lists every outlet with its article count; a source page pages its articles", async () => {
  const index = await site.app.inject("/sources");
  assert.equal(index.statusCode, 200);
  assert.match(index.body, /<a class="source-name" href="\/sources\/\d+-the-gazette">The Gazette<\/a>/);
  assert.match(index.body, new RegExp(` · ${FILLERS + 2} articles`));
  assert.match(index.body, /Daily Post<\/a><span class="meta"> · 1 article · excerpts/);

  const path = `/sources/${site.sources.gazette}-the-gazette`;
  const res = await site.app.inject(path);
  assert.equal(res.statusCode, 200);
  assert.equal(h1Count(res.body), 1);
  assert.match(res.body, /<a href="https:\/\/gazette.test\/" rel="noopener">Visit The Gazette<\/a>/);
  assert.match(res.body, new RegExp(`href="${path}/feed.xml"`));
  assert.equal(articleLinks(res.body).length, 30);
  const older = /<a href="([^"]+)" rel="next">/.exec(res.body)?.[1]?.replace(/&amp;/g, "&") ?? "";
  assert.ok(older.startsWith(`${path}?before=`));
  const second = await site.app.inject(older);
  assert.equal(articleLinks(second.body).length, FILLERS + 2 - 30);
  assert.match(second.body, /rel="first">← Newest/);

  const moved = await site.app.inject(`/sources/${site.sources.gazette}-old-name?before=x`);
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location, `${path}?before=x`);
  assert.equal((await site.app.inject("/sources/424242-none")).statusCode, 404);
});

test("a topic page lists its articles; other spellings redirect; unknown topics are 404", async () => {
  const res = await site.app.inject("/topics/transport");
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1><span class="kicker">Topic: <\/span>Transport<\/h1>/);
  assert.ok(res.body.includes(`href="/articles/${site.ids.bridge}-`));
  assert.ok(res.body.includes(`href="/articles/${site.ids.bridgePost}-`));
  assert.ok(!res.body.includes(`href="/articles/${site.ids.solo}-`));
  const spelled = await site.app.inject("/topics/City%20News");
  assert.equal(spelled.statusCode, 301);
  assert.equal(spelled.headers.location, "/topics/city-news");
  assert.equal((await site.app.inject("/topics/no-such-topic")).statusCode, 404);
});

test("the about page explains the site, the crediting and the email promise", async () => {
  const res = await site.app.inject("/about");
  assert.equal(res.statusCode, 200);
  assert.equal(h1Count(res.body), 1);
  assert.match(res.body, /Source box/);
  assert.match(res.body, /never published/);
});

test("every page type has exactly one h1, the skip link and labelled search", async () => {
  const paths = [
    "/",
    "/sources",
    `/sources/${site.sources.post}-daily-post`,
    "/topics/transport",
    "/about",
    "/nope",
  ];
  for (const path of paths) {
    const html = (await site.app.inject(path)).body;
    assert.equal(h1Count(html), 1, path);
    assert.match(html, /<a class="skip-link" href="#main">/, path);
    assert.match(html, /<label for="site-search" class="visually-hidden">Search<\/label>/, path);
  }
});

test("a failure inside a page answers a helpful 500, without details", async () => {
  const broken = await buildSite();
  try {
    await broken.db.kysely.schema.dropTable("article_topics").execute();
    const res = await broken.app.inject("/topics/transport");
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<h1>Something went wrong<\/h1>/);
    assert.match(res.body, /<form class="search-form" action="\/search" method="get">/);
    assert.match(res.body, /href="\/"/);
    assert.doesNotMatch(res.body, /article_topics|SQLITE/i);
  } finally {
    await broken.close();
  }
});
