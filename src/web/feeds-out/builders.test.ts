/** @module The feed, sitemap and robots builders, read back by the project's own parsers. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFeed } from "../../feeds/parse-feed.ts";
import { parseXmlStrict } from "../../feeds/xml-strict.ts";
import { childElements, textOf, type XmlElement } from "../../feeds/xml-tree.ts";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { EXCERPT_WORDS } from "../presenters/article.ts";
import { buildAtom } from "./atom.ts";
import { EXCERPT_MAX_CHARS, feedItemFromArticle } from "./feed-items.ts";
import type { OutFeed } from "./feed-model.ts";
import { buildJsonFeed } from "./json-feed.ts";
import { buildRobotsTxt } from "./robots.ts";
import { buildRss, rfc822 } from "./rss.ts";
import { buildNewsSitemap, buildSitemap, buildSitemapIndex, newsLanguage } from "./sitemap.ts";

const BASE = "https://news.example.org";
const HOSTILE_TITLE =
  'Mayor says <script>alert("x")</script> & ]]> \u0001\u0008\u000b\u001f\uFFFE 🚀 مرحبا بالعالم';
const CLEAN_TITLE = 'Mayor says <script>alert("x")</script> & ]]>  🚀 مرحبا بالعالم';
const SECRET = "The ninth paragraph holds the scoop only subscribers should read.";

function row(over: Partial<ArticleWithSource> = {}): ArticleWithSource {
  return {
    id: 7,
    source_id: 3,
    guid: "g7",
    url: "https://gazette.test/2026/bridge",
    canonical_url: null,
    title: "Bridge reopens",
    byline: "Mira Chen",
    agency: null,
    published_at: "2026-11-19T08:30:00.000Z",
    lead_image_url: "https://gazette.test/img/bridge.jpg",
    lead_image_alt: null,
    lead_image_caption: null,
    lead_image_credit: null,
    lead_image_width: null,
    lead_image_height: null,
    body_html: "<p>The bridge reopened on Thursday.</p><p>]]></content> &lt;b&gt; stays text</p>",
    text: "The bridge reopened on Thursday.",
    excerpt: "The bridge reopened.",
    language: "en",
    fetched_at: "2026-11-19T09:00:00.000Z",
    created_at: "2026-11-19T09:00:00.000Z",
    updated_at: "2026-11-19T09:00:00.000Z",
    sort_at: "2026-11-19T08:30:00.000Z",
    story_id: 1,
    comments_closed: 0,
    near_duplicate_of: null,
    url_key: null,
    revised_at: null,
    statements_at: null,
    source_title: "The Gazette",
    source_url: "https://gazette.test/feed.xml",
    source_site_url: "https://gazette.test/",
    source_display_mode: "full",
    ...over,
  };
}

function feedOf(rows: ArticleWithSource[]): OutFeed {
  const items = rows.map((r) => feedItemFromArticle(r, BASE, ["Transport", "City <Hall>"]));
  return {
    title: "Newsdesk <&> \u0002",
    description: "Latest",
    homeUrl: `${BASE}/`,
    selfUrls: { rss: `${BASE}/feed.xml`, atom: `${BASE}/feed.atom`, json: `${BASE}/feed.json` },
    language: null,
    updated: items[0]?.updated ?? "1970-01-01T00:00:00.000Z",
    publisher: "Newsdesk",
    items,
  };
}

/** True when `s` holds a C0 control other than tab, newline and CR, or U+FFFE. */
function hasIllegalXmlChar(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe) return true;
  }
  return false;
}

const builders = { rss: buildRss, atom: buildAtom, json: buildJsonFeed };

test("every format carries its required elements, read back by parseFeed strictly", () => {
  const feed = feedOf([row()]);
  for (const [name, build] of Object.entries(builders)) {
    const parsed = parseFeed(build(feed), `${BASE}/feed`);
    assert.equal(parsed.recovered, false, `${name} is well-formed`);
    assert.equal(parsed.version, { rss: "rss20", atom: "atom10", json: "json11" }[name]);
    assert.equal(parsed.title?.value.trim(), "Newsdesk <&>", name);
    assert.equal(parsed.siteUrl, `${BASE}/`, name);
    assert.equal(parsed.selfUrl, feed.selfUrls[name as keyof typeof builders], name);
    const [item] = parsed.items;
    assert.ok(item, name);
    assert.equal(item.title?.value, "Bridge reopens", name);
    assert.equal(item.url, `${BASE}/articles/7-bridge-reopens`, name);
    assert.equal(item.id, `${BASE}/articles/7`, name);
    assert.equal(item.published, "2026-11-19T08:30:00.000Z", name);
    assert.equal(item.author, "Mira Chen", name);
    assert.match(item.content?.value ?? "", /<p>The bridge reopened on Thursday.<\/p>/, name);
    assert.match(item.content?.value ?? "", /\]\]><\/content> &lt;b&gt; stays text/, name);
    assert.match(
      item.content?.value ?? "",
      /<p>Source: The Gazette, <a href="https:\/\/gazette.test\/2026\/bridge">/,
      `${name} names and links the original`,
    );
    assert.deepEqual(item.categories, ["Transport", "City <Hall>"], name);
  }
});

