/** @module Merges a feed item and its extracted page into the row we store, sanitized. */
import { createHash } from "node:crypto";
import type { ExtractedArticle } from "../extract/types.ts";
import { textValueToHtml } from "../feeds/text-value.ts";
import type { FeedItem, TextValue } from "../feeds/types.ts";
import { htmlToPlainText } from "../sanitize/plain-text.ts";
import { sanitizeHtml } from "../sanitize/sanitize-html.ts";
import type { NewArticle } from "../storage/schema.ts";
import { withoutControlChars } from "../util/control-chars.ts";
import { textFingerprint } from "../util/same-text.ts";
import { articleUrlKey } from "../util/url-key.ts";

/** Excerpt length for articles that only have feed text. */
const FEED_EXCERPT_CHARS = 280;

/** A feed's title or headline as the plain text we store: markup dropped, entities decoded. */
export function plainTitle(tv: TextValue | null): string {
  return htmlToPlainText(textValueToHtml(tv) ?? "");
}

/**
 * What the item's text says, as a digest: its content and its summary as plain text, whitespace
 * removed, so a reflowed paragraph is no edit. Kept with the article; a different digest at a later
 * poll means the publisher edited the text.
 */
export function feedDigest(item: FeedItem): string {
  const plain = (tv: TextValue | null) => textFingerprint(htmlToPlainText(textValueToHtml(tv) ?? ""));
  return createHash("sha256")
    .update(`${plain(item.content)}\u0000${plain(item.summary)}`)
    .digest("hex");
}

/**
 * The stored article: the page's extraction where it found something, the feed's own fields
 * otherwise. Every HTML field passes through sanitizeHtml here, the last step before storage.
 */
export function buildArticle(
  sourceId: number,
  item: FeedItem,
  page: { extracted: ExtractedArticle | null; finalUrl: string } | null,
  now: string,
): NewArticle {
  const ex = page?.extracted ?? null;
  const base = page?.finalUrl ?? item.url ?? "about:blank";
  const feedHtml = textValueToHtml(item.content) ?? textValueToHtml(item.summary) ?? "";
  const bodyHtml = sanitizeHtml(ex?.bodyHtml ?? feedHtml, base);
  // Control characters leave every text field here, on the way in (the feed's pass through htmlToPlainText).
  const text = withoutControlChars(ex?.text ?? htmlToPlainText(feedHtml));
  // Titles are shown as text: markup in them is dropped, never interpreted.
  const feedTitle = plainTitle(item.title);
  const summaryHtml = textValueToHtml(item.summary);
  const summary = summaryHtml ? htmlToPlainText(summaryHtml) : null;
  return {
    source_id: sourceId,
    guid: item.guid,
    url: page?.finalUrl ?? item.url ?? "",
    canonical_url: ex?.canonicalUrl ?? null,
    // The page's canonical URL names the article best; the address it was fetched from, then the link, next.
    url_key: articleUrlKey(ex?.canonicalUrl ?? null, page?.finalUrl ?? null, item.url),
    // The feed's headline is what the publisher chose for syndication; the page's is the fallback.
    title:
      feedTitle ||
      withoutControlChars(ex?.title ?? "")
        .replace(/\s+/g, " ")
        .trim() ||
      "(untitled)",
    // A feed's author may be a bare mailbox; a byline names a person.
    byline:
      (item.author && !/^\S+@\S+$/.test(item.author) ? htmlToPlainText(item.author) : null) ??
      withoutControlChars(ex?.byline ?? null) ??
      null,
    agency: withoutControlChars(ex?.agency ?? null),
    published_at: item.published ?? ex?.published ?? null,
    lead_image_url: ex?.leadImage?.url ?? null,
    lead_image_alt: withoutControlChars(ex?.leadImage?.alt ?? null),
    lead_image_caption: withoutControlChars(ex?.leadImage?.caption ?? null),
    lead_image_credit: withoutControlChars(ex?.leadImage?.credit ?? null),
    // Both or neither: one side alone cannot reserve the image's box.
    lead_image_width: ex?.leadImage?.width && ex.leadImage.height ? ex.leadImage.width : null,
    lead_image_height: ex?.leadImage?.width && ex.leadImage.height ? ex.leadImage.height : null,
    body_html: bodyHtml,
    text,
    excerpt: summary ? summary.slice(0, FEED_EXCERPT_CHARS) : withoutControlChars(ex?.excerpt ?? null),
    language: ex?.lang ?? null,
    fetched_at: now,
    created_at: now,
    updated_at: now,
  };
}
