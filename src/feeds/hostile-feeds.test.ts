/** @module Feeds built to hurt: entity expansion, external entities, endless nesting, huge item counts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { parseFeed } from "./parse-feed.ts";

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

test("endless nesting (100,000 levels) neither overflows the stack nor hangs", () => {
  const depth = 100_000;
  const xml = `<rss version="2.0"><channel><title>deep</title><item><title>t</title><description>${"<div>".repeat(depth)}x${"</div>".repeat(depth)}</description></item></channel></rss>`;
  const t0 = Date.now();
  const feed = parseOrRefuse(xml);
  // A hang guard, not a speed target (speed belongs in bench/): this parse takes 10-17 s on the 2-core
  // machine, so the old 10 s bound failed CI by chance. Issue 15 is about making it fast.
  const took = Date.now() - t0;
  assert.ok(took < 60_000, `parsing 100,000 nested levels took ${took} ms`);
  if (feed) assert.equal(feed.title?.value, "deep");
  const unclosed = `<rss version="2.0"><channel><title>deep</title>${"<x>".repeat(depth)}`;
  const f2 = parseOrRefuse(unclosed);
  if (f2) assert.equal(f2.title?.value, "deep");
});

test("100,000 items parse in bounded time, each once", () => {
  const n = 100_000;
  const items = Array.from(
    { length: n },
    (_, i) => `<item><title>Item ${i}</title><link>https://h.test/${i}</link><guid>g${i}</guid></item>`,
  ).join("");
  const xml = `<rss version="2.0"><channel><title>big</title>${items}</channel></rss>`;
  const t0 = Date.now();
  const feed = parseFeed(xml, "https://h.test/feed");
  const ms = Date.now() - t0;
  assert.equal(feed.items.length, n);
  assert.equal(new Set(feed.items.map((i) => i.guid)).size, n);
  console.log(`# 100,000 items (${(xml.length / 2 ** 20).toFixed(1)} MB) parsed in ${ms} ms`);
  assert.ok(ms < 30_000);
});