test("RSS has the channel's description, RFC 822 dates, permalink guids and <source url>", () => {
  const xml = buildRss(feedOf([row()]));
  assert.match(xml, /<description>Latest<\/description>/);
  assert.match(xml, /<pubDate>Thu, 19 Nov 2026 08:30:00 GMT<\/pubDate>/);
  assert.match(xml, /<guid isPermaLink="true">https:\/\/news.example.org\/articles\/7<\/guid>/);
  assert.match(xml, /<source url="https:\/\/gazette.test\/feed.xml">The Gazette<\/source>/);
  assert.match(xml, /<atom:link href="https:\/\/news.example.org\/feed.xml" rel="self"/);
  assert.doesNotMatch(xml, /CDATA/);
  assert.equal(rfc822("not a date"), "Thu, 01 Jan 1970 00:00:00 GMT");
});

test("Atom has feed id, updated and author, and each entry id, updated, alternate link and the original as related", () => {
  const xml = buildAtom(feedOf([row()]));
  const parsed = parseXmlStrict(xml, BASE);
  assert.ok("root" in parsed);
  const root = parsed.root;
  assert.equal(textOf(childElements(root, "id")[0]), `${BASE}/feed.atom`);
  assert.equal(textOf(childElements(root, "updated")[0]), "2026-11-19T09:00:00.000Z");
  assert.ok(childElements(root, "author").length === 1);
  const entry = childElements(root, "entry")[0] as XmlElement;
  assert.equal(textOf(childElements(entry, "id")[0]), `${BASE}/articles/7`);
  assert.equal(textOf(childElements(entry, "updated")[0]), "2026-11-19T09:00:00.000Z");
  const links = childElements(entry, "link").map((l) => `${l.attrs.rel} ${l.attrs.href}`);
  assert.deepEqual(links, [
    `alternate ${BASE}/articles/7-bridge-reopens`,
    "related https://gazette.test/2026/bridge",
  ]);
  assert.equal(childElements(entry, "content")[0]?.attrs.type, "html");
});

test("JSON Feed 1.1 has version, home_page_url, feed_url and items with id, url, external_url and authors", () => {
  const doc = JSON.parse(buildJsonFeed(feedOf([row()])));
  assert.equal(doc.version, "https://jsonfeed.org/version/1.1");
  assert.equal(doc.home_page_url, `${BASE}/`);
  assert.equal(doc.feed_url, `${BASE}/feed.json`);
  const [item] = doc.items;
  assert.equal(item.id, `${BASE}/articles/7`);
  assert.equal(item.url, `${BASE}/articles/7-bridge-reopens`);
  assert.equal(item.external_url, "https://gazette.test/2026/bridge");
  assert.equal(item.date_published, "2026-11-19T08:30:00.000Z");
  assert.deepEqual(item.authors, [{ name: "Mira Chen" }]);
  assert.equal(item._source.name, "The Gazette");
});

test("hostile titles, bylines, outlet names and bodies keep every format well-formed and read back as text", () => {
  const hostile = row({
    title: HOSTILE_TITLE,
    byline: "Eve ]]> <b>\u0000",
    source_title: 'Outlet "quoted" <i>&amp;</i> \u0007',
    body_html: `<p>${HOSTILE_TITLE.replace(/</g, "&lt;")}</p><p>]]&gt; \u0003 \uD800 lone surrogate</p>`,
    url: "javascript:alert(1)",
    lead_image_url: "data:text/html,x",
  });
  const feed = feedOf([hostile]);
  for (const [name, build] of Object.entries(builders)) {
    const text = build(feed);
    assert.ok(!hasIllegalXmlChar(text), `${name}: no illegal characters`);
    assert.doesNotMatch(text, /javascript:|data:text/, `${name}: no script links`);
    const parsed = parseFeed(text, BASE);
    assert.equal(parsed.recovered, false, `${name} is well-formed`);
    const [item] = parsed.items;
    assert.equal(item?.title?.value, CLEAN_TITLE, name);
    assert.equal(item?.author, "Eve ]]> <b>", name);
    assert.match(item?.content?.value ?? "", /lone surrogate/, name);
    assert.match(
      item?.content?.value ?? "",
      /Source: Outlet &quot;quoted&quot; &lt;i&gt;&amp;amp;&lt;\/i&gt;/,
      name,
    );
  }
});

