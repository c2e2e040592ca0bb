/** @module storeFeedItems: a parsed feed's items into articles, shared by polling and WebSub pushes. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import { NewsdeskError, oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import type { ExtractedArticle } from "../extract/types.ts";
import { articleOrNull } from "../extract/types.ts";
import type { FeedItem, ParsedFeed } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import { findKnownGuids, insertArticle, updateArticleTitle } from "../storage/articles.ts";
import type { Database, Source } from "../storage/schema.ts";
import { buildArticle, plainTitle } from "./build-article.ts";
import { mapLimit } from "./map-limit.ts";

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
  /** Stored articles whose headline the publisher edited. */
  retitled: number;
}

async function fetchPage(
  item: FeedItem,
  source: Source,
  deps: StoreDeps,
): Promise<{ extracted: ExtractedArticle | null; finalUrl: string } | null> {
  if (!item.url) return null;
  try {
    const res = await deps.fetcher.fetch(item.url, {
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      expect: "html",
      robots: source.ignore_robots !== 1,
    });
    const html = decodeText(res.bytes, res.contentType);
    const selectors = { include: source.extract_include, exclude: source.extract_exclude };
    return {
      extracted: articleOrNull(extractArticle(html, res.finalUrl, { selectors })),
      finalUrl: res.finalUrl,
    };
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
 * Stores what is new in `feed` for `source`:
 * 1. keep only items the source has not stored yet (a guid listed twice counts once);
 * 2. a known item with an edited headline updates the stored article instead of adding one;
 * 3. for each new item, fetch its page and extract the article (feed text if that fails);
 * 4. sanitize and store each article in one statement (a kill midway loses only unstored items).
 */
export async function storeFeedItems(
  source: Source,
  feed: ParsedFeed,
  deps: StoreDeps,
): Promise<StoreReport> {
  const { db, config } = deps;
  const nowIso = (deps.now?.() ?? new Date()).toISOString();
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
    // Read after the page came in (it may take a while), from the same clock as the rest of the refresh.
    const fetchedAt = (deps.now?.() ?? new Date()).toISOString();
    return insertArticle(db, buildArticle(source.id, item, page, fetchedAt), item.categories);
  });
  return { added: added.filter(Boolean).length, retitled };
}
