/**
 * @module For the soak bench: readers of the public site at a steady rate, in a process of their own so
 * their CPU is not the bench's. Requests start on schedule (open loop: a slow server cannot slow the
 * load and hide its latency) over a fixed pool of keep-alive connections, asking for compressed
 * pages as browsers do. The mix: article pages, the front page, story and source pages, search and
 * feeds; the links come from the pages read, so new articles are read as they appear. Prints a line
 * a minute to stderr and, at the end, JSON figures per route and per minute to stdout.
 *
 *   node --import tsx bench/support/soak-readers.ts <site> <rate> <seconds> [connections=16]
 */
import { setMaxListeners } from "node:events";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Pool } from "undici";

const [site = "", rateArg = "400", secondsArg = "60", connectionsArg = "16"] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const pool = new Pool(site, { connections: Number(connectionsArg), pipelining: 1 });

export type Route = "article" | "front" | "story" | "source" | "search" | "feed";
/** Share of requests per route, out of 100. */
const MIX: Array<[Route, number]> = [
  ["article", 50],
  ["front", 15],
  ["story", 12],
  ["source", 5],
  ["search", 8],
  ["feed", 10],
];
/** Links remembered per kind, the oldest dropped first: readers follow what the site shows now. */
const LINKS_KEPT = 3000;

/** Paths seen on the site's pages, for picking one at random. */
class Links {
  private readonly list: string[] = [];
  private readonly known = new Set<string>();
  add(path: string): void {
    if (this.known.has(path)) return;
    this.known.add(path);
    this.list.push(path);
    if (this.list.length > LINKS_KEPT) this.known.delete(this.list.shift() as string);
  }
  replace(from: string, to: string): boolean {
    const i = this.list.indexOf(from);
    if (i < 0) return false;
    this.known.delete(from);
    if (this.known.has(to)) this.list.splice(i, 1);
    else {
      this.list[i] = to;
      this.known.add(to);
    }
    return true;
  }
  any(): string | undefined {
    return pick(this.list);
  }
  get size(): number {
    return this.list.length;
  }
}

const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const links = { articles: new Links(), stories: new Links(), sources: new Links() };

function remember(html: string): void {
  for (const [kind, set] of Object.entries(links))
    for (const m of html.matchAll(new RegExp(`href="(/${kind}/\\d+-[^"#?/]+)"`, "g")))
      set.add(m[1] as string);
}

/** A word of a known article's headline (its slug), so searches find something. */
function searchWord(): string {
  const words = (links.articles.any() ?? "/articles/0-council")
    .split("-")
    .filter((w) => /^[a-z]{5,}$/.test(w));
  return pick(words) ?? "council";
}

/** The path to request for `route`, or the front page while the site has shown no such link yet. */
function pathFor(route: Route): { route: Route; path: string } {
  const article = links.articles.any();
  const story = links.stories.any();
  const source = links.sources.any();
  const front = { route: "front" as const, path: "/" };
  switch (route) {
    case "article":
      return article ? { route, path: article } : front;
    case "story":
      return story ? { route, path: story } : front;
    case "source":
      return source ? { route, path: source } : front;
    case "search":
      return { route, path: `/search?q=${searchWord()}` };
    case "feed": {
      const feeds = [
        "/feed.xml",
        "/feed.atom",
        "/feed.json",
        "/comments/feed.xml",
        `/search/feed.atom?q=${searchWord()}`,
      ];
      if (source) feeds.push(`${source}/feed.xml`);
      if (story) feeds.push(`${story}/feed.json`);
      if (article) feeds.push(`${article}/comments.atom`);
      return { route, path: pick(feeds) ?? "/feed.xml" };
    }
    default:
      return front;
  }
}

function drawRoute(): Route {
  let r = Math.random() * 100;
  for (const [route, share] of MIX) {
    r -= share;
    if (r < 0) return route;
  }
  return "article";
}

interface Tally {
  latencies: number[];
  errors: number;
  redirects: number;
}
const tallies = new Map<Route, Tally>(MIX.map(([r]) => [r, { latencies: [], errors: 0, redirects: 0 }]));
/** Article page latencies by the minute of the run they completed in, to see whether they drift. */
const perMinute: number[][] = [];
const errorSamples: string[] = [];
let lagMax = 0;

