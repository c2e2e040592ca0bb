/** @module Source numbers on the command line: whole positive numbers only, anything else a clear error. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSourceId } from "./source-id.ts";

test("a source number is a positive integer; words, zero, signs and fractions are refused by name", () => {
  assert.equal(parseSourceId("12"), 12);
  assert.equal(parseSourceId(" 7 "), 7);
  for (const bad of ["abc", "0", "-1", "1.5", "", "12abc", "1e3", "9999999999999999"])
    assert.throws(() => parseSourceId(bad), /a source is named by its number/, bad);
});
