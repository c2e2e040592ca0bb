/**
 * @module Benchmark: Newsdesk's parseFeed against feedsmith on the same inputs in the same process:
 * the demo newsroom's feeds, generated RSS and Atom feeds of 1,000 and 5,000 items (MAX_FEED_ITEMS: past it Newsdesk skips items unread, so a larger feed would compare unequal work), and the
 * conformance corpus. Prints median ms per input set and the Newsdesk/feedsmith time ratio.
 *
 *   node --import tsx bench/feed-parse.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed as feedsmithParse } from "feedsmith";
import { request } from "undici";
import { startDemoOrigin } from "../demo/origin.ts";
import { parseFeed } from "../src/feeds/parse-feed.ts";
import { MAX_FEED_ITEMS } from "../src/feeds/tree-budget.ts";
import { decodeText } from "../src/fetch/decode-text.ts";
import { generateAtom, generateRss } from "./support/generate-feed.ts";

const CORPUS = join(import.meta.dirname, "../../shared/datasets/feedparser-tests");
const INCLUDED = join(import.meta.dirname, "../../shared/bench/feeds/included.txt");

function corpusTexts(): string[] {
  const paths = readFileSync(INCLUDED, "utf8").split("\n").filter(Boolean);
  return paths.map((p) => decodeText(readFileSync(join(CORPUS, p)), null));
}

async function demoTexts(): Promise<string[]> {
  const origin = await startDemoOrigin();
  const texts: string[] = [];
  for (const f of origin.feeds) texts.push(await (await request(f.feedUrl)).body.text());
  await origin.close();
  return texts;
}

/** Median of `runs` timings of parsing every text once; failures count as work done, not skipped. */
function time(texts: string[], parse: (t: string) => unknown, runs: number): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const t of texts) {
      try {
        parse(t);
      } catch {
        // A parser that refuses a file has still spent its time on it.
      }
    }
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const sets: Array<{ name: string; texts: string[]; runs: number }> = [
  { name: "demo newsroom feeds (4)", texts: await demoTexts(), runs: 50 },
  { name: "RSS 2.0, 1,000 items", texts: [generateRss(1000)], runs: 15 },
  { name: "RSS 2.0, 5,000 items", texts: [generateRss(MAX_FEED_ITEMS)], runs: 5 },
  { name: "Atom 1.0, 1,000 entries", texts: [generateAtom(1000)], runs: 15 },
  { name: "Atom 1.0, 5,000 entries", texts: [generateAtom(MAX_FEED_ITEMS)], runs: 5 },
  { name: "conformance corpus (605 files)", texts: corpusTexts(), runs: 10 },
];

const ours = (t: string) => parseFeed(t, "https://bench.example/feed");
const theirs = (t: string) => feedsmithParse(t);
console.log("| input | MB | newsdesk ms | feedsmith ms | newsdesk/feedsmith |");
console.log("|---|---|---|---|---|");
for (const set of sets) {
  const mb = set.texts.reduce((n, t) => n + t.length, 0) / 2 ** 20;
  // Warm both up once so the JIT state is comparable.
  time(set.texts, ours, 1);
  time(set.texts, theirs, 1);
  const a = time(set.texts, ours, set.runs);
  const b = time(set.texts, theirs, set.runs);
  console.log(
    `| ${set.name} | ${mb.toFixed(2)} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)} |`,
  );
}
