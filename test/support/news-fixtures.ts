/** @module Builders for test feeds and article pages, written the way publishers write them. */
import type { FeedItem } from "../../src/feeds/types.ts";

export interface FixtureItem {
  slug: string;
  title: string;
  published: string;
  author?: string;
  paragraphs: string[];
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SYLLABLES = [
  "ka",
  "lo",
  "ren",
  "mi",
  "tas",
  "vel",
  "dor",
  "pui",
  "sen",
  "bra",
  "gol",
  "fe",
  "nis",
  "tur",
  "aq",
  "zel",
];

/** A made-up word per number: 16^3 of them, so two items' texts share almost no words. */
function word(n: number): string {
  return `${SYLLABLES[n % 16]}${SYLLABLES[(n >> 4) % 16]}${SYLLABLES[(n >> 8) % 16]}`;
}

/** A sentence of made-up words, different for every (item, sentence): fixtures must not look like reprints of each other. */
function filler(item: number, sentence: number, words = 14): string {
  let x = (item + 1) * 7919 + sentence * 104729;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(word(x >> 8));
  }
  return `${out.join(" ")}.`;
}

/**
 * `count` distinct items with enough text to be an article. Each has its own headline and text, as
 * different reports are: clustering must not see them as one story or as reprints of each other.
 */
export function makeItems(count: number, prefix = "story"): FixtureItem[] {
  return Array.from({ length: count }, (_, i) => ({
    slug: `${prefix}-${i + 1}`,
    title: `${word(i * 41 + 3)} Council backs ${word(i * 37 + 11)} plan ${i + 1}`,
    published: new Date(Date.UTC(2026, 10, 1 + (i % 28), 8, i % 60)).toISOString(),
    author: "Dana Reyes",
    paragraphs: [
      `${filler(i, 0)} ${filler(i, 5)} Plan ${i + 1} had divided residents for months before the city council voted.`,
      `${filler(i, 1)} ${filler(i, 2)}`,
      `${filler(i, 3)} ${filler(i, 4)} Opponents asked the council to publish the full budget.`,
    ],
  }));
}

export function rssFeed(base: string, items: FixtureItem[], title = "Fixture Gazette"): string {
  const entries = items
    .map(
      (it) => `<item><title>${esc(it.title)}</title><link>${base}/articles/${it.slug}</link>
<guid isPermaLink="false">${it.slug}</guid><pubDate>${new Date(it.published).toUTCString()}</pubDate>
<description>${esc(it.paragraphs[0] ?? "")}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>${base}/</link><description>Test feed</description>
${entries}
</channel></rss>`;
}

/** `head` is extra markup for the feed's head, such as WebSub's `<link rel="hub">`. */
export function atomFeed(base: string, items: FixtureItem[], title = "Fixture Courier", head = ""): string {
  const entries = items
    .map(
      (it) => `<entry><title>${esc(it.title)}</title><link href="${base}/articles/${it.slug}"/>
<id>urn:fixture:${it.slug}</id><updated>${it.published}</updated><published>${it.published}</published>
<author><name>${esc(it.author ?? "Staff")}</name></author><summary>${esc(it.paragraphs[0] ?? "")}</summary></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><link href="${base}/"/>
<id>urn:fixture:feed</id><updated>2026-11-20T00:00:00Z</updated>${head}
${entries}
</feed>`;
}

/** A news page with the furniture real ones have: nav, share bar, lead figure, related links, comment form. */
export function articlePage(base: string, it: FixtureItem, site = "Fixture Gazette"): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(it.title)} | ${esc(site)}</title>
<meta property="og:title" content="${esc(it.title)}"><meta property="og:site_name" content="${esc(site)}">
<meta property="og:image" content="${base}/img/${it.slug}.jpg"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(it.title)}</h1><p class="byline">By ${esc(it.author ?? "Staff")}</p>
<time datetime="${it.published}">${it.published}</time>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<figure><img src="/img/${it.slug}.jpg" alt="The riverside at dusk" title="${esc(it.title)}" width="800" height="450">
<figcaption>The riverside site seen from the bridge. Photo: Sam Lee/Fixture Agency</figcaption></figure>
<div class="article-body">${it.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</div>
<section class="related"><h2>Related</h2><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></section>
</article></main>
<div id="comments"><h3>Leave a reply</h3><p>Your email address will not be published.</p>
<form><input name="email"><textarea name="comment"></textarea><button>Post</button></form></div>
<footer><a href="/about">About</a></footer></body></html>`;
}

/** A parsed feed item of `guid` linking `url`, with nothing else: what a kept page's item holds at least. */
export function bareFeedItem(guid: string, url: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    guid,
    id: guid,
    url,
    title: null,
    published: null,
    updated: null,
    author: null,
    content: null,
    summary: null,
    categories: [],
    enclosures: [],
    ...extra,
  };
}
