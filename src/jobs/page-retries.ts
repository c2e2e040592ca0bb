/**
 * @module SQLite's way to run page retries (ingest/retry-page.ts): `serve`'s fetcher process looks for
 * due ones every minute and works through them a few at a time. On PostgreSQL each is a queue job
 * (queue/tasks.ts `fetch_page`) running the same function.
 */
import { mapLimit } from "../ingest/map-limit.ts";
import { retryPage } from "../ingest/retry-page.ts";
import type { StoreDeps } from "../ingest/store-feed-items.ts";
import { listDuePageRetries } from "../storage/page-retries.ts";

/** How often due retries are looked for: the shortest back-off is a minute (ingest/page-retry-schedule.ts). */
export const PAGE_RETRY_TICK_MS = 60_000;
/** Pages retried at once: a background trickle beside the refreshes, which fetch pages four at a time. */
const RETRY_CONCURRENCY = 2;
/** Retries read per batch, so a backlog (a publisher down for hours) is worked through in bounded steps. */
const BATCH_SIZE = 20;

/** Retries every page retry due now; returns how many were tried. */
export async function retryDuePages(deps: StoreDeps): Promise<number> {
  let tried = 0;
  for (;;) {
    const now = (deps.now?.() ?? new Date()).toISOString();
    const due = await listDuePageRetries(deps.db, now, BATCH_SIZE);
    if (due.length === 0) return tried;
    await mapLimit(due, RETRY_CONCURRENCY, (r) => retryPage(r.articleId, deps));
    tried += due.length;
    // Each retry moves its row into the future or deletes it, so the loop always ends.
  }
}
