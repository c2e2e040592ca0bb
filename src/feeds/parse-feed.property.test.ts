/**
 * @module Property tests of parseFeed (issue 15): arbitrary text and generated RSS, Atom and JSON
 * feeds full of hostile values either parse into a well-shaped ParsedFeed or are refused with a
 * NewsdeskError, never another error, and each call stays within a time bound.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzParams, hostileAttrValue, hostileHtml, hostileText, timed } from "../../test/support/fuzz.ts";
import { NewsdeskError } from "../errors.ts";
import { parseFeed } from "./parse-feed.ts";
import type { ParsedFeed } from "./types.ts";

const BASE = "https://feeds.example.test/news/rss.xml";
/** Generous for a 2-core CI machine: real feeds of this size parse in milliseconds. */
const TIME_BOUND_MS = 2000;

/** Parses, returning the feed or the error; anything thrown that is not a NewsdeskError fails. */
function parseOrRefuse(text: string): ParsedFeed | NewsdeskError {
  const { value, ms } = timed(() => {
    try {
      return parseFeed(text, BASE);
    } catch (err) {
      if (err instanceof NewsdeskError) return err;
      throw new assert.AssertionError({
        message: `parseFeed threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
      });
    }
  });
  assert.ok(ms < TIME_BOUND_MS, `parseFeed took ${ms.toFixed(0)} ms on ${text.length} characters`);
  return value;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function webUrl(u: string | null, what: string): void {
  if (u === null) return;
  assert.match(new URL(u).protocol, /^https?:$/, `${what}: ${u}`);
}

/** What every parsed feed promises its callers (ingest stores these fields as they are). */
function assertShape(feed: ParsedFeed): void {
  webUrl(feed.siteUrl, "siteUrl");
  webUrl(feed.imageUrl, "imageUrl");
  webUrl(feed.selfUrl, "selfUrl");
  for (const hub of feed.hubs) webUrl(hub, "hub");
  for (const d of [feed.updated]) if (d !== null) assert.match(d, ISO_UTC);
  for (const item of feed.items) {
    assert.equal(typeof item.guid, "string");
    assert.ok(item.guid.length > 0, "a guid is never empty");
    webUrl(item.url, "item.url");
    for (const e of item.enclosures) {
      webUrl(e.url, "enclosure");
      assert.ok(e.length === null || (Number.isFinite(e.length) && e.length >= 0), `length ${e.length}`);
    }
    for (const d of [item.published, item.updated]) if (d !== null) assert.match(d, ISO_UTC);
    assert.ok(Array.isArray(item.categories) && item.categories.every((c) => typeof c === "string"));
  }
}

/** Text put into XML as it is (often breaking it), escaped, or in CDATA. */
const xmlText = (inner: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(inner, fc.constantFrom("raw", "escaped", "cdata"))
    .map(([s, how]) =>
      how === "raw"
        ? s
        : how === "escaped"
          ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
          : `<![CDATA[${s}]]>`,
    );

const dateLike = fc.oneof(
  fc.constantFrom(
    "Tue, 03 Nov 2026 09:30:00 +0100",
    "2026-11-04T10:00:00Z",
    "2026-02-31T10:00:00Z",
    "0000-01-01",
    "9999-12-31T23:59:59+14:00",
    "31 Dec 99 24:00 EST",
    "December 31, 2003",
    "yesterday",
    "",
  ),
  hostileText(25),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "NaN" : d.toUTCString())),
);

const value = fc.oneof(
  { arbitrary: hostileText(30), weight: 3 },
  { arbitrary: hostileHtml(8), weight: 2 },
  { arbitrary: hostileAttrValue, weight: 2 },
  { arbitrary: dateLike, weight: 1 },
);

/** An attribute value quoted (or not) as a careless feed writer might. */
const attr = fc
  .tuple(hostileAttrValue, fc.boolean())
  .map(([v, escaped]) =>
    escaped ? v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;") : v,
  );

const el = (name: string, inner: fc.Arbitrary<string>) => inner.map((s) => `<${name}>${s}</${name}>`);

const rssItem = fc
  .tuple(
    el("title", xmlText(value)),
    el("link", xmlText(value)),
    el("guid", xmlText(value)),
    el("pubDate", xmlText(dateLike)),
    el("description", xmlText(value)),
    el("content:encoded", xmlText(hostileHtml(10))),
    el("dc:creator", xmlText(value)),
    el("category", xmlText(value)),
    attr.map((u) => `<enclosure url="${u}" type="image/jpeg" length="${u.length}"/>`),
  )
  .chain((parts) => fc.subarray(parts))
  .map((parts) => `<item>${parts.join("\n")}</item>`);

const rss = fc
  .tuple(
    fc.constantFrom("2.0", "0.91", "0.92", "1.0", "", "9"),
    fc.tuple(el("title", xmlText(value)), el("link", xmlText(value)), el("ttl", xmlText(value))),
    fc.array(rssItem, { maxLength: 6 }),
    fc.boolean(),
  )
  .map(([version, head, items, rdf]) =>
    rdf
      ? `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel>${head.join("")}</channel>${items.join("")}</rdf:RDF>`
      : `<?xml version="1.0"?><rss version="${version}" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${head.join("")}${items.join("")}</channel></rss>`,
  );

const atomEntry = fc
  .tuple(
    xmlText(value).map((t) => `<title type="html">${t}</title>`),
    attr.map((u) => `<link rel="alternate" href="${u}"/>`),
    el("id", xmlText(value)),
    el("updated", xmlText(dateLike)),
    el("published", xmlText(dateLike)),
    xmlText(hostileHtml(10)).map((c) => `<content type="html">${c}</content>`),
    hostileHtml(6).map(
      (c) => `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${c}</div></content>`,
    ),
    el("author", el("name", xmlText(value))),
    attr.map((b) => `<summary xml:base="${b}">s</summary>`),
  )
  .chain((parts) => fc.subarray(parts))
  .map((parts) => `<entry>${parts.join("")}</entry>`);

const atom = fc
  .tuple(attr, attr, el("title", xmlText(value)), fc.array(atomEntry, { maxLength: 6 }))
  .map(
    ([base, self, title, entries]) =>
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}">${title}<link rel="self" href="${self}"/><link rel="hub" href="${self}"/>${entries.join("")}</feed>`,
  );

/** JSON values of any type, often a string, where a JSON Feed expects one kind of thing. */
const jsonAny: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: value, weight: 4 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.constantFrom(null, 0, -1, 1e308, Number.NaN, true, [], {}), weight: 1 },
);

const jsonItem = fc.record(
  {
    id: jsonAny,
    url: jsonAny,
    title: jsonAny,
    content_html: jsonAny,
    content_text: jsonAny,
    summary: jsonAny,
    date_published: fc.oneof(dateLike, jsonAny),
    date_modified: fc.oneof(dateLike, jsonAny),
    authors: fc.oneof(fc.array(fc.record({ name: jsonAny }), { maxLength: 2 }), jsonAny),
    author: jsonAny,
    tags: fc.oneof(fc.array(jsonAny, { maxLength: 3 }), jsonAny),
    image: jsonAny,
    attachments: fc.oneof(
      fc.array(fc.record({ url: jsonAny, mime_type: jsonAny, size_in_bytes: jsonAny }), { maxLength: 2 }),
      jsonAny,
    ),
  },
  { requiredKeys: [] },
);

const jsonFeed = fc
  .record(
    {
      version: fc.oneof(
        fc.constantFrom("https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"),
        jsonAny,
      ),
      title: jsonAny,
      home_page_url: jsonAny,
      feed_url: jsonAny,
      icon: jsonAny,
      hubs: fc.oneof(fc.array(fc.record({ url: jsonAny, type: jsonAny }), { maxLength: 2 }), jsonAny),
      items: fc.oneof(
        { arbitrary: fc.array(jsonItem, { maxLength: 6 }), weight: 5 },
        { arbitrary: jsonAny, weight: 1 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** A document cut short at any point, as a dropped connection leaves it. */
const maybeTruncated = (doc: fc.Arbitrary<string>) =>
  fc
    .tuple(doc, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }))
    .map(([d, cut]) => (cut === null ? d : d.slice(0, Math.floor(d.length * cut))));

test("parseFeed on arbitrary text: a feed or a NewsdeskError, within the time bound", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 300 }),
        hostileText(300),
        hostileHtml(30).map((h) => `<rss>${h}`),
        hostileHtml(30).map((h) => `<feed xmlns="http://www.w3.org/2005/Atom">${h}`),
        hostileText(100).map((t) => `{${t}`),
      ),
      (text) => {
        const out = parseOrRefuse(text);
        if (!(out instanceof NewsdeskError)) assertShape(out);
      },
    ),
    fuzzParams(0xfeed1, 1000),
  );
});

