/** @module parseFeed on RSS 2.0, Atom 1.0, and documents that are not feeds. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { parseFeed } from "./parse-feed.ts";
import { rssAuthorName } from "./rss.ts";

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Gazette &amp; Post</title><link>/home</link>
<item><title>First &lt;b&gt;story&lt;/b&gt;</title><link>/a/1</link><guid>id-1</guid>
<pubDate>Tue, 03 Nov 2026 09:30:00 +0100</pubDate><dc:creator>Ana Ruiz</dc:creator>
<description>Summary one</description><content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded></item>
<item><title>No guid</title><link>https://other.test/b</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Courier</title>
<link rel="self" href="https://c.test/atom.xml"/><link href="https://c.test/"/>
<entry><title>Entry</title><id>tag:c.test,2026:1</id><link rel="alternate" href="/e/1"/>
<updated>2026-11-04T10:00:00Z</updated><author><name>Kim Park</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content></entry>
<entry><title>Plain</title><id>tag:c.test,2026:2</id><summary>a &lt; b</summary></entry>
</feed>`;

test("RSS 2.0: items with namespaces, relative links and dates in UTC", () => {
  const feed = parseFeed(RSS, "https://g.test/feed.xml");
  assert.equal(feed.format, "rss");
  assert.equal(feed.title, "The Gazette & Post");
  assert.equal(feed.siteUrl, "https://g.test/home");
  assert.equal(feed.items.length, 2);
  const [a, b] = feed.items;
  assert.deepEqual(a, {
    guid: "id-1",
    url: "https://g.test/a/1",
    title: "First <b>story</b>",
    published: "2026-11-03T08:30:00.000Z",
    author: "Ana Ruiz",
    contentHtml: "<p>Full <em>text</em></p>",
    summaryHtml: "Summary one",
  });
  assert.equal(b?.guid, "https://other.test/b", "the link stands in for a missing guid");
  assert.equal(b?.published, null);
});

test("Atom 1.0: alternate links, xhtml content, text summaries escaped", () => {
  const feed = parseFeed(ATOM, "https://c.test/atom.xml");
  assert.equal(feed.format, "atom");
  assert.equal(feed.siteUrl, "https://c.test/");
  const [e1, e2] = feed.items;
  assert.equal(e1?.url, "https://c.test/e/1");
  assert.equal(e1?.author, "Kim Park");
  assert.equal(e1?.published, "2026-11-04T10:00:00.000Z");
  assert.equal(e1?.contentHtml, "<p>Hello <b>world</b></p>");
  assert.equal(e2?.url, null);
  assert.equal(e2?.summaryHtml, "<p>a &lt; b</p>");
});

test("documents that are not feeds get specific errors", () => {
  const cases: Array<[string, RegExp]> = [
    ["<!DOCTYPE html><html><body>hi</body></html>", /HTML page, not an RSS or Atom feed/],
    ["\u0000\u0001garbage", /not XML/],
    ["", /not XML/],
    ["<rss><channel><title>x</channel></rss>", /not well-formed/],
    [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      /<svg> documents are not a supported feed format/,
    ],
  ];
  for (const [input, message] of cases) {
    assert.throws(
      () => parseFeed(input, "https://x.test/"),
      (err: unknown) => err instanceof NewsdeskError && message.test(err.message),
      input.slice(0, 30),
    );
  }
});

test("an internal DTD entity is not expanded (no billion laughs)", () => {
  const lol = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title></channel></rss>`;
  assert.throws(() => parseFeed(lol, "https://x.test/"), NewsdeskError);
});

test("RSS <author> gives a name, never a bare mailbox", () => {
  assert.equal(rssAuthorName("desk@wire.test (Nadia Qureshi)"), "Nadia Qureshi");
  assert.equal(rssAuthorName("Nadia Qureshi <desk@wire.test>"), "Nadia Qureshi");
  assert.equal(rssAuthorName("desk@wire.test"), null);
  assert.equal(rssAuthorName("Nadia Qureshi"), "Nadia Qureshi");
  assert.equal(rssAuthorName(""), null);
});
