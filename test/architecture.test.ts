/**
 * @module The data flow's boundaries, checked on the import graph (ARCHITECTURE.md): the web tier
 * reaches nothing in fetch/ or ingest/ (it opens no outbound connection and parses no feed: it
 * queues work), and config/ reaches nothing in fetch/.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const SRC = join(import.meta.dirname, "../src");

/** Every module `entry` reaches through static and dynamic relative imports (tests excluded). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [resolve(entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (existsSync(target) && !/\.test\.tsx?$/.test(target)) todo.push(target);
    }
  }
  return seen;
}

const under = (files: Set<string>, folder: string) =>
  [...files].map((f) => relative(SRC, f)).filter((f) => f.startsWith(`${folder}/`));

test("the web tier imports nothing from fetch/ or ingest/, directly or through another module", () => {
  const web = reachable(join(SRC, "web/app.tsx"));
  assert.ok(
    under(reachable(join(SRC, "cli/serve.ts")), "ingest").length > 0,
    "the check sees what serve reaches",
  );
  assert.ok(web.size > 50, `the graph was read (${web.size} modules)`);
  assert.deepEqual(under(web, "fetch"), []);
  assert.deepEqual(under(web, "ingest"), []);
});

test("config/ imports nothing from fetch/", () => {
  assert.deepEqual(under(reachable(join(SRC, "config/config.ts")), "fetch"), []);
});
