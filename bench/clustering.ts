/**
 * @module Benchmark: story clustering's cost per new article with a large stored corpus (issue 12).
 *
 *   node --import tsx bench/clustering.ts [articles=1000000] [--pg] [--rate=2000] [--warmup-days=6] [--days=1] [--keep]
 *   node --import tsx bench/clustering.ts 5000 --rate=150        # quick try, about 40 s
 *
 * 1. Stores `articles` articles in bulk, without clustering (the search bench's corpus over two years,
 *    bench/clustering-corpus.ts), with term_stats and cluster_state seeded from them in one aggregate
 *    pass: the document frequencies ingest would have counted.
 * 2. Ingests `warmup-days` of a stream of multi-outlet stories (bench/clustering-stream.ts) at `rate`
 *    articles a day through insertArticle with clustering, so the window's clustering state
 *    (cluster_features, cluster_terms, cluster_stories) is what real ingest would leave, in steady state
 *    (the window plus a story's span, 72 + 48 hours by default, is 5 days).
 * 3. Ingests `days` more of the stream, each article twice in the same run: with clustering (the article
 *    itself) and without (a twin with another guid and URL: today's story of one), the order alternating.
 *    Times per article: clustering's features (computed before the transaction, as ingest does) plus
 *    insertArticle, against insertArticle alone; their paired difference; articles per second; memory.
 * 4. Checks the stream's events against the stories they ended up in.
 *
 * SQLite: a file in a temp dir, deleted at the end unless --keep. PostgreSQL (--pg): schema
 * bench_clustering in TEST_DATABASE_URL's database (postgres://postgres@127.0.0.1:5432/test), dropped first.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Kysely, LogEvent } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/config/config.ts";
import type { FeedItem } from "../src/feeds/types.ts";
import { articleStatements } from "../src/ingest/article-statements.ts";
import { clusterRequest } from "../src/ingest/cluster-request.ts";
import { type ArticleOrigin, insertArticle } from "../src/storage/articles.ts";
import { clusterCacheFor } from "../src/storage/cluster-cache.ts";
import { openDb } from "../src/storage/db.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import type { Database, NewArticle } from "../src/storage/schema.ts";
import { STORY_SPAN_HOURS } from "../src/stories/assign.ts";
import { escapeHtml } from "../src/util/html.ts";
import { articleUrlKey, outletHost } from "../src/util/url-key.ts";
import { bareFeedItem } from "../test/support/news-fixtures.ts";
import { loadPostgresCorpus, loadSqliteCorpus, SOURCES } from "./clustering-corpus.ts";
import { generateStream, type StreamArticle } from "./clustering-stream.ts";
import { demoPages, devSetPages, medianPageCost } from "./page-ingest-cost.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const usePg = args.includes("--pg");
const keep = args.includes("--keep");
const perDay = option("rate", 2000);
const warmupDays = option("warmup-days", 6);
const days = option("days", 1);

const DAY = 86_400_000;
/** The bulk corpus ends here; the stream starts here. */
const T0 = Date.parse("2026-11-20T12:00:00.000Z");
const SPAN = 730 * DAY;
const SCHEMA = "bench_clustering";
const config = loadConfig({});
const iso = (t: number) => new Date(t).toISOString();
const log = (s: string) => console.log(s);
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

// ---- Query profile: every query's time, by shape, per variant (Kysely's log hook) --------------------------

let phase: "cluster" | "plain" | "off" = "off";
const profile = { cluster: new Map<string, number>(), plain: new Map<string, number>() };
function record(e: LogEvent): void {
  if (phase === "off" || e.level !== "query") return;
  const shape = e.query.sql
    .replace(/\s+/g, " ")
    .replace(/\((?:\s*(?:\?|\$\d+)\s*,?)+\)/g, "(…)")
    .replace(/(?:\((?:…)\)\s*,?\s*)+/g, "(…) ")
    .slice(0, 90);
  const m = profile[phase];
  m.set(shape, (m.get(shape) ?? 0) + e.queryDurationMillis);
}

function pgUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  url.searchParams.set("options", `-c search_path=${SCHEMA}`);
  return url.toString();
}