test("an excerpt-only source's items carry the excerpt and a link, never the body", () => {
  const longText = `${"Opening words of the story. ".repeat(30)}${SECRET}`;
  for (const excerpt of [null, "A short standfirst.", longText]) {
    const feed = feedOf([
      row({
        source_display_mode: "excerpt",
        body_html: `<p>${longText}</p>`,
        text: longText,
        excerpt,
      }),
    ]);
    for (const [name, build] of Object.entries(builders)) {
      const text = build(feed);
      assert.doesNotMatch(text, /ninth paragraph/, `${name} with excerpt ${String(excerpt).slice(0, 20)}`);
      if (name === "rss") assert.doesNotMatch(text, /content:encoded/);
      // The outlet's photo is under the same terms as its text.
      assert.doesNotMatch(text, /img\/bridge\.jpg/, `${name} carries no lead image`);
      const item = parseFeed(text, BASE).items[0];
      assert.match(
        item?.content?.value ?? item?.summary?.value ?? "",
        /Read the full article at The Gazette/,
        name,
      );
    }
    assert.ok((feed.items[0]?.summary ?? "").length <= EXCERPT_MAX_CHARS);
    assert.equal(feed.items[0]?.imageUrl, null);
    // No more words than the article page shows for the same source.
    assert.ok(
      (feed.items[0]?.summary ?? "").split(" ").length <= EXCERPT_WORDS,
      "at most the page's word limit",
    );
  }
});

function urlsetLocs(xml: string): string[] {
  const parsed = parseXmlStrict(xml, BASE);
  assert.ok("root" in parsed, "sitemap is well-formed XML");
  return parsed.root.children
    .filter((c): c is XmlElement => typeof c !== "string")
    .map((u) => textOf(childElements(u, "loc")[0]));
}

test("sitemaps and sitemap indexes are well-formed, escaped, with W3C lastmod", () => {
  const xml = buildSitemap([
    { loc: `${BASE}/articles/1-a?x=1&y=<2>`, lastmod: "2026-11-19T10:30:00+02:00" },
    { loc: `${BASE}/topics/x`, lastmod: "garbage" },
  ]);
  assert.deepEqual(urlsetLocs(xml), [`${BASE}/articles/1-a?x=1&y=<2>`, `${BASE}/topics/x`]);
  assert.match(xml, /<lastmod>2026-11-19T08:30:00.000Z<\/lastmod>/);
  assert.equal(xml.match(/<lastmod>/g)?.length, 1, "an unreadable time gives no lastmod");
  const index = buildSitemapIndex([{ loc: `${BASE}/sitemap-articles-0.xml` }]);
  assert.deepEqual(urlsetLocs(index), [`${BASE}/sitemap-articles-0.xml`]);
  assert.match(index, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
});

test("the Google News sitemap names the publication, language, date and title of each article", () => {
  const xml = buildNewsSitemap("Newsdesk & Co", [
    {
      loc: `${BASE}/articles/1-a`,
      title: HOSTILE_TITLE,
      published: "2026-11-19T08:30:00Z",
      language: "en-GB",
    },
  ]);
  const parsed = parseXmlStrict(xml, BASE);
  assert.ok("root" in parsed);
  const news = childElements(childElements(parsed.root, "url")[0] as XmlElement, "news")[0] as XmlElement;
  assert.equal(news.ns, "http://www.google.com/schemas/sitemap-news/0.9");
  const pub = childElements(news, "publication")[0] as XmlElement;
  assert.equal(textOf(childElements(pub, "name")[0]), "Newsdesk & Co");
  assert.equal(textOf(childElements(pub, "language")[0]), "en");
  assert.equal(textOf(childElements(news, "publication_date")[0]), "2026-11-19T08:30:00.000Z");
  assert.equal(textOf(childElements(news, "title")[0]), CLEAN_TITLE);
  assert.equal(newsLanguage("zh-CN", "en"), "zh-cn");
  assert.equal(newsLanguage(null, "en"), "en");
});

test("robots.txt allows the site, keeps crawlers out of admin and WebSub, and names both sitemaps", () => {
  assert.equal(
    buildRobotsTxt(BASE),
    `User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /websub\n\nSitemap: ${BASE}/sitemap.xml\nSitemap: ${BASE}/sitemap-news.xml\n`,
  );
});
