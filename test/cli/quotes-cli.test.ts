/** @module `newsdesk quotes --jsonl` as the stories bench runs it: article lines in, statement lines out. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");

function quotes(input: string) {
  return spawnSync(BIN, ["quotes", "--jsonl"], {
    input,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
}

test("one output line per article, in input order, with offsets into the body", () => {
  const articles = [
    { id: "a1", outlet: "The Harbour Gazette", body: "“The bridge is safe,” said engineer Omar Sadik." },
    { id: "a2", outlet: "The Harbour Gazette", body: "The Gazette understands that the sale is off." },
    { id: "a3", body: "Nothing here is said by anyone." },
  ];
  const r = quotes(`${articles.map((a) => JSON.stringify(a)).join("\n")}\n\n`);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.id),
    ["a1", "a2", "a3"],
  );
  const [first] = lines[0].statements;
  assert.equal(first.source, "Omar Sadik");
  assert.equal(first.kind, "direct");
  assert.equal(articles[0]?.body.slice(first.start, first.end), first.statement);
  assert.equal(lines[1].statements[0].source, "The Harbour Gazette (own sources)");
  assert.deepEqual(lines[2].statements, []);
});

test("a line that is not an article stops with its line number", () => {
  const r = quotes('{"id": "a1", "body": "Fine."}\nnot json\n');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /line 2/u);
});
