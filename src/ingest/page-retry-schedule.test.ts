/** @module The page retries' back-off: growing waits, Retry-After honoured within bounds, an end. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { nextPageAttempt, PAGE_RETRIES, PAGE_RETRY_DELAYS_MS } from "./page-retry-schedule.ts";

const NOW = new Date("2026-11-20T10:00:00.000Z");
const wait = (retries: number, retryAfterMs: number | null = null) =>
  (nextPageAttempt(retries, NOW, retryAfterMs)?.getTime() ?? Number.NaN) - NOW.getTime();

test("each wait is longer than the last, and none is left after the last retry", () => {
  const waits = Array.from({ length: PAGE_RETRIES }, (_, i) => wait(i));
  assert.deepEqual(waits, [...PAGE_RETRY_DELAYS_MS]);
  for (let i = 1; i < waits.length; i++) assert.ok(waits[i]! > waits[i - 1]!);
  assert.equal(nextPageAttempt(PAGE_RETRIES, NOW, null), null);
});

test("a server's Retry-After longer than the wait is honoured, up to the longest wait", () => {
  assert.equal(wait(0, 3_600_000), 3_600_000);
  assert.equal(wait(0, 1_000), PAGE_RETRY_DELAYS_MS[0], "a shorter one does not hurry us");
  assert.equal(wait(0, 30 * 86_400_000), Math.max(...PAGE_RETRY_DELAYS_MS), "a month is not believed");
  assert.equal(nextPageAttempt(PAGE_RETRIES, NOW, 60_000), null, "nor does it add a retry");
});
