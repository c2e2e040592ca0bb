/** @module The article page through Fastify's inject(), over a real SQLite database: anatomy, safety, head. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  buildSite,
  HOSTILE_BYLINE,
  HOSTILE_TITLE,
  SECRET_SENTENCE,
  type Site,
  withoutJsonLd,
} from "../../test/support/site-fixture.ts";
import { stylesheet } from "./assets.ts";

let site: Site;
let bridgePath = "";

before(async () => {
  site = await buildSite();
  const res = await site.app.inject(`/articles/${site.ids.bridge}`);
  bridgePath = String(res.headers.location);
});
after(async () => {
  await site?.close();
});

const escapedTitle = "Bridge reopens &lt;/script>&lt;script>alert(&quot;t&quot;)&lt;/script>";

function jsonLdOf(html: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  assert.ok(m?.[1], "a JSON-LD block");
  return JSON.parse(m[1]) as Record<string, unknown>;
}

test("the article page follows the brief's anatomy, in order, with the headline once", async () => {
  const res = await site.app.inject(bridgePath);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  const body = html.slice(html.indexOf("<body"));
  assert.equal(body.match(/<h1[ >]/g)?.length, 1, "one h1");
  assert.equal(body.split(escapedTitle).length - 1, 1, "the headline once in the page body");
  const marks = [
    "<h1>",
    'class="byline"',
    'href="#comments"',
    'class="lead-image"',
    'class="article-body"',
    'id="source-heading"',
    'id="also-heading"',
    'class="topics"',
    'id="comments"',
  ];
  const positions = marks.map((m) => body.indexOf(m));
  for (const [i, p] of positions.entries()) assert.ok(p > 0, `${marks[i]} present`);
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
    "anatomy in order",
  );
  assert.match(
    body,
    /<time datetime="2026-11-21T06:00:00.000Z" dir="ltr">21 November 2026 at 06:00 UTC<\/time>/,
  );
  assert.match(body, /<a href="\/sources\/\d+-the-gazette">The Gazette<\/a>/, "outlet links to its page");
  assert.match(body, /<a class="comment-count" href="#comments">2 comments<\/a>/, "approved comments only");
  assert.match(body, /<section id="comments"[^>]*><h2 id="comments-heading">Comments \(2\)<\/h2>/);
  assert.match(body, /<img src="https:\/\/gazette.test\/img\/bridge.jpg" alt="The bridge at dawn"/);
  assert.doesNotMatch(body.slice(body.indexOf("lead-image"), body.indexOf("article-body")), /loading="lazy"/);
  assert.match(body, /<img loading="lazy" decoding="async" src="https:\/\/gazette.test\/img\/2.jpg"/);
  assert.match(
    body,
    /<span class="caption">Traffic crosses &lt;img[^<]*<\/span><span class="credit">Photo: Sam Lee\/Gazette<\/span>/,
  );
  assert.match(body, /<p>The bridge reopened on Thursday.<\/p>/);
  assert.match(body, /<a class="original-url" href="https:\/\/gazette.test\/2026\/bridge-reopens"/);
  assert.match(body, /<a href="\/topics\/transport">Transport<\/a>/);
  assert.match(body, /<a href="\/topics\/city-news">City News<\/a>/);
});

test("'Also covered by' lists the story's other outlets with times and links to our pages and the story", async () => {
  const body = (await site.app.inject(bridgePath)).body;
  const section = body.slice(body.indexOf('id="also-heading"'), body.indexOf('class="topics"'));
  assert.match(section, /Daily Post/);
  assert.match(section, /Al Sahafa/);
  assert.match(
    section,
    new RegExp(`href="/articles/${site.ids.bridgePost}-bridge-open-again-after-two-years"`),
  );
  assert.match(section, /<time datetime=/);
  assert.match(section, /href="\/stories\/\d+-[^"]*">Full coverage: 3 reports from 3 outlets</);
  assert.doesNotMatch(section, /The Gazette/, "not the article itself");
  const solo = await site.app.inject(`/articles/${site.ids.solo}-council-meets`);
  assert.equal(solo.statusCode, 200);
  assert.doesNotMatch(solo.body, /Also covered by/, "a story of one adds nothing");
  assert.match(solo.body, /No comments yet/);
});

test("hostile titles, bylines and captions are escaped everywhere; no data-borne <script> in the output", async () => {
  for (const path of [bridgePath, "/", `/sources/${site.sources.gazette}-the-gazette`, "/topics/transport"]) {
    const html = (await site.app.inject(path)).body;
    assert.doesNotMatch(withoutJsonLd(html), /<script/i, path);
    assert.doesNotMatch(html, /onerror="alert/, path);
  }
  const html = (await site.app.inject(bridgePath)).body;
  assert.match(html, /By <bdi>Mira &lt;script>alert\(1\)&lt;\/script> Chen<\/bdi>/);
  assert.ok(!html.includes(HOSTILE_BYLINE));
});

test("the head carries JSON-LD NewsArticle (parseable, isBasedOn the original), OpenGraph, Twitter and canonical", async () => {
  const html = (await site.app.inject(bridgePath)).body;
  const head = html.slice(0, html.indexOf("</head>"));
  const ld = jsonLdOf(head);
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld.headline, HOSTILE_TITLE, "the exact headline survives the escaping");
  assert.equal(ld.isBasedOn, "https://gazette.test/2026/bridge-reopens");
  assert.equal(ld.datePublished, "2026-11-21T06:00:00.000Z");
  assert.deepEqual(ld.author, { "@type": "Person", name: HOSTILE_BYLINE });
  assert.equal((ld.publisher as { name: string }).name, "Newsdesk");
  assert.deepEqual(ld.image, ["https://gazette.test/img/bridge.jpg"]);
  // The original page's own canonical address, which its publisher chose.
  assert.match(head, /<link rel="canonical" href="https:\/\/gazette.test\/bridge-reopens"/);
  assert.doesNotMatch(head, /og:url/, "og:url only when the site's public address is known");
  assert.match(head, /<meta property="og:type" content="article"/);
  assert.match(head, /<meta property="og:image" content="https:\/\/gazette.test\/img\/bridge.jpg"/);
  assert.match(head, /<meta name="twitter:card" content="summary_large_image"/);
  assert.match(head, /<link rel="alternate" type="application\/rss\+xml"[^>]* href="\/feed.xml"/);
  assert.match(head, /<link rel="alternate" type="application\/rss\+xml"[^>]* href="\/comments\/feed.xml"/);
  assert.match(
    head,
    /<link rel="alternate" type="application\/rss\+xml"[^>]* href="\/articles\/\d+-[\w-]+\/comments.xml"/,
  );
});

test("NEWSDESK_CANONICAL=self points canonical at this site's own address", async () => {
  const own = await buildSite({
    NEWSDESK_CANONICAL: "self",
    NEWSDESK_PUBLIC_URL: "https://news.example.org",
  });
  try {
    const html = (await own.app.inject(bridgePath.replace(/^\/articles\/\d+/, `/articles/${own.ids.bridge}`)))
      .body;
    assert.match(
      html,
      new RegExp(`<link rel="canonical" href="https://news.example.org/articles/${own.ids.bridge}-`),
    );
    assert.match(html, /<meta property="og:url" content="https:\/\/news.example.org\/articles\//);
  } finally {
    await own.close();
  }
});

test("an excerpt-only source shows an excerpt and a prominent link, never the full text; canonical is self", async () => {
  const res = await site.app.inject(`/articles/${site.ids.bridgePost}-bridge-open-again-after-two-years`);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.ok(!html.includes(SECRET_SENTENCE), "the full text never appears");
  const body = html.slice(html.indexOf("<body"));
  assert.equal(body.split("word ").length - 1, 59, "60 words at most (the 60th ends with the ellipsis)");
  assert.match(body, /word…<\/p>/);
  assert.match(
    html,
    /<a href="https:\/\/outlet.test\/bridge-post" rel="noopener">Read the full article at Daily Post<\/a>/,
  );
  assert.doesNotMatch(html, /lead-image/);
  assert.match(html, new RegExp(`<link rel="canonical" href="/articles/${site.ids.bridgePost}-`));
  const ld = jsonLdOf(html);
  assert.equal(ld.isBasedOn, "https://outlet.test/bridge-post");
  assert.ok(!JSON.stringify(ld).includes(SECRET_SENTENCE));
});

test("a right-to-left article carries dir=rtl and its lang", async () => {
  const res = await site.app.inject(`/articles/${site.ids.arabic}`);
  assert.equal(res.statusCode, 301);
  const html = (await site.app.inject(String(res.headers.location))).body;
  assert.match(html, /<article class="article" lang="ar" dir="rtl">/);
});

test("a wrong slug redirects to the article's own address; unknown ids and paths get a helpful 404", async () => {
  const redirect = await site.app.inject(`/articles/${site.ids.bridge}-old-headline`);
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, bridgePath);
  for (const path of ["/articles/999999-nothing", "/articles/abc", "/articles/0", "/no/such/page"]) {
    const res = await site.app.inject(path);
    assert.equal(res.statusCode, 404, path);
    assert.match(res.body, /Page not found/);
    assert.match(res.body, /href="\/"/);
    assert.match(res.body, /<form class="search-form" action="\/search" method="get">/);
    assert.match(res.body, /<meta name="robots" content="noindex"\/>/, `${path} is not for search engines`);
  }
  // Refused by Fastify before routing: still the site's page, not JSON.
  const unreadable = await site.app.inject("/topics/%ZZ");
  assert.equal(unreadable.statusCode, 400);
  assert.match(unreadable.headers["content-type"] as string, /text\/html/);
  assert.match(unreadable.body, /could not be read/);
  const bad = await site.app.inject("/?before=garbage");
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>Bad request · /, "title and heading agree");
});

test("the stylesheet is served under a hashed name, cacheable forever, with both themes and print styles", async () => {
  const res = await site.app.inject(stylesheet.path);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers["cache-control"] as string, /immutable/);
  assert.match(res.body, /\.source-block/);
  assert.match(res.body, /prefers-color-scheme: dark/);
  assert.match(res.body, /@media print/);
  assert.match(res.body, /:focus-visible/);
});
