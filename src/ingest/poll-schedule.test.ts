/** @module Poll timing: learned from the publishing rate, bounded, shaped by hints, backed off on failure. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FeedItem, PollingHints } from "../feeds/types.ts";
import {
  nextPollAfterFailure,
  nextPollAfterSuccess,
  pollIntervalMinutes,
  skipQuietTimes,
} from "./poll-schedule.ts";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const BOUNDS = { minMinutes: 5, maxMinutes: 1440, defaultMinutes: 60 };
const NO_HINTS: PollingHints = { ttlMinutes: null, updatePeriodMinutes: null, skipHours: [], skipDays: [] };

function itemsEvery(minutes: number, count: number): FeedItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `g${i}`,
    id: null,
    url: null,
    title: null,
    published: new Date(NOW.getTime() - i * minutes * 60_000).toISOString(),
    updated: null,
    author: null,
    content: null,
    summary: null,
    categories: [],
    enclosures: [],
  }));
}

test("the interval follows the publishing rate over the last week, within the bounds", () => {
  // 168 items a week (one an hour): poll every 30 minutes.
  assert.equal(pollIntervalMinutes({ items: itemsEvery(60, 500), hints: NO_HINTS }, NOW, BOUNDS), 30);
  // One a day: every 12 hours.
  assert.equal(pollIntervalMinutes({ items: itemsEvery(1440, 30), hints: NO_HINTS }, NOW, BOUNDS), 720);
  // A wire service publishing every minute is still polled at most every 5 minutes.
  assert.equal(pollIntervalMinutes({ items: itemsEvery(1, 3000), hints: NO_HINTS }, NOW, BOUNDS), 5);
  // Nothing in a week: the longest interval.
  assert.equal(
    pollIntervalMinutes({ items: itemsEvery(60 * 24 * 30, 5).slice(1), hints: NO_HINTS }, NOW, BOUNDS),
    1440,
  );
  // No dates at all: the default.
  const undated = itemsEvery(60, 5).map((i) => ({ ...i, published: null }));
  assert.equal(pollIntervalMinutes({ items: undated, hints: NO_HINTS }, NOW, BOUNDS), 60);
});

test("ttl and sy:updatePeriod raise the interval but never past the maximum", () => {
  const busy = itemsEvery(60, 500);
  assert.equal(
    pollIntervalMinutes({ items: busy, hints: { ...NO_HINTS, ttlMinutes: 120 } }, NOW, BOUNDS),
    120,
  );
  assert.equal(
    pollIntervalMinutes({ items: busy, hints: { ...NO_HINTS, updatePeriodMinutes: 1440 } }, NOW, BOUNDS),
    1440,
  );
  assert.equal(
    pollIntervalMinutes({ items: busy, hints: { ...NO_HINTS, ttlMinutes: 99999 } }, NOW, BOUNDS),
    1440,
  );
});

test("skipHours and skipDays push the next poll out of quiet times", () => {
  const at = new Date("2026-11-28T01:30:00.000Z"); // a Saturday, 01:30 UTC
  assert.equal(
    skipQuietTimes(at, { skipHours: [1, 2, 3], skipDays: [] }).toISOString(),
    "2026-11-28T04:00:00.000Z",
  );
  assert.equal(
    skipQuietTimes(at, { skipHours: [], skipDays: ["Saturday", "Sunday"] }).toISOString(),
    "2026-11-30T00:00:00.000Z",
  );
  assert.equal(skipQuietTimes(at, { skipHours: [5], skipDays: [] }).toISOString(), at.toISOString());
  assert.equal(
    nextPollAfterSuccess(NOW, 30, { ...NO_HINTS, skipHours: [12] }),
    "2026-11-26T13:00:00.000Z",
    "12:30 is in a skipped hour",
  );
});

test("failure backoff doubles per consecutive failure, jitters by at most 20%, caps at the maximum, respects Retry-After", () => {
  const wait = (n: number, retry: number | null, r: number) =>
    (Date.parse(nextPollAfterFailure(NOW, 15, n, retry, 1440, () => r)) - NOW.getTime()) / 60_000;
  assert.equal(wait(1, null, 0.5), 15);
  assert.equal(wait(2, null, 0.5), 30);
  assert.equal(wait(4, null, 0.5), 120);
  assert.equal(wait(1, null, 0), 12);
  assert.equal(wait(1, null, 1), 18);
  assert.equal(wait(30, null, 0.5), 1440, "never given up on: tried at least daily");
  assert.equal(wait(30, null, 1), 1440, "the jitter never takes it past the longest interval");
  assert.equal(wait(30, null, 0), 1152, "though it may bring it sooner");
  assert.equal(wait(1, 3 * 3_600_000, 0.5), 180);
  assert.equal(wait(1, 90 * 24 * 3_600_000, 0.5), 1440, "a huge Retry-After is capped too");
});