// ---- 1. The stored corpus ------------------------------------------------------------------------------

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
let dir: string | null = null;
let kysely: Kysely<Database>;
log(
  `clustering bench: ${count.toLocaleString("en")} stored articles on ${usePg ? "PostgreSQL" : "SQLite"}; stream ${perDay}/day, ${warmupDays} days warm-up, ${days} day(s) measured; window ${config.storyWindowHours} h`,
);
if (usePg) {
  const admin = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.query(`CREATE SCHEMA ${SCHEMA}`);
  await admin.end();
  const db = openDb(pgUrl());
  await migrateToLatest(db);
  await db.close();
  log(`building the corpus in schema ${SCHEMA}...`);
  await loadPostgresCorpus(pgUrl(), count, T0, SPAN, log);
  kysely = openDb(pgUrl(), { log: record }).kysely;
} else {
  dir = mkdtempSync(join(tmpdir(), "newsdesk-clustering-bench-"));
  const file = join(dir, "bench.db");
  const db = openDb(`sqlite:${file}`);
  await migrateToLatest(db);
  await db.close();
  log(`building the corpus in ${file}...`);
  loadSqliteCorpus(file, count, T0, SPAN, log);
  // The same connection as the product's (openDb: WAL, IMMEDIATE transactions, statement cache), with the query log.
  kysely = openDb(`sqlite:${file}`, { log: record }).kysely;
}
log(`corpus ready at ${seconds()}`);

// ---- 2. The stream, and the warm-up that fills the window's clustering state ----------------------------

const measureFrom = T0 + warmupDays * DAY;
const stream = generateStream({ from: T0, to: measureFrom + days * DAY, perDay, sources: SOURCES });
const firstMeasured = stream.findIndex((a) => a.at >= measureFrom);
log(
  `stream: ${stream.length.toLocaleString("en")} articles (${firstMeasured.toLocaleString("en")} warm-up, ${(stream.length - firstMeasured).toLocaleString("en")} measured), ${new Set(stream.map((a) => a.event)).size.toLocaleString("en")} events, ${stream.filter((a) => a.reprintOf !== null).length} wire reprints`,
);

function toRow(a: StreamArticle, i: number, twin: boolean): NewArticle {
  const url = `https://source${a.sourceId}.test/${twin ? "plain" : "news"}/${i}`;
  const fetched = iso(a.at + 120_000);
  return {
    source_id: a.sourceId,
    guid: `${twin ? "n" : "s"}${i}`,
    url,
    canonical_url: null,
    url_key: articleUrlKey(null, url),
    title: a.title,
    byline: null,
    published_at: iso(a.at),
    lead_image_url: null,
    lead_image_alt: null,
    lead_image_caption: null,
    lead_image_credit: null,
    body_html: a.text
      .split("\n\n")
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("\n"),
    text: a.text,
    excerpt: null,
    language: null,
    fetched_at: fetched,
    created_at: fetched,
    updated_at: fetched,
  };
}

/**
 * The pages kept with the stream's articles (ingest keeps each fetched page, gzipped, for
 * re-extraction): real pages when the extraction dev set is beside the checkout, else the demo's,
 * compressed once here (the compression runs on libuv's thread pool in ingest, not timed here).
 */
const keptPages = (() => {
  const pages = devSetPages(200);
  return (pages.length > 0 ? pages : demoPages()).map((p) => ({
    url: p.url,
    size: Buffer.byteLength(p.html),
    gzip: new Uint8Array(gzipSync(p.html, { level: 6 })),
  }));
})();
const quiet = { warn: () => {} };

/**
 * What ingest passes besides the cluster request (store-feed-items.ts): the outlet, the feed's
 * digest, the kept page and the article's statements (extracted before the insert, untimed here:
 * their CPU is in the page cost at the end).
 */
