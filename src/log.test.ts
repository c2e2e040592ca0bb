import assert from "node:assert/strict";
import { test } from "node:test";
import { createLogger } from "./log.ts";

test("logged errors keep their type, message, code and stack, never other fields such as a database's row detail", () => {
  const lines: string[] = [];
  const log = createLogger("info", { write: (s: string) => void lines.push(s) });
  const err = Object.assign(new Error("null value in column violates not-null constraint"), {
    code: "23502",
    detail: "Failing row contains (7, Ann, ann@example.org, null).",
  });
  log.error({ err, url: "/articles/1/comments" }, "request failed");
  const line = JSON.parse(lines[0] ?? "{}") as { err: Record<string, unknown> };
  assert.equal(line.err.message, "null value in column violates not-null constraint");
  assert.equal(line.err.code, "23502");
  assert.equal(line.err.type, "Error");
  assert.ok(String(line.err.stack).includes("log.test.ts"));
  assert.doesNotMatch(lines.join(""), /ann@example\.org|Failing row/);
});
