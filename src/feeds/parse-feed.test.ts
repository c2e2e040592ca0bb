/** @module parseFeed on each format, on ill-formed input, and on documents that are not feeds. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { personName } from "./fields.ts";
import { parseFeed } from "./parse-feed.ts";

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel><title>The Gazette &amp; Post</title><link>/home</link><ttl>30</ttl>
<atom:link rel="self" href="https://g.test/feed.xml"/><atom:link rel="hub" href="https://hub.test/"/>
<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
<skipHours><hour>1</hour><hour>2</hour></skipHours><skipDays><day>Sunday</day></skipDays>
<item><title>First &lt;b&gt;story&lt;/b&gt;</title><link>/a/1</link><guid>id-1</guid>
<pubDate>Tue, 03 Nov 2026 09:30:00 +0100</pubDate><dc:creator>Ana Ruiz</dc:creator><category>Local</category>
<enclosure url="/pod.mp3" type="audio/mpeg" length="1234"/>
<description>Summary one</description><content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded></item>
<item><title>No guid</title><link>https://other.test/b</link></item>
<item><description>Neither title nor link</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://c.test/"><title type="text">Courier</title>
<link rel="self" href="https://c.test/atom.xml"/><link href="/"/>
<entry><title>Entry</title><id>tag:c.test,2026:1</id><link rel="alternate" href="e/1"/>
<updated>2026-11-04T10:00:00Z</updated><author><name>Kim Park</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content></entry>
<entry xml:base="https://c.test/sub/"><title type="html">&lt;b&gt;Bold&lt;/b&gt;</title><id>tag:c.test,2026:2</id>
<link href="x"/><summary>a &lt; b</summary></entry>
</feed>`;

test("RSS 2.0: namespaces, relative links, dates in UTC, enclosures, categories, polling hints", () => {
  const feed = parseFeed(RSS, "https://g.test/feed.xml");
  assert.equal(feed.format, "rss");
  assert.equal(feed.version, "rss20");
  assert.deepEqual(feed.title, { value: "The Gazette & Post", type: "text" });
  assert.equal(feed.siteUrl, "https://g.test/home");
  assert.equal(feed.selfUrl, "https://g.test/feed.xml");
  assert.deepEqual(feed.hubs, ["https://hub.test/"]);
  assert.deepEqual(feed.hints, {
    ttlMinutes: 30,
    updatePeriodMinutes: 30,
    skipHours: [1, 2],
    skipDays: ["Sunday"],
  });
  assert.equal(feed.items.length, 3);
  const [a, b, c] = feed.items;
  assert.equal(a?.guid, "id-1");
  assert.equal(a?.url, "https://g.test/a/1");
  assert.deepEqual(a?.title, { value: "First <b>story</b>", type: "html" });
  assert.equal(a?.published, "2026-11-03T08:30:00.000Z");
  assert.equal(a?.author, "Ana Ruiz");
  assert.deepEqual(a?.content, { value: "<p>Full <em>text</em></p>", type: "html" });
  assert.deepEqual(a?.summary, { value: "Summary one", type: "html" });
  assert.deepEqual(a?.categories, ["Local"]);
  assert.deepEqual(a?.enclosures, [{ url: "https://g.test/pod.mp3", type: "audio/mpeg", length: 1234 }]);
  assert.equal(b?.guid, "https://other.test/b", "the link stands in for a missing guid");
  assert.match(c?.guid ?? "", /^sha1:[0-9a-f]{40}$/, "a hash stands in for neither");
  assert.equal(parseFeed(RSS, "https://g.test/feed.xml").items[2]?.guid, c?.guid, "and it is stable");
});

test("Atom 1.0: xml:base, xhtml content, html titles, text summaries", () => {
  const feed = parseFeed(ATOM, "https://c.test/atom.xml");
  assert.equal(feed.format, "atom");
  assert.equal(feed.version, "atom10");
  assert.equal(feed.language, "en");
  assert.equal(feed.siteUrl, "https://c.test/");
  const [e1, e2] = feed.items;
  assert.equal(e1?.url, "https://c.test/e/1");
  assert.equal(e1?.author, "Kim Park");
  assert.equal(e1?.published, "2026-11-04T10:00:00.000Z");
  assert.deepEqual(e1?.content, { value: "<p>Hello <b>world</b></p>", type: "html" });
  assert.equal(e2?.url, "https://c.test/sub/x");
  assert.deepEqual(e2?.title, { value: "<b>Bold</b>", type: "html" });
  assert.deepEqual(e2?.summary, { value: "a < b", type: "text" });
});

test("RSS 1.0 (RDF), Atom 0.3 and JSON Feed", () => {
  const rdf = parseFeed(
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.test/"><title>R</title><link>https://r.test/</link></channel>
<item rdf:about="https://r.test/1"><title>One</title><link>https://r.test/1</link></item></rdf:RDF>`,
    "https://r.test/rss",
  );
  assert.equal(rdf.version, "rss10");
  assert.equal(rdf.items[0]?.url, "https://r.test/1");
  const a03 = parseFeed(
    `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><tagline>Tag</tagline>
<entry><title>E</title><issued>2003-12-31T10:14:55Z</issued><content type="text/html" mode="base64">PGI+aGk8L2I+</content></entry></feed>`,
    "https://o.test/",
  );
  assert.equal(a03.version, "atom03");
  assert.equal(a03.description?.value, "Tag");
  assert.deepEqual(a03.items[0]?.content, { value: "<b>hi</b>", type: "html" });
  assert.equal(a03.items[0]?.published, "2003-12-31T10:14:55.000Z");
  const json = parseFeed(
    JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "J",
      items: [
        {
          id: "1",
          url: "/p/1",
          content_html: "<p>x</p>",
          date_published: "2026-11-01T00:00:00Z",
          tags: ["t"],
        },
      ],
    }),
    "https://j.test/feed.json",
  );
  assert.equal(json.version, "json11");
  assert.equal(json.items[0]?.url, "https://j.test/p/1");
  assert.deepEqual(json.items[0]?.categories, ["t"]);
});

test("ill-formed feeds are read by the tolerant parser", () => {
  const feed = parseFeed(
    `<rss version="2.0"><channel><title>Fish & Chips &copy; 2026</title>
<item><title>Caf&eacute; opens</title><link>https://f.test/?a=1&b=2</link><description><b>bold <i>nest</b></i></description></item>
</channel></rss>trailing garbage`,
    "https://f.test/",
  );
  assert.equal(feed.recovered, true);
  assert.equal(feed.title?.value, "Fish & Chips © 2026");
  assert.equal(feed.items[0]?.title?.value, "Café opens");
  assert.equal(feed.items[0]?.url, "https://f.test/?a=1&b=2");
});

test("documents that are not feeds get specific errors", () => {
  const cases: Array<[string, RegExp]> = [
    ["<!DOCTYPE html><html><body>hi</body></html>", /HTML page, not an RSS or Atom feed/],
    ["\u0000\u0001garbage", /not XML or JSON/],
    ["", /not XML or JSON/],
    [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      /<svg> documents are not a supported feed format/,
    ],
    ['{"hello": "world"}', /not a JSON Feed/],
    ["{broken json", /JSON is not valid/],
  ];
  for (const [input, message] of cases) {
    assert.throws(
      () => parseFeed(input, "https://x.test/"),
      (err: unknown) => err instanceof NewsdeskError && message.test(err.message),
      input.slice(0, 30),
    );
  }
});

test("people: a name, never a bare mailbox when a name is given", () => {
  assert.equal(personName("desk@wire.test (Nadia Qureshi)"), "Nadia Qureshi");
  assert.equal(personName("Nadia Qureshi <desk@wire.test>"), "Nadia Qureshi");
  assert.equal(personName("Nadia Qureshi"), "Nadia Qureshi");
  assert.equal(personName(""), null);
});

test("JSON Feed: icon, feed_url, hubs and attachments are resolved and http(s) only, as in the XML formats (issue 15)", () => {
  // Found by the property tests: `"icon": ""` gave imageUrl "", and "javascript:" addresses were kept as written.
  const feed = parseFeed(
    JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      icon: "javascript:alert(1)",
      favicon: "/favicon.png",
      feed_url: "data:text/html,x",
      hubs: [
        { type: "WebSub", url: "/hub" },
        { type: "WebSub", url: "javascript:x" },
      ],
      items: [
        {
          id: "1",
          attachments: [
            { url: "javascript:alert(1)", mime_type: "audio/mpeg" },
            { url: "/a.mp3", mime_type: "audio/mpeg", size_in_bytes: -5 },
          ],
        },
      ],
    }),
    "https://j.test/feed.json",
  );
  assert.equal(feed.imageUrl, "https://j.test/favicon.png");
  assert.equal(feed.selfUrl, null);
  assert.deepEqual(feed.hubs, ["https://j.test/hub"]);
  assert.deepEqual(feed.items[0]?.enclosures, [
    { url: "https://j.test/a.mp3", type: "audio/mpeg", length: null },
  ]);
  assert.equal(
    parseFeed('{"version":"https://jsonfeed.org/version/1.1","icon":""}', "https://j.test/").imageUrl,
    null,
  );
});
