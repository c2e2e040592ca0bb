/** @module The shared feed-conformance harness on the real parser; the pass counts may only move up. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const ROOT = join(import.meta.dirname, "../..");
const HARNESS = join(ROOT, "../shared/bench/feeds/conformance.py");
const CORPUS = join(ROOT, "../shared/datasets/feedparser-tests");
const floors = JSON.parse(readFileSync(join(ROOT, "bench/feed-conformance-floor.json"), "utf8")) as {
  default: number;
  strict: number;
  included: number;
};

function run(strict: boolean): number {
  const out = mkdtempSync(join(tmpdir(), "newsdesk-conformance-"));
  try {
    const args = [
      HARNESS,
      "run",
      "--batch",
      "1000",
      "--adapter",
      "bin/newsdesk parse-feed --jsonl",
      "--out",
      out,
    ];
    if (strict) args.push("--strict");
    const res = spawnSync("python3", args, {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, FEEDPARSER_TESTS: CORPUS },
      timeout: 300_000,
    });
    assert.equal(res.error, undefined, `python3 runs the harness (${res.error?.message})`);
    const m = /conformance: (\d+) passed, (\d+) failed/.exec(res.stdout);
    assert.ok(m, `the harness printed its result:\n${res.stdout}\n${res.stderr}`);
    assert.equal(Number(m[1]) + Number(m[2]), floors.included, "every included case ran");
    return Number(m[1]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test("the harness and corpus are there (never skipped)", () => {
  assert.ok(existsSync(HARNESS), `${HARNESS} exists`);
  assert.ok(existsSync(CORPUS), `${CORPUS} exists`);
});

test("html-equivalent conformance is at or above its floor", () => {
  const passed = run(false);
  console.log(`# feed conformance (default): ${passed}/${floors.included}, floor ${floors.default}`);
  assert.ok(passed >= floors.default, `${passed} passed, floor is ${floors.default}`);
});

test("strict conformance is at or above its floor", () => {
  const passed = run(true);
  console.log(`# feed conformance (strict): ${passed}/${floors.included}, floor ${floors.strict}`);
  assert.ok(passed >= floors.strict, `${passed} passed, floor is ${floors.strict}`);
});