function noteError(what: string): void {
  if (errorSamples.length < 20) errorSamples.push(what);
}

async function one(route: Route, path: string): Promise<void> {
  const tally = tallies.get(route) as Tally;
  const t0 = performance.now();
  try {
    const res = await pool.request({
      method: "GET",
      path,
      headers: { "accept-encoding": "br, gzip" },
      signal: cutoff.signal,
    });
    const harvest = route === "front" || route === "story" || route === "source";
    const body = harvest && res.statusCode === 200 ? Buffer.from(await res.body.arrayBuffer()) : null;
    if (!body) await res.body.dump();
    const ms = performance.now() - t0;
    tally.latencies.push(ms);
    if (route === "article") {
      const minute = Math.floor((performance.now() - started) / 60_000);
      perMinute[minute] ??= [];
      perMinute[minute].push(ms);
    }
    if (res.statusCode === 301 || res.statusCode === 308) {
      // A corrected headline moves an article's slug: follow it from now on, as a reader would.
      tally.redirects++;
      const to = new URL(String(res.headers.location ?? path), site).pathname;
      for (const set of Object.values(links)) set.replace(path, to);
    } else if (res.statusCode !== 200) {
      tally.errors++;
      noteError(`${res.statusCode} ${path}`);
    }
    if (body) {
      const encoding = res.headers["content-encoding"];
      const html =
        encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body;
      remember(html.toString("utf8"));
    }
  } catch (err) {
    tally.latencies.push(performance.now() - t0);
    tally.errors++;
    noteError(`${(err as Error).message} ${path}`);
  }
}

export interface Figures {
  count: number;
  errors: number;
  redirects: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function figures(latencies: number[], errors = 0, redirects = 0): Figures {
  const xs = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
  return {
    count: xs.length,
    errors,
    redirects,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: xs.at(-1) ?? Number.NaN,
  };
}

export interface ReadersReport {
  seconds: number;
  routes: Record<Route, Figures>;
  /** The article page, minute by minute. */
  articleByMinute: Figures[];
  /** How far behind schedule a request was started at worst (the load generator's own stall), ms. */
  lagMax: number;
  /** CPU the readers used, user and system, as a share of one core */
  cpuShare: number;
  errorSamples: string[];
  links: { articles: number; stories: number; sources: number };
}

const started = performance.now();
/** Requests still unanswered this long after the last one was due are given up, as errors: the run ends. */
const GRACE_MS = 30_000;
const cutoff = new AbortController();
// Every request in flight listens on it.
setMaxListeners(0, cutoff.signal);
setTimeout(
  () => cutoff.abort(new Error("unanswered at the end of the run")),
  seconds * 1000 + GRACE_MS,
).unref();
const total = Math.round(rate * seconds);
const inflight = new Set<Promise<void>>();
let reported = 0;
const progress = setInterval(() => {
  const f = figures(perMinute[reported] ?? []);
  const errors = [...tallies.values()].reduce((n, t) => n + t.errors, 0);
  process.stderr.write(
    `readers: minute ${reported + 1}: article p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(1)} ms (${f.count} answered); errors so far ${errors}\n`,
  );
  reported++;
}, 60_000);
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  lagMax = Math.max(lagMax, performance.now() - due);
  const { route, path } = pathFor(drawRoute());
  const p = one(route, path).finally(() => inflight.delete(p));
  inflight.add(p);
}
await Promise.all(inflight);
clearInterval(progress);
await pool.close();

const report: ReadersReport = {
  seconds: (performance.now() - started) / 1000,
  routes: Object.fromEntries(
    [...tallies].map(([route, t]) => [route, figures(t.latencies, t.errors, t.redirects)]),
  ) as Record<Route, Figures>,
  articleByMinute: perMinute.map((xs) => figures(xs)),
  lagMax,
  cpuShare: (() => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6 / ((performance.now() - started) / 1000);
  })(),
  errorSamples,
  links: { articles: links.articles.size, stories: links.stories.size, sources: links.sources.size },
};
process.stdout.write(JSON.stringify(report));
