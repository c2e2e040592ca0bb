/**
 * @module Benchmark: Newsdesk's extractor and Readability (on linkedom, and with --jsdom on jsdom) on the
 * extraction dev set, in one run, scored by the shared scorer. Prints F1, precision, recall, timing and ratios.
 *
 *   node --import tsx bench/extract-dev.ts [--jsdom] [--limit N]
 *
 * Readability and its DOMs are installed outside the project, in <tmp>/newsdesk-bench-deps.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchResult, runExtractionBench, SHARED } from "./support/extraction-runner.ts";

const args = process.argv.slice(2);
const limit = Number(args[args.indexOf("--limit") + 1] ?? 0) || 0;
const withJsdom = args.includes("--jsdom");

const deps = join(tmpdir(), "newsdesk-bench-deps");
if (
  !existsSync(join(deps, "node_modules/@mozilla/readability")) ||
  !existsSync(join(deps, "node_modules/linkedom"))
) {
  mkdirSync(deps, { recursive: true });
  console.log(`# installing the baselines into ${deps}`);
  execFileSync(
    "npm",
    ["install", "--prefix", deps, "--no-save", "@mozilla/readability@0.6", "linkedom", "jsdom"],
    {
      stdio: "inherit",
    },
  );
}
const baselines = join(SHARED, "bench/extraction/baselines");
const root = join(import.meta.dirname, "..");

const runs: Array<[string, string]> = [
  ["newsdesk", `${join(root, "bin/newsdesk")} extract --jsonl`],
  ["readability-linkedom", `DEPS_DIR=${deps} node ${join(baselines, "readability-linkedom.mjs")}`],
];
if (withJsdom)
  runs.push(["readability-jsdom", `DEPS_DIR=${deps} node ${join(baselines, "readability-jsdom.mjs")}`]);

const results: Record<string, BenchResult> = {};
for (const [name, cmd] of runs) results[name] = runExtractionBench(name, cmd, limit);

console.log("| extractor | F1 | precision | recall | median ms/page | p90 ms | pages/s (in-process) |");
console.log("|---|---|---|---|---|---|---|");
for (const [name, r] of Object.entries(results)) {
  const t = r.timing;
  console.log(
    `| ${name} | ${r.score.f1.toFixed(3)} | ${r.score.precision.toFixed(3)} | ${r.score.recall.toFixed(3)} | ${t.median_ms?.toFixed(1)} | ${t.p90_ms?.toFixed(1)} | ${t.pages_per_s_in_process?.toFixed(0)} |`,
  );
}
const ours = results.newsdesk!.timing.pages_per_s_in_process ?? 0;
for (const [name, r] of Object.entries(results)) {
  if (name === "newsdesk") continue;
  console.log(`# newsdesk / ${name} pages/s: ${(ours / (r.timing.pages_per_s_in_process ?? 1)).toFixed(2)}x`);
}