function origin(row: NewArticle, i: number): ArticleOrigin {
  const page = keptPages[i % keptPages.length];
  const statements = articleStatements(row.text, `Source ${row.source_id}`, quiet);
  return {
    outlet: {
      sourceId: row.source_id,
      host: outletHost(`https://source${row.source_id}.test/`, `https://source${row.source_id}.test/feed`),
    },
    feed: { digest: `digest-${row.guid}`, bodyFromPage: true },
    ...(statements ? { statements } : {}),
    ...(page
      ? {
          page: {
            url: row.url,
            contentType: "text/html; charset=utf-8",
            fetchedAt: row.fetched_at,
            size: page.size,
            gzip: page.gzip,
            item: feedItemOf(row),
          },
        }
      : {}),
  };
}

function feedItemOf(row: NewArticle): FeedItem {
  return bareFeedItem(row.guid, row.url, {
    title: { type: "text", value: row.title },
    published: row.published_at ?? null,
  });
}

async function insertClustered(a: StreamArticle, i: number) {
  const row = toRow(a, i, false);
  const rest = origin(row, i);
  const t0 = performance.now();
  const cluster = clusterRequest(row, config);
  const t1 = performance.now();
  if (!(await insertArticle(kysely, row, [], { ...rest, cluster })))
    throw new Error(`article ${i} not stored`);
  const t2 = performance.now();
  return { total: t2 - t0, features: t1 - t0, transaction: t2 - t1 };
}

async function insertPlain(a: StreamArticle, i: number) {
  const row = toRow(a, i, true);
  const rest = origin(row, i);
  const t0 = performance.now();
  if (!(await insertArticle(kysely, row, [], rest))) throw new Error(`twin ${i} not stored`);
  return performance.now() - t0;
}

