/**
 * @module The scale-out bench's origin (bench/scale-out.ts), run as a child process so its work is not
 * the bench's: `feeds` RSS feeds of `items` small article pages each, under `hosts` host names
 * (`o<k>.localhost`, all 127.0.0.1: feed i and its pages on host i mod hosts, so outlets interleave),
 * every response after `latencyMs`. Pages report events: each page belongs to one of
 * `feeds*items/EVENT_SIZE` events whose names and key sentences it shares with the other outlets'
 * reports of it, so clustering has real work. Everything is derived from the indices: nothing is held.
 *
 *   node --import tsx bench/support/scale-origin.ts <feeds> <items> <hosts> <latencyMs> <gapMs>
 *
 * `/__stats` answers at once with the requests seen, the most in flight at once on one host, and the
 * starts on one host less than half of `gapMs` (the politeness gap the bench set) after the one before
 * (arrivals jitter by the fetching process's own delays, so a held gap can arrive a little short;
 * a broken one arrives at once), and the shortest such gap; `/__stats?reset=1` also starts them afresh.
 *
 * Prints one JSON line `{"port": n}` once listening. `GET /feeds/<i>.xml?items=<n>` lists the first n
 * items only (the kill run's smaller world on the same origin).
 */
import { createServer } from "node:http";

const [feeds, items, hosts, latencyMs, gapMs] = process.argv.slice(2, 7).map(Number) as [
  number,
  number,
  number,
  number,
  number,
];
/** Reports per event on average: about what a wire story gets from a news site's sources. */
const EVENT_SIZE = 8;
const events = Math.max(1, Math.floor((feeds * items) / EVENT_SIZE));

/** A small deterministic hash (mulberry32 step) for picking words. */
function hash(a: number, b = 0): number {
  let t = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x6d2b79f5, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const SYLLABLES = "ka lo mi ren tas vo bel dri nu sar quo fen ti mar gol pe zan ru hex ol".split(" ");
const word = (n: number) =>
  SYLLABLES[n % 20]! + SYLLABLES[Math.floor(n / 20) % 20]! + SYLLABLES[Math.floor(n / 400) % 20]!;
const name = (n: number) => {
  const w = word(n);
  return w[0]!.toUpperCase() + w.slice(1);
};
const COMMON =
  "the council said on with plans for new and after that will been has its from over city officials".split(
    " ",
  );
/** A sentence of `len` words mixing common words and words of `seed`'s own. */
function sentence(seed: number, len: number): string {
  const ws: string[] = [];
  for (let i = 0; i < len; i++) {
    const h = hash(seed, i);
    ws.push(h % 3 === 0 ? COMMON[h % COMMON.length]! : word(h % 8000));
  }
  const s = ws.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

const eventOf = (feed: number, item: number) => hash(feed * 100_003 + item, 7) % events;
const hostOf = (feed: number) => `o${feed % hosts}.localhost`;
/** Minutes before the origin started at which item `item` was published (item 0 newest). */
const START = Date.now();
const published = (item: number) => new Date(START - (item * 7 + 3) * 60_000);

function articleHtml(feed: number, item: number): string {
  const ev = eventOf(feed, item);
  const person = `${name(hash(ev, 1) % 8000)} ${name(hash(ev, 2) % 8000)}`;
  const place = name(hash(ev, 3) % 8000);
  const own = feed * 100_003 + item;
  const paragraphs = [
    `${place} — ${sentence(ev * 5 + 1, 18)} ${sentence(own * 3 + 1, 12)}`,
    `“${sentence(ev * 5 + 2, 14)}” said ${person}, who leads the ${place} office.`,
    `${sentence(own * 3 + 2, 20)} ${sentence(ev * 5 + 3, 16)}`,
    `${sentence(ev * 5 + 4, 22)} ${sentence(own * 3 + 3, 15)}`,
    `${person} added that ${sentence(ev * 5 + 5, 12).toLowerCase()}`,
  ];
  const title = `${place}: ${sentence(ev * 5 + 6, 7).slice(0, -1)}`;
  const when = published(item).toISOString();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Outlet ${feed}</title>
<meta property="og:title" content="${title}"><meta name="author" content="${name(own % 8000)} ${name((own >> 3) % 8000)}">
<meta property="article:published_time" content="${when}"></head><body>
<header><a href="/">Outlet ${feed}</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By ${name(own % 8000)} ${name((own >> 3) % 8000)} · <time datetime="${when}">${when.slice(0, 10)}</time></p>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><aside><h2>Most read</h2><ul><li><a href="/a/${feed}/${item + 1}.html">Another report</a></li></ul></aside></main>
<footer><p>© Outlet ${feed}</p></footer></body></html>`;
}

function feedXml(feed: number, base: string, count: number): string {
  const entries: string[] = [];
  for (let item = 0; item < count; item++) {
    const ev = eventOf(feed, item);
    const title = `${name(hash(ev, 3) % 8000)}: ${sentence(ev * 5 + 6, 7).slice(0, -1)}`;
    entries.push(`<item><title>${title}</title><link>${base}/a/${feed}/${item}.html</link>
<guid isPermaLink="false">outlet-${feed}-item-${item}</guid><pubDate>${published(item).toUTCString()}</pubDate>
<description>${sentence(ev * 5 + 1, 18)}</description></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet ${feed}</title>
<link>${base}/</link><description>Outlet ${feed}'s news</description>
${entries.join("\n")}</channel></rss>`;
}

/** Politeness as the origin saw it: requests in flight per host, and starts closer than the gap. */
const stats = { requests: 0, maxInFlightPerHost: 0 };
const inFlight = new Map<string, number>();
let countedWithinGap = 0;
let minGapMs = Number.POSITIVE_INFINITY;
const lastStart = new Map<string, number>();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://origin");
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  if (url.pathname === "/__stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ...stats, startsWithinGap: countedWithinGap, minGapMs }));
    // `?reset=1` starts the next run's figures afresh.
    if (url.searchParams.has("reset")) {
      stats.requests = 0;
      stats.maxInFlightPerHost = 0;
      countedWithinGap = 0;
      minGapMs = Number.POSITIVE_INFINITY;
      lastStart.clear();
    }
    return;
  }
  stats.requests++;
  const now = performance.now();
  const previous = lastStart.get(host);
  if (previous !== undefined) {
    minGapMs = Math.min(minGapMs, now - previous);
    if (now - previous < gapMs / 2) countedWithinGap++;
  }
  lastStart.set(host, now);
  const n = (inFlight.get(host) ?? 0) + 1;
  inFlight.set(host, n);
  stats.maxInFlightPerHost = Math.max(stats.maxInFlightPerHost, n);
  res.on("close", () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
  const answer = (status: number, type: string, body: string) =>
    setTimeout(() => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    }, latencyMs);
  let m = /^\/feeds\/(\d+)\.xml$/.exec(url.pathname);
  if (m) {
    const feed = Number(m[1]);
    const count = Math.min(items, Number(url.searchParams.get("items") ?? items));
    if (feed < feeds && host === hostOf(feed))
      return answer(200, "application/rss+xml", feedXml(feed, `http://${req.headers.host}`, count));
  }
  m = /^\/a\/(\d+)\/(\d+)\.html$/.exec(url.pathname);
  if (m) {
    const feed = Number(m[1]);
    const item = Number(m[2]);
    if (feed < feeds && item < items && host === hostOf(feed))
      return answer(200, "text/html; charset=utf-8", articleHtml(feed, item));
  }
  answer(404, "text/plain", "not found");
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
