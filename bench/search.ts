/**
 * @module Benchmark: searchArticles over the corpus bench/search-corpus.ts built, on SQLite and PostgreSQL,
 * with a query mix of rare, mid-frequency and very common words, two-word queries and phrases, with and
 * without source and date filters, plus the front page's two queries. Prints p50/p95/p99 per kind and
 * overall, and, for scale, the naive full ranking (every match scored and sorted) of a few words.
 *
 *   node --import tsx bench/search.ts sqlite|postgres [runs=10]
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { searchArticles } from "../src/search/search.ts";
import { listLatestArticles } from "../src/storage/articles.ts";
import { openDb } from "../src/storage/db.ts";
import { listRecentStories } from "../src/storage/stories.ts";
import { benchDatabaseUrl, buildVocabulary } from "./search-vocabulary.ts";

const [dialect = "sqlite", runsArg = "10"] = process.argv.slice(2);
const runs = Number(runsArg);
const db = openDb(benchDatabaseUrl(dialect, join(tmpdir(), "newsdesk-search-bench.db")));
const words = buildVocabulary();
const w = (rank: number) => words[rank] ?? "";
const DAY = 86_400_000;
const END = Date.parse("2026-11-20T12:00:00.000Z");
const iso = (t: number) => new Date(t).toISOString();

const count = Number(
  (
    await db.kysely
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n,
);
// Phrases that occur: three words in a row from stored articles spread over the corpus.
const phrases: string[] = [];
for (const id of [11, count / 3, count / 2, count - 7].map(Math.floor)) {
  const row = await db.kysely.selectFrom("articles").select("text").where("id", "=", id).executeTakeFirst();
  const t = row?.text.split(/[ .]+/) ?? [];
  phrases.push(`"${t.slice(5, 8).join(" ")}"`, `"${t.slice(1, 3).join(" ")}"`);
}

type Q = { kind: string; q: string; sourceId?: number; from?: string; to?: string; page?: number };
const mix: Q[] = [
  ...[4000, 9000, 15000, 22000, 29000].map((r) => ({ kind: "rare word", q: w(r) })),
  ...[30, 60, 100, 200, 400].map((r) => ({ kind: "mid word", q: w(r) })),
  ...[0, 1, 2, 3].map((r) => ({ kind: "very common word", q: w(r) })),
  ...[
    [0, 1],
    [2, 50],
    [30, 3000],
    [100, 200],
    [8, 20000],
  ].map(([a = 0, b = 0]) => ({ kind: "two words", q: `${w(a)} ${w(b)}` })),
  ...phrases.map((q) => ({ kind: "phrase", q })),
  ...[0, 60, 9000].flatMap((r) => [
    { kind: "source filter", q: w(r), sourceId: 20 },
    { kind: "source filter", q: w(r), sourceId: 1 },
    { kind: "date filter", q: w(r), from: iso(END - 30 * DAY) },
    { kind: "date filter", q: w(r), from: iso(END - 400 * DAY), to: iso(END - 370 * DAY) },
    { kind: "source and date", q: w(r), sourceId: 5, from: iso(END - 200 * DAY), to: iso(END - 100 * DAY) },
  ]),
  ...[0, 100].map((r) => ({ kind: "page 3", q: w(r), page: 3 })),
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const line = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(22)} n=${String(xs.length).padStart(4)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms  max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(6)} ms`,
  );

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

console.log(`${dialect}: ${count.toLocaleString("en")} articles, ${mix.length} queries x ${runs} runs`);
for (const q of mix) await searchArticles(db, q); // warm the caches once
const byKind = new Map<string, number[]>();
const all: number[] = [];
let hitsTotal = 0;
for (let r = 0; r < runs; r++) {
  for (const q of mix) {
    let hits = 0;
    const ms = await time(async () => {
      hits = (await searchArticles(db, q)).hits.length;
    });
    if (r === 0) hitsTotal += hits;
    all.push(ms);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
  }
}
for (const [kind, xs] of byKind) line(kind, xs);
line("search, all", all);
console.log(
  `(hits on the first pass: ${hitsTotal}; queries with no hit: ${mix.length - (await Promise.all(mix.map(async (q) => (await searchArticles(db, q)).hits.length))).filter(Boolean).length})`,
);

const latest: number[] = [];
const stories: number[] = [];
for (let i = 0; i < 200; i++) {
  latest.push(await time(() => listLatestArticles(db.kysely, 30)));
  stories.push(await time(() => listRecentStories(db.kysely, 48, 30)));
}
line("front: latest 30", latest);
line("front: recent stories", stories);

console.log("for scale, naive full ranking of every match (3 runs each):");
for (const rank of [0, 30, 9000]) {
  const naive =
    dialect === "postgres"
      ? sql`SELECT article_id FROM article_search WHERE search_vector @@ plainto_tsquery('simple', ${w(rank)}) ORDER BY ts_rank(search_vector, plainto_tsquery('simple', ${w(rank)})) DESC LIMIT 20`
      : sql`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${`"${w(rank)}"`} ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT 20`;
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) xs.push(await time(() => naive.execute(db.kysely)));
  line(`naive, word rank ${rank}`, xs);
}
await db.close();
