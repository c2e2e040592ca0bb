/** @module refreshSource: the whole pipeline for one source, top to bottom. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import { NewsdeskError, oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import type { ExtractedArticle } from "../extract/types.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import type { FeedItem } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import { findKnownGuids, insertArticle, updateArticleTitle } from "../storage/articles.ts";
import type { Database, Source } from "../storage/schema.ts";
import { markSourceFailed, markSourceFetched } from "../storage/sources.ts";
import { buildArticle, plainTitle } from "./build-article.ts";
import { mapLimit } from "./map-limit.ts";
import { nextPollAfterFailure, nextPollAfterSuccess, pollIntervalMinutes } from "./poll-schedule.ts";

export interface RefreshDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  fetcher: Fetcher;
  /** Injected clock, so tests can move time. */
  now?: () => Date;
}

export interface RefreshReport {
  sourceId: number;
  ok: boolean;
  notModified: boolean;
  items: number;
  added: number;
  error: string | null;
}

async function fetchPage(
  item: FeedItem,
  source: Source,
  deps: RefreshDeps,
): Promise<{ extracted: ExtractedArticle | null; finalUrl: string } | null> {
  if (!item.url) return null;
  try {
    const res = await deps.fetcher.fetch(item.url, {
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      expect: "html",
      robots: source.ignore_robots !== 1,
    });
    const html = decodeText(res.bytes, res.contentType);
    return { extracted: extractArticle(html, res.finalUrl), finalUrl: res.finalUrl };
  } catch (err) {
    // A page we cannot fetch or read still leaves the feed's own text: store that.
    deps.log.warn(
      {
        item_url: item.url,
        error_kind: err instanceof NewsdeskError ? err.id : "internal",
        error: oneLine(err),
      },
      "article page unavailable, using feed content",
    );
    return null;
  }
}

/**
 * Refreshes one source:
 * 1. fetch the feed (conditional GET with the stored validators);
 * 2. on 304, record the check and stop;
 * 3. decode and parse it;
 * 4. keep only items this source has not stored yet;
 * 5. for each, fetch its page and extract the article (feed text if that fails);
 * 6. sanitize and store each article in one statement (a kill midway loses only unstored items);
 * 7. record success and the next poll (learned publishing rate, publisher hints), or the one-line
 *    error, the backed-off retry time and, after failing for too long, that it is disabled.
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
        nextFetchAt: nextPollAfterSuccess(now, lastInterval, null),
      });
      return { ...report, ok: true, notModified: true };
    }
    const feed = parseFeed(decodeText(res.bytes, res.contentType), res.finalUrl);
    const known = await findKnownGuids(
      db,
      source.id,
      feed.items.map((i) => i.guid),
    );
    // A feed that lists the same guid twice must still yield one article.
    const fresh: FeedItem[] = [];
    const seen = new Set<string>();
    let retitled = 0;
    for (const item of feed.items) {
      if (seen.has(item.guid)) continue;
      seen.add(item.guid);
      const stored = known.get(item.guid);
      if (!stored) {
        fresh.push(item);
        continue;
      }
      // The same item with an edited headline updates the stored article rather than adding one.
      const title = plainTitle(item.title);
      if (title && title !== stored.title) {
        await updateArticleTitle(db, stored.id, title, nowIso);
        retitled++;
      }
    }
    const added = await mapLimit(fresh, config.pageConcurrency, async (item) => {
      const page = await fetchPage(item, source, deps);
      return insertArticle(db, buildArticle(source.id, item, page, new Date().toISOString()));
    });
    const interval = pollIntervalMinutes(feed, now, bounds);
    await markSourceFetched(db, source.id, {
      now: nowIso,
      nextFetchAt: nextPollAfterSuccess(now, interval, feed.hints),
      pollIntervalMinutes: interval,
      title: plainTitle(feed.title) || null,
      siteUrl: feed.siteUrl,
      etag: res.etag,
      lastModified: res.lastModified,
    });
    const addedCount = added.filter(Boolean).length;
    log.info(
      { source_id: source.id, items: feed.items.length, added: addedCount, retitled },
      "source refreshed",
    );
    return { ...report, ok: true, items: feed.items.length, added: addedCount };
  } catch (err) {
    const error = oneLine(err);
    const kind = err instanceof NewsdeskError ? err.id : "internal";
    const retryAfterMs = err instanceof NewsdeskError ? err.retryAfterMs : null;
    // Failing continuously since the last success (or since it was added) for too long: disable it.
    const failingSince = Date.parse(source.last_success_at ?? source.created_at);
    const disable = now.getTime() - failingSince > config.disableAfterDays * 24 * 60 * 60 * 1000;
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
    log.warn(
      { source_id: source.id, source_url: source.url, error_kind: kind, error },
      "source refresh failed",
    );
    return { ...report, error };
  }
}
