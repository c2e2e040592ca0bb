/** @module Feeds built to hurt: entity expansion, external entities, endless nesting, huge item counts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { parseFeed } from "./parse-feed.ts";
import { MAX_ELEMENTS, MAX_FEED_ITEMS, MAX_NESTING } from "./tree-budget.ts";

function parseOrRefuse(xml: string) {
  try {
    return parseFeed(xml, "https://h.test/feed");
  } catch (err) {
    assert.ok(err instanceof NewsdeskError, `a clear NewsdeskError, not ${String(err)}`);
    return null;
  }
}

test("billion laughs: custom entities are never expanded, memory does not grow", () => {
  const levels = Array.from({ length: 10 }, (_, i) =>
    i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
  ).join("\n");
  const xml = `<?xml version="1.0"?><!DOCTYPE rss [${levels}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://h.test/1</link></item></channel></rss>`;
  const before = process.memoryUsage().heapUsed;
  const feed = parseOrRefuse(xml);
  const grewMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  assert.ok(grewMb < 20, `heap grew ${grewMb.toFixed(1)} MB`);
  if (feed) {
    assert.ok((feed.title?.value.length ?? 0) < 100, "the entity stayed unexpanded");
    assert.doesNotMatch(feed.title?.value ?? "", /(lol){4}/);
  }
});

test("external entities are never read", () => {
  for (const uri of ["file:///etc/passwd", "file:///etc/hostname", "http://127.0.0.1:9/x"]) {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "${uri}">]>
<rss version="2.0"><channel><title>t &xxe;</title><item><title>&xxe;</title><link>https://h.test/1</link></item></channel></rss>`;
    const feed = parseOrRefuse(xml);
    const all = JSON.stringify(feed);
    assert.doesNotMatch(all, /root:|daemon:|nologin/);
  }
  const param = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><rss><channel><title>x</title></channel></rss>`;
  assert.doesNotMatch(JSON.stringify(parseOrRefuse(param)), /root:/);
});

/** The NewsdeskError parseFeed throws for `xml`. */
function refusal(xml: string): NewsdeskError {
  try {
    parseFeed(xml, "https://h.test/feed");
  } catch (err) {
    assert.ok(err instanceof NewsdeskError, `a clear NewsdeskError, not ${String(err)}`);
    return err;
  }
  assert.fail("the feed was read, not refused");
}

test("endless nesting (100,000 levels) is refused as too complex, closed or not", () => {
  const depth = 100_000;
  const closed = `<rss version="2.0"><channel><title>deep</title><item><title>t</title><description>${"<div>".repeat(depth)}x${"</div>".repeat(depth)}</description></item></channel></rss>`;
  const unclosed = `<rss version="2.0"><channel><title>deep</title>${"<x>".repeat(depth)}`;
  for (const xml of [closed, unclosed]) {
    const err = refusal(xml);
    assert.equal(err.id, "feed.too_complex");
    assert.match(err.message, new RegExp(`nested more than ${MAX_NESTING.toLocaleString("en")} levels`));
  }
  // Nesting past MAX_DEPTH but under MAX_NESTING is read; the deep part is dropped.
  const deepish = `<rss version="2.0"><channel><title>deep</title><item><title>t</title><link>https://h.test/1</link><description>${"<div>".repeat(1_000)}x${"</div>".repeat(1_000)}</description></item></channel></rss>`;
  const feed = parseFeed(deepish, "https://h.test/feed");
  assert.equal(feed.title?.value, "deep");
  assert.equal(feed.items.length, 1);
});

test("a feed of 100,000 items gives its first MAX_FEED_ITEMS, in order, and counts the rest", () => {
  const n = 100_000;
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Item ${i}</title><link>https://h.test/${i}</link><guid>g${i}</guid><category>c</category></item>`,
  ).join("");
  const xml = `<rss version="2.0"><channel><title>big</title>${items}<description>the channel's own</description></channel></rss>`;
  const feed = parseFeed(xml, "https://h.test/feed");
  assert.equal(feed.items.length, MAX_FEED_ITEMS);
  assert.deepEqual(
    feed.items.slice(0, 2).map((i) => i.guid),
    ["g0", "g1"],
  );
  assert.equal(feed.items.at(-1)?.guid, `g${MAX_FEED_ITEMS - 1}`);
  assert.equal(feed.itemsNotRead, n - MAX_FEED_ITEMS);
  assert.equal(feed.title?.value, "big", "nothing of a skipped item reached the channel");
  assert.equal(feed.description?.value, "the channel's own", "the channel is read past the skipped items");

  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title>${Array.from(
    { length: MAX_FEED_ITEMS + 7 },
    (_, i) => `<entry><id>e${i}</id><title>E</title><link href="https://h.test/e${i}"/></entry>`,
  ).join("")}</feed>`;
  const atomFeed = parseFeed(atom, "https://h.test/feed");
  assert.equal(atomFeed.items.length, MAX_FEED_ITEMS);
  assert.equal(atomFeed.itemsNotRead, 7);

  const json = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "j",
    items: Array.from({ length: MAX_FEED_ITEMS + 3 }, (_, i) => ({
      id: `j${i}`,
      url: `https://h.test/j${i}`,
    })),
  });
  const jsonFeed = parseFeed(json, "https://h.test/feed");
  assert.equal(jsonFeed.items.length, MAX_FEED_ITEMS);
  assert.equal(jsonFeed.itemsNotRead, 3);
});

test("a flood of elements is refused as too complex, by either parser", () => {
  const flood = "<x/>".repeat(MAX_ELEMENTS + 10);
  const wellFormed = `<rss version="2.0"><channel><title>f</title>${flood}</channel></rss>`;
  // Nesting past MAX_DEPTH sends the document to the tolerant parser, which counts the same way.
  const tolerant = `<rss version="2.0"><channel><title>f</title><item>${"<d>".repeat(300)}${"</d>".repeat(300)}</item>${flood}</channel></rss>`;
  for (const xml of [wellFormed, tolerant]) {
    const err = refusal(xml);
    assert.equal(err.id, "feed.too_complex");
    assert.match(err.message, /more than 200,000 elements/);
  }
  // Just under the bound is read.
  const under = `<rss version="2.0"><channel><title>f</title>${"<x/>".repeat(MAX_ELEMENTS - 10)}</channel></rss>`;
  assert.equal(parseFeed(under, "https://h.test/feed").title?.value, "f");
});
