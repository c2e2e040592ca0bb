/** @module When to fetch a source next: its observed publishing rate, the publisher's hints, and backoff on failure. */
import type { ParsedFeed, PollingHints } from "../feeds/types.ts";

export interface PollBounds {
  minMinutes: number;
  maxMinutes: number;
  /** For a feed that gives no dates to learn from. */
  defaultMinutes: number;
}

/** The publishing rate is measured over this window; a week smooths weekends and news cycles. */
const RATE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** Poll about twice per expected new item, so a new story waits half an interval on average. */
const POLLS_PER_ITEM = 2;
/** Each retry waits up to this share longer or shorter, so sources that failed together do not retry together. */
const BACKOFF_JITTER = 0.2;

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/**
 * Minutes between polls for a feed, from how many items it published in the last week (the Miniflux
 * "entry frequency" idea), raised to the publisher's ttl or sy:updatePeriod, within the bounds.
 */
export function pollIntervalMinutes(
  feed: Pick<ParsedFeed, "items" | "hints">,
  now: Date,
  bounds: PollBounds,
): number {
  const since = now.getTime() - RATE_WINDOW_MS;
  const recent = feed.items.filter((i) => {
    const t = Date.parse(i.published ?? i.updated ?? "");
    return Number.isFinite(t) && t > since && t <= now.getTime() + 60_000;
  }).length;
  const dated = feed.items.some((i) => i.published ?? i.updated);
  let minutes = !dated
    ? bounds.defaultMinutes
    : recent === 0
      ? bounds.maxMinutes
      : RATE_WINDOW_MS / 60_000 / (recent * POLLS_PER_ITEM);
  minutes = Math.max(minutes, feed.hints.ttlMinutes ?? 0, feed.hints.updatePeriodMinutes ?? 0);
  return Math.round(clamp(minutes, bounds.minMinutes, bounds.maxMinutes));
}

/** Moves `at` forward out of the hours (UTC) and days the feed asks not to be fetched in. */
export function skipQuietTimes(at: Date, hints: Pick<PollingHints, "skipHours" | "skipDays">): Date {
  const skipDays = new Set(hints.skipDays.map((d) => d.trim().toLowerCase()));
  const skipHours = new Set(hints.skipHours);
  if (skipDays.size >= 7 || skipHours.size >= 24) return at;
  const t = new Date(at);
  // At most a week of hours to look through.
  for (let i = 0; i < 24 * 7 && (skipHours.has(t.getUTCHours()) || skipDays.has(DAYS[t.getUTCDay()]!)); i++) {
    t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
  }
  return t;
}

/** The next fetch after a success: now + interval, out of quiet times. */
export function nextPollAfterSuccess(now: Date, intervalMinutes: number, hints: PollingHints | null): string {
  const at = new Date(now.getTime() + intervalMinutes * 60_000);
  return (hints ? skipQuietTimes(at, hints) : at).toISOString();
}

/**
 * After the n-th consecutive failure wait interval * 2^(n-1), with +-20% jitter, capped at the
 * longest poll interval (a failing source keeps being tried, never given up on), and never less than
 * the server's Retry-After (itself capped).
 */
export function nextPollAfterFailure(
  now: Date,
  intervalMinutes: number,
  errorCount: number,
  retryAfterMs: number | null,
  maxMinutes: number,
  random: () => number = Math.random,
): string {
  const maxMs = maxMinutes * 60_000;
  const backoff = Math.min(intervalMinutes * 60_000 * 2 ** Math.min(Math.max(errorCount - 1, 0), 16), maxMs);
  // Capped after the jitter too: the longest poll interval is a promise to the operator.
  const jittered = Math.min(backoff * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random()), maxMs);
  const wait = Math.max(jittered, Math.min(retryAfterMs ?? 0, maxMs));
  return new Date(now.getTime() + wait).toISOString();
}
