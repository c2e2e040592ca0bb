/**
 * @module The hourly housekeeping, one list for both ways jobs run: `serve`'s fetcher process on
 * SQLite (background.ts) and the job queue's hourly task on PostgreSQL (queue/tasks.ts).
 */
import type { Kysely } from "kysely";
import { FORM_TOKEN_MAX_AGE_MS } from "../comments/form-token.ts";
import type { Config } from "../config/config.ts";
import { pruneArticlePages } from "../storage/article-pages.ts";
import { pruneUsedFormTokens } from "../storage/form-tokens.ts";
import { pruneRateEvents } from "../storage/rate-events.ts";
import type { Database } from "../storage/schema.ts";
import { pruneSessions } from "../storage/sessions.ts";

/** Rate-limit events older than every window (the longest is an hour) are deleted. */
export const RATE_EVENTS_KEPT_MS = 86_400_000;

/** The hourly tasks beside pruning rate-limit events (background.ts prunes those itself). */
export function hourlyHousekeeping(
  db: Kysely<Database>,
  config: Config,
): Array<(now: Date) => Promise<unknown>> {
  return [
    (now) => pruneSessions(db, now),
    // Used comment-form tokens once their tokens have expired anyway.
    (now) => pruneUsedFormTokens(db, new Date(now.getTime() - FORM_TOKEN_MAX_AGE_MS)),
    // Kept pages past NEWSDESK_PAGE_ARCHIVE_DAYS (all of them once it is set to 0).
    (now) => pruneArticlePages(db, new Date(now.getTime() - config.pageArchiveDays * 86_400_000)),
  ];
}

/** Everything the hour's housekeeping does, in one call. */
export async function runHousekeeping(db: Kysely<Database>, config: Config, now: Date): Promise<void> {
  await pruneRateEvents(db, new Date(now.getTime() - RATE_EVENTS_KEPT_MS));
  for (const task of hourlyHousekeeping(db, config)) await task(now);
}
