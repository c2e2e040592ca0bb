/** @module The metadata quality gate: title, bylines, agency and published time on the hand-written truth set may only move up. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scoreCommand } from "../../bench/extract-metadata.ts";

const ROOT = join(import.meta.dirname, "../..");
const floor = JSON.parse(readFileSync(join(ROOT, "bench/extract-metadata/floor.json"), "utf8")) as Record<
  "title" | "bylines" | "agency" | "published",
  number
>;

test("metadata on the truth set is at or above the floor, field by field", () => {
  const r = scoreCommand(`${join(ROOT, "bin/newsdesk")} extract --jsonl`);
  console.log(
    `# metadata (${r.pages} pages): title ${r.title.toFixed(3)}, bylines ${r.bylines.toFixed(3)}, agency ${r.agency.toFixed(3)}, published ${r.published.toFixed(3)}`,
  );
  assert.ok(r.pages >= 300, `only ${r.pages} pages in the truth set`);
  for (const k of ["title", "bylines", "agency", "published"] as const)
    assert.ok(r[k] >= floor[k], `${k} ${r[k].toFixed(4)} is below the floor ${floor[k]}`);
});
