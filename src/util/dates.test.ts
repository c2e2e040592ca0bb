/** @module Feed date forms seen in the wild, all to UTC. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFeedDate } from "./dates.ts";

const CASES: Array<[string, string | null]> = [
  ["Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00.000Z"],
  ["Tue, 10 Jun 2003 04:00:00 +0000", "2003-06-10T04:00:00.000Z"],
  ["Sun, 19 Dec 2004 19:30:22 EST", "2004-12-20T00:30:22.000Z"],
  ["Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21.000Z"],
  ["Thu, 1 January 2004 19:48 -0800", "2004-01-02T03:48:00.000Z"],
  ["Thu,01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21.000Z"],
  ["01 Jan 2004 19:48:21 +05:30", "2004-01-01T14:18:21.000Z"],
  ["Mon, 26 Jan 2004 16:31:00 UT", "2004-01-26T16:31:00.000Z"],
  ["Mon, 26 Jan 2004", "2004-01-26T00:00:00.000Z"],
  ["2003-12-31T10:14:55Z", "2003-12-31T10:14:55.000Z"],
  ["2003-12-31T10:14:55.123-08:00", "2003-12-31T18:14:55.123Z"],
  ["2003-12-31T10:14:55-0800", "2003-12-31T18:14:55.000Z"],
  ["2003-12-31T10:14Z", "2003-12-31T10:14:00.000Z"],
  ["2003-12-31 10:14:55", "2003-12-31T10:14:55.000Z"],
  ["2003-12-31", "2003-12-31T00:00:00.000Z"],
  ["2003-12", "2003-12-01T00:00:00.000Z"],
  ["2003", "2003-01-01T00:00:00.000Z"],
  ["20031231T101455Z", "2003-12-31T10:14:55.000Z"],
  ["Dec 31 2003 10:14:55 GMT", "2003-12-31T10:14:55.000Z"],
  ["Wed Dec 31 10:14:55 2003", "2003-12-31T10:14:55.000Z"],
  ["December 31, 2003", "2003-12-31T00:00:00.000Z"],
  ["2003-02-31T10:00:00Z", null],
  ["not a date", null],
  ["", null],
  ["Tue, 10 Jun 2003 04:00:00 XYZT", null],
];

test("feed dates in their many forms become UTC, and nonsense becomes null", () => {
  for (const [input, expected] of CASES) assert.equal(parseFeedDate(input), expected, input);
});

test("years before 100 are taken as written, and no date leaves the four-digit years (issue 15)", () => {
  // Found by the property tests: Date.UTC read "0099-12-31" as 1999-12-31.
  assert.equal(parseFeedDate("0099-12-31"), "0099-12-31T00:00:00.000Z");
  assert.equal(parseFeedDate("0005-03-01T10:00:00Z"), "0005-03-01T10:00:00.000Z");
  assert.equal(parseFeedDate("Sat, 01 Jan 0050 00:00:00 GMT"), "0050-01-01T00:00:00.000Z");
  assert.equal(parseFeedDate("0000-02-29"), "0000-02-29T00:00:00.000Z");
  // A zone offset pushing 9999-12-31 into year 10000 would give "+010000-...", which sorts wrongly.
  assert.equal(parseFeedDate("9999-12-31T23:00:00-05:00"), null);
  assert.equal(parseFeedDate("9999-12-31T18:00:00-05:00"), "9999-12-31T23:00:00.000Z");
  // Two-digit years still mean 1950-2049.
  assert.equal(parseFeedDate("Tue, 03 Nov 26 09:30:00 GMT"), "2026-11-03T09:30:00.000Z");
});
