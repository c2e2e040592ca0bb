/** @module Child process for feed-memory.ts: parse one file, print time, items and this process's peak RSS. */
import { readFileSync } from "node:fs";
import { parseFeed } from "../../src/feeds/parse-feed.ts";
import { decodeText } from "../../src/fetch/decode-text.ts";

const path = process.argv[2] ?? "";
const baseline = process.resourceUsage().maxRSS / 1024;
const bytes = readFileSync(path);
const t0 = performance.now();
const feed = parseFeed(decodeText(bytes, null), "https://bench.example/feed");
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    mb: Number((bytes.length / 2 ** 20).toFixed(1)),
    items: feed.items.length,
    itemsNotRead: feed.itemsNotRead,
    ms: Math.round(ms),
    baselineRssMb: Math.round(baseline),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
