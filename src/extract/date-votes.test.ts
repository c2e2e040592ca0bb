/** @module A publication time off by a zone gives way to the one the page's other sources agree on. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { agreedInstant } from "./date-votes.ts";

test("an instant shifted by a zone is outvoted by two sources that agree", () => {
  const ld = "2014-05-14T15:40:14.000Z";
  const meta = "2014-05-14T13:40:14.000Z";
  assert.equal(
    agreedInstant(ld, [
      { iso: ld, utc: true },
      { iso: meta, utc: false },
      { iso: meta, utc: true },
    ]),
    meta,
  );
});

test("on a tie the source naming an offset wins over the one stating UTC", () => {
  const ld = "2020-02-17T09:00:00.000Z";
  const meta = "2020-02-17T08:00:00.000Z";
  assert.equal(
    agreedInstant(ld, [
      { iso: ld, utc: true },
      { iso: meta, utc: false },
    ]),
    meta,
  );
});

test("a tie, a lone source, or a disagreement that is no zone keeps the first", () => {
  const a = "2020-02-02T19:14:27.000Z";
  const at = (iso: string) => ({ iso, utc: false });
  assert.equal(agreedInstant(a, [at(a), at("2020-02-02T18:14:27.000Z")]), a);
  assert.equal(agreedInstant(a, [at(a)]), a);
  assert.equal(agreedInstant(a, [at(a), at("2020-02-02T18:03:00.000Z"), at("2020-02-02T18:03:00.000Z")]), a);
  assert.equal(agreedInstant(null, [at(a)]), null);
});
