/** @module The extraction quality gate: dev-set snippet F1 on a fixed subset may only move up. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runExtractionBench } from "../../bench/support/extraction-runner.ts";

const ROOT = join(import.meta.dirname, "../..");
const floor = JSON.parse(readFileSync(join(ROOT, "bench/extraction-floor.json"), "utf8")) as {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
};

test(`dev-set F1 on the first ${floor.pages} pages is at or above the floor`, () => {
  const r = runExtractionBench("floor", `${join(ROOT, "bin/newsdesk")} extract --jsonl`, floor.pages);
  const s = r.score;
  console.log(
    `# extraction dev subset (${floor.pages} pages): F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}, median ${r.timing.median_ms?.toFixed(1)} ms`,
  );
  assert.equal(r.timing.pages, floor.pages);
  assert.ok(s.f1 >= floor.f1, `F1 ${s.f1.toFixed(4)} is below the floor ${floor.f1}`);
  assert.ok(
    s.precision >= floor.precision,
    `precision ${s.precision.toFixed(4)} is below ${floor.precision}`,
  );
  assert.ok(s.recall >= floor.recall, `recall ${s.recall.toFixed(4)} is below ${floor.recall}`);
});
