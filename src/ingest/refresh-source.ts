/** @module refreshSource: the whole pipeline for one source, top to bottom. */
import { NewsdeskError, oneLine } from "../errors.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Source } from "../storage/schema.ts";
import { markSourceFailed, markSourceFetched } from "../storage/sources.ts";
import { storageFailure } from "../storage/storage-errors.ts";
import { plainTitle } from "./build-article.ts";
import { nextPollAfterFailure, nextPollAfterSuccess, pollIntervalMinutes } from "./poll-schedule.ts";
import { type StoreDeps, storeFeedItems, storeLogFields } from "./store-feed-items.ts";
import { pollMinutesWithLease, subscribeToHub, websubTarget } from "./websub.ts";

export type RefreshDeps = StoreDeps;

export interface RefreshReport {
  sourceId: number;
  ok: boolean;
  notModified: boolean;
  items: number;
  added: number;
  error: string | null;
}

/**
 * Refreshes one source:
 * 1. fetch the feed (conditional GET with the stored validators);
 * 2. on 304, record the check (renewing a WebSub lease, as in 6) and stop;
 * 3. decode and parse it;
 * 4. store its new items (storeFeedItems: new guids only, each page fetched, extracted, sanitized
 *    and stored in one statement, so a kill midway loses only unstored items);
 * 5. record success and the next poll (learned publishing rate, publisher hints; the longest
 *    interval while a WebSub hub pushes new items), or the one-line error, the backed-off retry
 *    time and, after failing for too long, that it is disabled;
 * 6. subscribe at the hub the feed advertises, or renew the lease (WebSub; never fails the poll).
 * Never throws for a bad source; the report says what happened.
 */
export async function refreshSource(source: Source, deps: RefreshDeps): Promise<RefreshReport> {
  const { db, config, log } = deps;
  const now = deps.now?.() ?? new Date();
  const nowIso = now.toISOString();
  const bounds = {
    minMinutes: config.pollMinMinutes,
    maxMinutes: config.pollMaxMinutes,
    defaultMinutes: config.pollDefaultMinutes,
  };
  const lastInterval = source.poll_interval_minutes ?? config.pollDefaultMinutes;
  const report: RefreshReport = {
    sourceId: source.id,
    ok: false,
    notModified: false,
    items: 0,
    added: 0,
    error: null,
  };
  try {
    const res = await deps.fetcher.fetch(source.url, {
      expect: "feed",
      accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
      etag: source.etag,
      lastModified: source.last_modified,
    });
    if (res.notModified) {
      // Nothing new to learn the rate from: keep the interval learned last time.
      await markSourceFetched(db, source.id, {
        now: nowIso,
        nextFetchAt: nextPollAfterSuccess(now, pollMinutesWithLease(source, lastInterval, now, config), null),
      });
      await subscribeToHub(source, websubTarget(source, null, res.link, res.finalUrl), deps, now);
      return { ...report, ok: true, notModified: true };
    }
    const feed = parseFeed(decodeText(res.bytes, res.contentType), res.finalUrl);
    const stored = await storeFeedItems(source, feed, deps);
    // Items left for the next poll are fetched at the shortest interval, not after a quiet feed's hours.
    const interval = stored.deferred > 0 ? bounds.minMinutes : pollIntervalMinutes(feed, now, bounds);
    await markSourceFetched(db, source.id, {
      now: nowIso,
      nextFetchAt: nextPollAfterSuccess(now, pollMinutesWithLease(source, interval, now, config), feed.hints),
      pollIntervalMinutes: interval,
      title: plainTitle(feed.title) || null,
      siteUrl: feed.siteUrl,
      etag: res.etag,
      lastModified: res.lastModified,
    });
    await subscribeToHub(source, websubTarget(source, feed, res.link, res.finalUrl), deps, now);
    log.info(storeLogFields(source.id, feed, stored), "source refreshed");
    return { ...report, ok: true, items: feed.items.length, added: stored.added };
  } catch (caught) {
    // A full disk is named as such, not as an internal error.
    const err = storageFailure(caught) ?? caught;
    const error = oneLine(err);
    const kind = err instanceof NewsdeskError ? err.id : "internal";
    const retryAfterMs = err instanceof NewsdeskError ? err.retryAfterMs : null;
    // Failing continuously since the last success (or since it was added) for too long: disable it.
    const failingSince = Date.parse(source.last_success_at ?? source.created_at);
    const disable = now.getTime() - failingSince > config.disableAfterDays * 24 * 60 * 60 * 1000;
    try {
      await markSourceFailed(db, source.id, {
        now: nowIso,
        nextFetchAt: nextPollAfterFailure(
          now,
          lastInterval,
          source.error_count + 1,
          retryAfterMs,
          config.pollMaxMinutes,
        ),
        error,
        kind,
        disable,
      });
    } catch (recordErr) {
      // The database cannot take even this (its disk is full): the source stays due and is tried again.
      log.error(
        {
          source_id: source.id,
          error_kind: kind,
          error,
          record_error: oneLine(storageFailure(recordErr) ?? recordErr),
        },
        "source refresh failed, and the failure could not be recorded",
      );
      return { ...report, error };
    }
    log.warn(
      { source_id: source.id, source_url: source.url, error_kind: kind, error },
      "source refresh failed",
    );
    return { ...report, error };
  }
}
