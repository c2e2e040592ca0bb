/** @module When an article's page that failed for a passing reason is asked for again (ingest/retry-page.ts). */

/**
 * Waits before the 1st, 2nd ... 5th retry; the 5th retry's failure gives up. A server's 5xx or a
 * dropped connection is mostly a deploy or an overload of minutes, so the first retries come soon; an
 * outage of hours is covered by the later ones; past half a day the article is old news and its
 * feed's text stands for good. About 14.6 hours from first failure to last try, five requests in all.
 */
export const PAGE_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;

/** Retries a page gets after the failure at ingest. */
export const PAGE_RETRIES = PAGE_RETRY_DELAYS_MS.length;

/**
 * When the next retry is due after `retriesSoFar` retries (0: the failure at ingest) and a failure at
 * `now`, or null when none is left. A server that asked for a longer wait (Retry-After) gets it, up to
 * the longest wait, so a wrong or hostile header cannot put a page off for good.
 */
export function nextPageAttempt(retriesSoFar: number, now: Date, retryAfterMs: number | null): Date | null {
  const delay = PAGE_RETRY_DELAYS_MS[retriesSoFar];
  if (delay === undefined) return null;
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, Math.max(...PAGE_RETRY_DELAYS_MS));
  return new Date(now.getTime() + Math.max(delay, asked));
}
