/** @module An item's page fetched and extracted, or null when it cannot be (the feed's own text then stands). */
import { NewsdeskError, oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import type { ExtractedArticle } from "../extract/types.ts";
import { articleOrNull } from "../extract/types.ts";
import type { FeedItem } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
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

export async function fetchPage(
  item: FeedItem,
  source: Source,
  deps: { fetcher: Fetcher; log: Logger },
): Promise<FetchedPage | null> {
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
      bytes: res.bytes,
      contentType: res.contentType,
    };
  } catch (err) {
    // A page we cannot fetch or read still leaves the feed's own text: store that. Debug only: the
    // refresh logs one line with the count (a feed of 58,000 dead links must not write 58,000 lines).
    deps.log.debug(
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
