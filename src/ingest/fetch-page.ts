/** @module An item's page fetched and extracted, or why it could not be (the feed's own text then stands). */
import { NewsdeskError, oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import type { ExtractedArticle } from "../extract/types.ts";
import { articleOrNull } from "../extract/types.ts";
import type { FeedItem } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { isTransientFetchError } from "../fetch/fetch-errors.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import type { Source } from "../storage/schema.ts";

export interface FetchedPage {
  /** The article found on the page; null when the page has none. */
  extracted: ExtractedArticle | null;
  finalUrl: string;
  /** The page as fetched, for keeping (ingest/keep-page.ts). */
  bytes: Uint8Array;
  contentType: string | null;
}

/** Why a page could not be had. */
export interface PageFailure {
  /** Asking again later may succeed (fetch/fetch-errors.ts isTransientFetchError). */
  transient: boolean;
  /** How long the server asked us to wait (Retry-After on a 429 or 503), if it did. */
  retryAfterMs: number | null;
  /** The error's id, or "internal". */
  kind: string;
  /** One line, for the retry's row and the logs. */
  error: string;
}

/** The page, or (when the item links one) why it failed; both null for an item without a link. */
export type PageFetch = { page: FetchedPage; failure: null } | { page: null; failure: PageFailure | null };

export async function fetchPage(
  item: FeedItem,
  source: Source,
  deps: { fetcher: Fetcher; log: Logger },
): Promise<PageFetch> {
  if (!item.url) return { page: null, failure: null };
  try {
    const res = await deps.fetcher.fetch(item.url, {
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      expect: "html",
      robots: source.ignore_robots !== 1,
    });
    const html = decodeText(res.bytes, res.contentType);
    const selectors = { include: source.extract_include, exclude: source.extract_exclude };
    const page = {
      extracted: articleOrNull(extractArticle(html, res.finalUrl, { selectors })),
      finalUrl: res.finalUrl,
      bytes: res.bytes,
      contentType: res.contentType,
    };
    return { page, failure: null };
  } catch (err) {
    const failure: PageFailure = {
      // An error of the extractor's own is a bug in this code, which asking again does not fix.
      transient: isTransientFetchError(err),
      retryAfterMs: err instanceof NewsdeskError ? err.retryAfterMs : null,
      kind: err instanceof NewsdeskError ? err.id : "internal",
      error: oneLine(err),
    };
    // A page we cannot fetch or read still leaves the feed's own text: store that. Debug only: the
    // refresh logs one line with the count (a feed of 58,000 dead links must not write 58,000 lines).
    deps.log.debug(
      { item_url: item.url, error_kind: failure.kind, error: failure.error, transient: failure.transient },
      "article page unavailable, using feed content",
    );
    return { page: null, failure };
  }
}
