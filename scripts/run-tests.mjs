#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/, demo/ and test/ with node's test runner through tsx.
// Node 20's --test does not expand globs or look for .ts files, so the list is built here.
// Usage: npm test [-- <path filter>...]   e.g. npm test -- storage
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = ["src", "demo", "test"];
const filters = process.argv.slice(2);

/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "fixtures") continue;
    if (statSync(path).isDirectory()) out = out.concat(findTests(path));
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files = roots
  .flatMap(findTests)
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error("run-tests: no test files matched");
  process.exit(1);
}
// Tests share one PostgreSQL server and fixed demo ports; run files one at a time for isolation.
// A hang fails after TEST_TIMEOUT_MS instead of holding the whole run. On Node 20 the limit applies to
// each file as a whole as well as to each test, so it is well above the slowest file (about two
// minutes here); a file whose tests are done exits even if a stray handle (a child, a pool) lingers.
const TEST_TIMEOUT_MS = 20 * 60_000;
const args = [
  "--import",
  "tsx",
  "--test",
  "--test-concurrency=1",
  `--test-timeout=${TEST_TIMEOUT_MS}`,
  "--test-force-exit",
  ...files,
];
const result = spawnSync(process.execPath, args, {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "test" },
});
process.exit(result.status ?? 1);