test("parseFeed on generated RSS, Atom and JSON feeds with hostile values: a well-shaped feed or a NewsdeskError", () => {
  fc.assert(
    fc.property(maybeTruncated(fc.oneof(rss, atom, jsonFeed)), (text) => {
      const out = parseOrRefuse(text);
      if (!(out instanceof NewsdeskError)) assertShape(out);
    }),
    fuzzParams(0xfeed2, 2500),
  );
});

test("parseFeed on large and deeply nested documents (up to ~100 KB) stays within the time bound", () => {
  const big = fc.oneof(
    // Many items.
    fc
      .tuple(rssItem, fc.integer({ min: 50, max: 400 }))
      .map(
        ([item, n]) =>
          `<rss version="2.0"><channel><title>t</title>${item.repeat(n).slice(0, 100_000)}</channel></rss>`,
      ),
    // Deep nesting, well-formed or not.
    fc
      .tuple(fc.constantFrom("a", "item", "div", "x:y"), fc.integer({ min: 1000, max: 10_000 }), fc.boolean())
      .map(
        ([name, depth, closed]) =>
          `<rss><channel><item><description>${`<${name}>`.repeat(depth)}${closed ? `</${name}>`.repeat(depth) : ""}</description></item></channel></rss>`,
      ),
    // Many attributes, long text runs, many entities.
    fc
      .integer({ min: 1000, max: 8000 })
      .map(
        (n) =>
          `<feed xmlns="http://www.w3.org/2005/Atom"><entry ${Array.from({ length: n }, (_, i) => `a${i}="1"`).join(" ")}/></feed>`,
      ),
    fc
      .integer({ min: 5000, max: 20_000 })
      .map((n) => `<rss><channel><title>${"&amp;&lt;&#x41;&nbsp;".repeat(n)}</title></channel></rss>`),
    fc.integer({ min: 10_000, max: 50_000 }).map((n) => `[${"[".repeat(n)}`),
    fc
      .integer({ min: 10_000, max: 30_000 })
      .map((n) => `{"items":[${'{"title":"x","url":"/a"},'.repeat(n / 10)}{}]}`),
  );
  fc.assert(
    fc.property(big, (text) => {
      parseOrRefuse(text);
    }),
    fuzzParams(0xfeed3, 60),
  );
});
