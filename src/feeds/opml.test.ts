/** @module parseOpml on real-world and hostile lists; renderOpml's escaping, folders and round trip. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { type OpmlFeed, parseOpml, renderOpml } from "./opml.ts";

const FIXTURE = readFileSync(join(import.meta.dirname, "../../test/fixtures/opml/nested.opml"), "utf8");

test("nested folders become slash-joined categories; attribute case, type and version do not matter", () => {
  const doc = parseOpml(FIXTURE);
  assert.equal(doc.title, "Dana's feeds & more");
  assert.deepEqual(doc.feeds, [
    {
      xmlUrl: "https://wire.example.test/rss.xml",
      title: "Top Story Wire",
      htmlUrl: "https://wire.example.test/",
      category: null,
    },
    {
      xmlUrl: "https://gazette.example.test/feed.xml",
      title: "Gazette & Post",
      htmlUrl: "https://gazette.example.test/",
      category: "News",
    },
    {
      xmlUrl: "https://cafe.example.test/atom.xml?lang=en&full=1",
      title: "Café Corner",
      htmlUrl: null,
      category: "News/Local",
    },
    {
      xmlUrl: "https://courier.example.test/feed",
      title: "River Valley Courier",
      htmlUrl: null,
      category: "News/Local",
    },
    { xmlUrl: "https://bits.example.test/index.xml", title: "Bits", htmlUrl: null, category: "Tech" },
    { xmlUrl: "javascript:alert(1)", title: "Not a URL", htmlUrl: null, category: "Tech" },
    { xmlUrl: "https://bits.example.test/index.xml", title: "Bits again", htmlUrl: null, category: "Tech" },
  ]);
});

test("tolerates no XML declaration, no version, a BOM, stray ampersands and a feed outline with children", () => {
  const doc = parseOpml(`\uFEFF<opml><body>
    <outline text="Parent" xmlUrl="https://p.test/rss?a=1&b=2"><outline text="Child" xmlUrl="https://c.test/rss"/></outline>
    <outline text="  Spaced
      name  " xmlUrl="  https://s.test/feed  "/>
  </body></opml>`);
  assert.equal(doc.title, null);
  assert.deepEqual(
    doc.feeds.map((f) => [f.xmlUrl, f.title, f.category]),
    [
      ["https://p.test/rss?a=1&b=2", "Parent", null],
      ["https://c.test/rss", "Child", null],
      ["https://s.test/feed", "Spaced name", null],
    ],
  );
});

function rejects(text: string, message: RegExp): void {
  assert.throws(
    () => parseOpml(text),
    (err: unknown) => err instanceof NewsdeskError && err.id === "opml.invalid" && message.test(err.message),
  );
}

test("documents that are not OPML are refused with a one-line reason", () => {
  rejects(`<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, /<rss> document, not an OPML/);
  rejects("<!doctype html><html><body>hi</body></html>", /<html> document/);
  rejects("", /no XML elements/);
  rejects("just text", /no XML elements/);
});

test("billion laughs: the DTD is refused and nothing is expanded", () => {
  const lol = `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://x.test/&lol9;"/></body></opml>`;
  rejects(lol, /DOCTYPE/);
});

test("external entities: refused, and no file is ever read", () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><head><title>&xxe;</title></head><body><outline text="&xxe;" xmlUrl="https://x.test/"/></body></opml>`;
  rejects(xxe, /DOCTYPE or entity declarations are refused/);
  rejects(`<!DOCTYPE opml SYSTEM "http://127.0.0.1:1/evil.dtd"><opml><body/></opml>`, /DOCTYPE/);
  // Without a DTD an undeclared entity is just text: nothing is looked up, nothing is read.
  const doc = parseOpml(
    `<opml><head><title>&xxe;</title></head><body><outline text="&xxe;" xmlUrl="https://x.test/"/></body></opml>`,
  );
  assert.equal(doc.title, "&xxe;");
  assert.equal(doc.feeds[0]?.title, "&xxe;");
  assert.doesNotMatch(JSON.stringify(doc), /root:/);
});

const FEEDS: OpmlFeed[] = [
  {
    xmlUrl: "https://a.test/rss?x=1&y=<2>",
    title: 'Quote " & <tag>',
    htmlUrl: "https://a.test/",
    category: null,
  },
  { xmlUrl: "https://b.test/feed", title: "B", htmlUrl: null, category: "News/Local" },
  { xmlUrl: "https://c.test/feed", title: null, htmlUrl: null, category: "Tech" },
  { xmlUrl: "https://d.test/feed", title: "D\nline\ttab\u0001bell", htmlUrl: null, category: "News" },
  { xmlUrl: "https://e.test/feed", title: "E", htmlUrl: null, category: "News/Local" },
];
const HEAD = { title: "Mine & yours", dateCreated: new Date("2026-11-20T10:00:00Z") };

test("renderOpml writes OPML 2.0, escaped, nested by category in order of first appearance", () => {
  const xml = renderOpml(FEEDS, HEAD);
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">/);
  assert.match(xml, /<title>Mine &amp; yours<\/title>/);
  assert.match(xml, /<dateCreated>Fri, 20 Nov 2026 10:00:00 GMT<\/dateCreated>/);
  assert.match(xml, /xmlUrl="https:\/\/a\.test\/rss\?x=1&amp;y=&lt;2&gt;"/);
  assert.match(xml, /text="Quote &quot; &amp; &lt;tag&gt;"/);
  assert.match(xml, /text="https:\/\/c\.test\/feed"/, "an untitled feed is named by its URL");
  assert.ok(!xml.includes("\u0001"), "control characters are dropped");
  const outlines = [...xml.matchAll(/<outline (?:type="rss" )?text="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(outlines, [
    "Quote &quot; &amp; &lt;tag&gt;",
    "News",
    "Local",
    "B",
    "E",
    "D&#10;line&#9;tabbell",
    "Tech",
    "https://c.test/feed",
  ]);
});

test("parseOpml(renderOpml(feeds)) gives the feeds back, grouped by folder", () => {
  const back = parseOpml(renderOpml(FEEDS, HEAD));
  assert.equal(back.title, "Mine & yours");
  const expected = [FEEDS[0], FEEDS[1], FEEDS[4], FEEDS[3], FEEDS[2]].map((f) => ({
    ...f!,
    // Titles come back with whitespace collapsed and control characters dropped; untitled ones by URL.
    title: (f!.title ?? f!.xmlUrl).replaceAll("\u0001", "").replace(/\s+/g, " "),
  }));
  assert.deepEqual(back.feeds, expected);
  assert.deepEqual(parseOpml(renderOpml(parseOpml(FIXTURE).feeds, HEAD)).feeds.length, 7);
});

test("an empty list renders a valid document with an empty body", () => {
  const xml = renderOpml([], HEAD);
  assert.match(xml, /<body>\n {2}<\/body>/);
  assert.deepEqual(parseOpml(xml).feeds, []);
});
