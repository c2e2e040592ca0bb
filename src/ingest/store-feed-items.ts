/** @module storeFeedItems: a parsed feed's items into articles, shared by polling and WebSub pushes. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { FeedItem, ParsedFeed } from "../feeds/types.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import { findKnownGuids, findOutletUrlKeys, insertArticle, type Outlet } from "../storage/articles.ts";
import type { Database, Source } from "../storage/schema.ts";
import { outletHost, urlKey } from "../util/url-key.ts";
import { articleStatements } from "./article-statements.ts";
import { buildArticle, feedDigest } from "./build-article.ts";
import { clusterRequest } from "./cluster-request.ts";
import { fetchPage } from "./fetch-page.ts";
import { pageToKeep } from "./keep-page.ts";
import { mapLimit } from "./map-limit.ts";
import { nextPageAttempt } from "./page-retry-schedule.ts";
import { itemChanged, reviseKnownItem } from "./revise-item.ts";

export interface StoreDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  fetcher: Fetcher;
  /** Injected clock, so tests can move time. */
  now?: () => Date;
}

export interface StoreReport {
  /** Articles added (a concurrent refresh or push may have stored some of the new items first). */
  added: number;
  /** Stored articles whose headline or text the publisher edited. */
  revised: number;
  /** New or known items left for the next poll (over NEWSDESK_MAX_ITEMS_PER_FETCH). */
  deferred: number;
  /** New items whose page could not be fetched or read: stored from the feed's own text. */
  pagesUnavailable: number;
  /** Of those stored, the ones whose page failed for a passing reason: it is fetched again later. */
  pageRetries: number;
}

/** The one log line a fetch or a push writes: what the feed gave and what became of it. */
export function storeLogFields(sourceId: number, feed: ParsedFeed, report: StoreReport) {
  return {
    source_id: sourceId,
    items: feed.items.length,
    added: report.added,
    revised: report.revised,
    ...(report.deferred > 0 ? { deferred: report.deferred } : {}),
    ...(feed.itemsNotRead > 0 ? { items_not_read: feed.itemsNotRead } : {}),
    ...(report.pagesUnavailable > 0 ? { pages_unavailable: report.pagesUnavailable } : {}),
    ...(report.pageRetries > 0 ? { page_retries: report.pageRetries } : {}),
  };
}

/**
 * Stores what is new in `feed` for `source`:
 * 1. keep only items the source has not stored yet (a guid listed twice counts once);
 * 2. a known item with an edited headline or text revises the stored article (revise-item.ts);
 * 3. an item whose link's urlKey the outlet already has (another of its feeds brought it) is known
 *    too, and its page is not fetched;
 * 4. for each new item, fetch its page and extract the article (feed text if that fails);
 * 5. sanitize and store each article in one transaction, unless the outlet has its key by then
 *    (the page's canonical URL may name an article stored under another link); a kill midway loses
 *    only unstored items. A page that failed for a passing reason (a timeout, a 5xx) is recorded in
 *    the same transaction to be fetched again later (retry-page.ts).
 */
export async function storeFeedItems(
  source: Source,
  feed: ParsedFeed,
  deps: StoreDeps,
): Promise<StoreReport> {
  const { db, config } = deps;
  // The feed's own home link is what the source's site_url becomes after this refresh.
  const outlet: Outlet = {
    sourceId: source.id,
    host: outletHost(feed.siteUrl ?? source.site_url, source.url),
  };
  const known = await findKnownGuids(
    db,
    source.id,
    feed.items.map((i) => i.guid),
  );
  // A feed that lists the same guid twice must still yield one article.
  const fresh: FeedItem[] = [];
  const edits: FeedItem[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    if (seen.has(item.guid)) continue;
    seen.add(item.guid);
    (known.has(item.guid) ? edits : fresh).push(item);
  }
  // A feed of thousands of items is taken a slice at a time: new items first (in the feed's order,
  // newest first in most feeds), then edits of known ones; the rest wait for the next poll.
  // Known items the feed still gives unchanged cost nothing and are not counted.
  const changed = edits.filter((item) => {
    const stored = known.get(item.guid);
    return stored !== undefined && itemChanged(item, stored);
  });
  const takenFresh = fresh.slice(0, config.maxItemsPerFetch);
  const takenEdits = changed.slice(0, Math.max(0, config.maxItemsPerFetch - takenFresh.length));
  const deferred = fresh.length - takenFresh.length + changed.length - takenEdits.length;
  const revised = await mapLimit(takenEdits, config.pageConcurrency, async (item) => {
    const stored = known.get(item.guid);
    return stored ? reviseKnownItem(item, stored, source, deps) : false;
  });
  const keyOf = (item: FeedItem) => (item.url ? urlKey(item.url) : null);
  const held = await findOutletUrlKeys(
    db,
    takenFresh.flatMap((i) => keyOf(i) ?? []),
    outlet,
  );
  // Two links to one page in this feed (one tagged for a campaign) fetch it once.
  const toFetch = takenFresh.filter((item) => {
    const key = keyOf(item);
    if (key === null) return true;
    if (held.has(key)) return false;
    held.add(key);
    return true;
  });
  let pagesUnavailable = 0;
  let pageRetries = 0;
  const added = await mapLimit(toFetch, config.pageConcurrency, async (item) => {
    const { page, failure } = await fetchPage(item, source, deps);
    if (failure) pagesUnavailable++;
    // Read after the page came in (it may take a while), from the same clock as the rest of the refresh.
    const fetched = deps.now?.() ?? new Date();
    const fetchedAt = fetched.toISOString();
    const article = buildArticle(source.id, item, page, fetchedAt);
    const kept = await pageToKeep(item, page, config, fetchedAt);
    const retryAt = failure?.transient ? nextPageAttempt(0, fetched, failure.retryAfterMs) : null;
    const stored = await insertArticle(db, article, item.categories, {
      ...(kept ? { page: kept } : {}),
      ...(retryAt && failure
        ? { pageRetry: { item, nextAttemptAt: retryAt.toISOString(), error: failure.error } }
        : {}),
      outlet,
      feed: { digest: feedDigest(item), bodyFromPage: page?.extracted != null },
      cluster: clusterRequest(article, config),
      statements: articleStatements(article.text, source.title, deps.log),
    });
    if (stored && retryAt) pageRetries++;
    return stored;
  });
  return {
    added: added.filter(Boolean).length,
    revised: revised.filter(Boolean).length,
    deferred,
    pagesUnavailable,
    pageRetries,
  };
}