async function clusterRows() {
  const n = async (t: "cluster_features" | "cluster_postings" | "cluster_stories" | "term_stats") =>
    Number(
      (
        await kysely
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    features: await n("cluster_features"),
    terms: await n("cluster_postings"),
    stories: await n("cluster_stories"),
    termStats: await n("term_stats"),
  };
}

const warmStart = performance.now();
for (let i = 0; i < firstMeasured; i++) {
  await insertClustered(stream[i] as StreamArticle, i);
  if ((i + 1) % 5000 === 0)
    log(`  warm-up: ${(i + 1).toLocaleString("en")} articles clustered, ${seconds()}`);
}
const warmMs = performance.now() - warmStart;
log(
  `warm-up done at ${seconds()}: ${firstMeasured.toLocaleString("en")} articles in ${(warmMs / 1000).toFixed(0)} s (${(warmMs / Math.max(1, firstMeasured)).toFixed(2)} ms each)`,
);

// ---- 3. The measured stream --------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rowsBefore = await clusterRows();
const memBefore = process.memoryUsage();
let rssPeak = memBefore.rss;
const withTimes: number[] = [];
const featureTimes: number[] = [];
const txTimes: number[] = [];
const plainTimes: number[] = [];
const diffs: number[] = [];
for (let i = firstMeasured; i < stream.length; i++) {
  const a = stream[i] as StreamArticle;
  let w: Awaited<ReturnType<typeof insertClustered>>;
  let p: number;
  // Alternate which goes first, so neither always finds the pages the other just read.
  if (i % 2 === 0) {
    phase = "cluster";
    w = await insertClustered(a, i);
    phase = "plain";
    p = await insertPlain(a, i);
  } else {
    phase = "plain";
    p = await insertPlain(a, i);
    phase = "cluster";
    w = await insertClustered(a, i);
  }
  phase = "off";
  withTimes.push(w.total);
  featureTimes.push(w.features);
  txTimes.push(w.transaction);
  plainTimes.push(p);
  diffs.push(w.total - p);
  if (i % 100 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}
gc?.();
const memAfter = process.memoryUsage();
rssPeak = Math.max(rssPeak, memAfter.rss);
const rowsAfter = await clusterRows();

// ---- 4. Quality on the synthetic stream ------------------------------------------------------------------

const stored = await kysely
  .selectFrom("articles")
  .select(["guid", "id", "story_id", "near_duplicate_of"])
  .where("id", ">", count)
  .where("guid", "like", "s%")
  .execute();
const byIndex = new Map(stored.map((r) => [Number(r.guid.slice(1)), r]));
const eventStories = new Map<number, Set<number>>();
const storyEvents = new Map<number, Set<number>>();
for (const [i, a] of stream.entries()) {
  const r = byIndex.get(i);
  if (!r || r.story_id == null) continue;
  const s = Number(r.story_id);
  eventStories.set(a.event, (eventStories.get(a.event) ?? new Set()).add(s));
  storyEvents.set(s, (storyEvents.get(s) ?? new Set()).add(a.event));
}
const reportsOf = new Map<number, number>();
for (const a of stream) reportsOf.set(a.event, (reportsOf.get(a.event) ?? 0) + 1);
let multi = 0;
let multiOne = 0;
let multiOnePure = 0;
let singles = 0;
let singlesAlone = 0;
let extraStories = 0;
for (const [ev, stories] of eventStories) {
  const pure = [...stories].every((s) => storyEvents.get(s)?.size === 1);
  if ((reportsOf.get(ev) ?? 0) > 1) {
    multi++;
    if (stories.size === 1) multiOne++;
    if (stories.size === 1 && pure) multiOnePure++;
    extraStories += stories.size - 1;
  } else {
    singles++;
    if (pure) singlesAlone++;
  }
}
const mixed = [...storyEvents.values()].filter((e) => e.size > 1).length;
const idOf = (i: number) => Number(byIndex.get(i)?.id);
const reprints = stream.flatMap((a, i) => (a.reprintOf === null ? [] : [[i, a.reprintOf] as const]));
const reprintsLinked = reprints.filter(
  ([i, o]) => Number(byIndex.get(i)?.near_duplicate_of) === idOf(o),
).length;
const falseDup = stream.filter(
  (a, i) => a.reprintOf === null && byIndex.get(i)?.near_duplicate_of != null,
).length;

// ---- Report -----------------------------------------------------------------------------------------------

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const n = withTimes.length;
const f = (x: number) => x.toFixed(2).padStart(8);
const row = (label: string, xs: number[], perSecond = true) =>
  console.log(
    `| ${label.padEnd(40)} | ${f(pct(xs, 50))} | ${f(pct(xs, 95))} | ${f(pct(xs, 99))} | ${f(sum(xs) / xs.length)} | ${perSecond ? ((1000 * xs.length) / sum(xs)).toFixed(0).padStart(6) : "".padStart(6)} |`,
  );
console.log(
  `\n${usePg ? "PostgreSQL" : "SQLite"}, ${count.toLocaleString("en")} stored articles + ${firstMeasured.toLocaleString("en")} clustered in the window; ${n.toLocaleString("en")} new articles measured (each with and without clustering), total run ${seconds()}`,
);
console.log(`| ${"per new article (ms)".padEnd(40)} |      p50 |      p95 |      p99 |     mean | art./s |`);
console.log(`|${"-".repeat(42)}|---------:|---------:|---------:|---------:|-------:|`);
row("insertArticle, no clustering (baseline)", plainTimes);
row("features + insertArticle with clustering", withTimes);
row("  of which features (before the tx)", featureTimes, false);
row("  of which insertArticle with clustering", txTimes, false);
row("added by clustering (paired difference)", diffs, false);
const ratio = sum(plainTimes) / sum(withTimes);
console.log(
  `\nthroughput with/without clustering: ${ratio.toFixed(2)} (target >= 0.8); median added ${pct(diffs, 50).toFixed(2)} ms (target <= 5 ms): ${pct(diffs, 50) <= 5 ? "met" : "MISSED"}`,
);

const perArticle = (m: Map<string, number>) =>
  [...m].sort((a, b) => b[1] - a[1]).map(([shape, ms]) => [shape, ms / n] as const);
const clusterSql = sum([...profile.cluster.values()]) / n;
const plainSql = sum([...profile.plain.values()]) / n;
console.log(
  `\nwhere the time goes, mean ms per article: with clustering ${(sum(withTimes) / n).toFixed(2)} = features ${(sum(featureTimes) / n).toFixed(2)} + SQL ${clusterSql.toFixed(2)} + the rest (JS in the tx, Kysely, BEGIN/COMMIT) ${((sum(txTimes) - profile_total(profile.cluster)) / n).toFixed(2)}; without: SQL ${plainSql.toFixed(2)} + rest ${((sum(plainTimes) - profile_total(profile.plain)) / n).toFixed(2)}`,
);
function profile_total(m: Map<string, number>) {
  return sum([...m.values()]);
}
console.log("SQL by query shape, with clustering (mean ms per article, top 12):");
for (const [shape, ms] of perArticle(profile.cluster).slice(0, 12))
  console.log(`  ${ms.toFixed(3).padStart(7)}  ${shape}`);

const bound = perDay * ((config.storyWindowHours + STORY_SPAN_HOURS) / 24);
console.log(
  `\nmemory: before the measured stream rss ${mb(memBefore.rss)} heap ${mb(memBefore.heapUsed)}; after rss ${mb(memAfter.rss)} heap ${mb(memAfter.heapUsed)}; peak rss ${mb(rssPeak)}${gc ? "" : " (run with node --expose-gc for heap after GC)"}`,
);
console.log(
  `clustering rows before -> after the measured stream: cluster_features ${rowsBefore.features} -> ${rowsAfter.features}, cluster_postings ${rowsBefore.terms} -> ${rowsAfter.terms}, cluster_stories ${rowsBefore.stories} -> ${rowsAfter.stories} (window + span = ${config.storyWindowHours + STORY_SPAN_HOURS} h, about ${Math.round(bound).toLocaleString("en")} articles at ${perDay}/day); term_stats ${rowsBefore.termStats.toLocaleString("en")} -> ${rowsAfter.termStats.toLocaleString("en")}`,
);
if (dir) {
  const file = join(dir, "bench.db");
  const size = statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  console.log(`database file: ${mb(size)}`);
}
console.log(
  `\nquality (synthetic stream, ${eventStories.size.toLocaleString("en")} events): ${multiOne} of ${multi} multi-outlet events in exactly one story (${multiOnePure} of them with no other event's report in it; ${extraStories} extra stories from splits); ${singlesAlone} of ${singles} single reports alone in their story; ${mixed} stories hold more than one event; wire reprints linked to their original ${reprintsLinked} of ${reprints.length}, other reports marked as reprints ${falseDup}`,
);

// ---- What the process kept between articles, and the whole ingest -------------------------------------------

const cache = clusterCacheFor(kysely);
const rate = (l: { hits: number; misses: number }) =>
  `${((100 * l.hits) / Math.max(1, l.hits + l.misses)).toFixed(0)}% of ${(l.hits + l.misses).toLocaleString("en")}`;
console.log(
  `\nprocess cache hits over the whole run (src/storage/cluster-cache.ts): story sums ${rate(cache.sums)} (${cache.sums.size} kept), signatures ${rate(cache.signatures)}, report vectors ${rate(cache.allVectors)}, document frequencies ${rate(cache.df.known)}`,
);

// Ingest is more than the insert: each article's page is decoded, extracted and sanitized, and its
// statements found, first (the fetch's network wait costs no CPU). Their cost, timed now, on the
// demo's pages and on real ones when present; the inserts above carry the statements and kept page.
const plainMean = sum(plainTimes) / n;
const withMean = sum(withTimes) / n;
for (const [label, pages] of [
  ["demo newsroom pages", demoPages()],
  ["extraction dev set pages (first 200)", devSetPages(200)],
] as const) {
  if (pages.length === 0) continue;
  const c = medianPageCost(pages);
  const ratio = (e: number) => ((e + plainMean) / (e + withMean)).toFixed(2);
  console.log(
    `ingest throughput with/without clustering, ${label} (median ms a page: extraction ${c.extraction.toFixed(2)}, statements ${c.statements.toFixed(2)}, both ${c.total.toFixed(2)}): ${ratio(c.total)} (target >= 0.8); counting extraction alone ${ratio(c.extraction)}`,
  );
}

await kysely.destroy();
if (usePg) {
  if (!keep) {
    const admin = new pg.Client({
      connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.end();
  }
} else if (dir && !keep) rmSync(dir, { recursive: true, force: true });
else if (dir) console.log(`kept ${dir}`);
