/** @module A publication time off by a zone gives way to the one the page's other sources agree on. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { agreedInstant } from "./date-votes.ts";

test("an instant shifted by a zone is outvoted by two sources that agree", () => {
  const ld = "2014-05-14T15:40:14.000Z";
  const meta = "2014-05-14T13:40:14.000Z";
  assert.equal(agreedInstant(ld, [ld, meta, meta]), meta);
});

test("a tie, a lone source, or a disagreement that is no zone keeps the first", () => {
  const a = "2020-02-02T19:14:27.000Z";
  assert.equal(agreedInstant(a, [a, "2020-02-02T18:14:27.000Z"]), a);
  assert.equal(agreedInstant(a, [a]), a);
  assert.equal(agreedInstant(a, [a, "2020-02-02T18:03:00.000Z", "2020-02-02T18:03:00.000Z"]), a);
  assert.equal(agreedInstant(null, [a]), null);
});
