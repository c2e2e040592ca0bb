/** @module refreshSource: the whole pipeline for one source, top to bottom. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import { oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import type { ExtractedArticle } from "../extract/types.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import type { FeedItem } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { fetchUrl } from "../fetch/fetch-url.ts";
import type { FetchOptions } from "../fetch/types.ts";
import type { Logger } from "../log.ts";
import { findKnownGuids, insertArticle } from "../storage/articles.ts";
import type { Database, Source } from "../storage/schema.ts";
import { markSourceFailed, markSourceFetched } from "../storage/sources.ts";
import { buildArticle } from "./build-article.ts";
import { mapLimit } from "./map-limit.ts";

export interface RefreshDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
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

/** After a failure, wait longer each time (1, 2, 4 ... intervals), capped at one day. */
function nextFetchAfterFailure(now: Date, intervalMinutes: number, errorCount: number): string {
  const minutes = Math.min(intervalMinutes * 2 ** Math.min(errorCount, 10), 24 * 60);
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

async function fetchPage(
  item: FeedItem,
  options: FetchOptions,
  deps: RefreshDeps,
): Promise<{ extracted: ExtractedArticle | null; finalUrl: string } | null> {
  if (!item.url) return null;
  try {
    const res = await fetchUrl(item.url, {
      ...options,
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    });
    const html = decodeText(res.bytes, res.contentType);
    return { extracted: extractArticle(html, res.finalUrl), finalUrl: res.finalUrl };
  } catch (err) {
    // A page we cannot fetch or read still leaves the feed's own text: store that.
    deps.log.warn(
      { item_url: item.url, error: oneLine(err) },
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
 * 7. record success, or the one-line error and the next retry time, on the source.
 * Never throws for a bad source; the report says what happened.
 */
export async function refreshSource(source: Source, deps: RefreshDeps): Promise<RefreshReport> {
  const { db, config, log } = deps;
  const now = deps.now?.() ?? new Date();
  const nowIso = now.toISOString();
  const nextFetchAt = new Date(now.getTime() + config.fetchIntervalMinutes * 60_000).toISOString();
  const options: FetchOptions = {
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBodyBytes,
    userAgent: config.userAgent,
  };
  const report: RefreshReport = {
    sourceId: source.id,
    ok: false,
    notModified: false,
    items: 0,
    added: 0,
    error: null,
  };
  try {
    const res = await fetchUrl(source.url, {
      ...options,
      accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
      etag: source.etag,
      lastModified: source.last_modified,
    });
    if (res.notModified) {
      await markSourceFetched(db, source.id, { now: nowIso, nextFetchAt });
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
    for (const item of feed.items) {
      if (known.has(item.guid)) continue;
      known.add(item.guid);
      fresh.push(item);
    }
    const added = await mapLimit(fresh, config.pageConcurrency, async (item) => {
      const page = await fetchPage(item, options, deps);
      return insertArticle(db, buildArticle(source.id, item, page, new Date().toISOString()));
    });
    await markSourceFetched(db, source.id, {
      now: nowIso,
      nextFetchAt,
      title: feed.title,
      siteUrl: feed.siteUrl,
      etag: res.etag,
      lastModified: res.lastModified,
    });
    const addedCount = added.filter(Boolean).length;
    log.info({ source_id: source.id, items: feed.items.length, added: addedCount }, "source refreshed");
    return { ...report, ok: true, items: feed.items.length, added: addedCount };
  } catch (err) {
    const error = oneLine(err);
    await markSourceFailed(db, source.id, {
      now: nowIso,
      nextFetchAt: nextFetchAfterFailure(now, config.fetchIntervalMinutes, source.error_count + 1),
      error,
    });
    log.warn({ source_id: source.id, source_url: source.url, error }, "source refresh failed");
    return { ...report, error };
  }
}
