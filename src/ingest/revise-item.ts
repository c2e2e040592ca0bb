/**
 * @module A known feed item whose headline or text the publisher edited: the stored article is revised
 * (storage/articles.ts reviseArticle keeps the earlier version) rather than a second one added.
 */
import type { FeedItem } from "../feeds/types.ts";
import { type ArticleChange, type KnownItem, reviseArticle } from "../storage/articles.ts";
import type { Source } from "../storage/schema.ts";
import { sameText } from "../util/same-text.ts";
import { articleStatements } from "./article-statements.ts";
import { buildArticle, feedDigest, plainTitle } from "./build-article.ts";
import { fetchPage } from "./fetch-page.ts";
import { pageToKeep } from "./keep-page.ts";
import type { StoreDeps } from "./store-feed-items.ts";

/** A feed date this far past our clock is a wrong clock, not an edit from the future (as sortTime allows). */
const FUTURE_TOLERANCE_MS = 3_600_000;

/**
 * When an edit happened: the item's `updated` date if it is sane (readable, not in the future, and
 * after the version we hold, which we fetched or revised at a known time), else now. A feed that did
 * not move `updated` for this edit, or dates it before our copy, is not believed.
 */
export function revisionTime(
  updated: string | null,
  stored: { fetched_at: string; revised_at: string | null },
  now: Date,
): string {
  const t = updated ? Date.parse(updated) : Number.NaN;
  const floor = Date.parse(stored.revised_at ?? stored.fetched_at);
  if (!Number.isFinite(t) || t > now.getTime() + FUTURE_TOLERANCE_MS || !(t > floor))
    return now.toISOString();
  return new Date(Math.min(t, now.getTime())).toISOString();
}

/** Whether a known item differs from the stored article (headline or text), or was stored before digests were kept. */
export function itemChanged(item: FeedItem, stored: KnownItem): boolean {
  if (stored.feed_digest === null) return true;
  const title = plainTitle(item.title);
  return (title !== "" && !sameText(title, stored.title)) || stored.feed_digest !== feedDigest(item);
}

/**
 * Compares a known item with the stored article and revises it when the headline or the feed's text
 * changed by more than whitespace. A headline edit costs no request. A text edit rebuilds the body the
 * way it was first built: from the page (fetched again, one request per edited item) when the stored
 * body came from the page, keeping the stored body if the page is unavailable now; from the feed when
 * the stored body came from the feed. An article stored before feed digests were kept only records
 * the digest. Returns whether the article changed.
 */
export async function reviseKnownItem(
  item: FeedItem,
  stored: KnownItem,
  source: Source,
  deps: StoreDeps,
): Promise<boolean> {
  const digest = feedDigest(item);
  const title = plainTitle(item.title);
  const titleEdited = title !== "" && !sameText(title, stored.title);
  const textEdited = stored.feed_digest !== null && stored.feed_digest !== digest;
  const now = deps.now?.() ?? new Date();
  if (!titleEdited && !textEdited) {
    if (stored.feed_digest !== null) return false;
    // Stored before digests were kept: learn what the feed says, so the next edit can be seen.
    const feed = { digest, bodyFromPage: stored.body_from_page };
    return reviseArticle(deps.db, stored.id, { revisedAt: now.toISOString(), feed }, now.toISOString());
  }
  const change: ArticleChange = {
    revisedAt: revisionTime(item.updated, stored, now),
    feed: { digest, bodyFromPage: stored.body_from_page },
    item,
    ...(titleEdited ? { title } : {}),
  };
  if (textEdited) {
    const page = stored.body_from_page ? (await fetchPage(item, source, deps)).page : null;
    const built = buildArticle(source.id, item, page, now.toISOString());
    const kept = await pageToKeep(item, page, deps.config, now.toISOString());
    if (kept) change.page = kept;
    if (page?.extracted || !stored.body_from_page) {
      change.body = { body_html: built.body_html, text: built.text };
      change.statements = articleStatements(built.text, source.title, deps.log);
    }
    // The excerpt comes from the feed's summary, else the page: without either it stays.
    if (item.summary || page?.extracted) change.excerpt = built.excerpt ?? null;
  }
  return reviseArticle(deps.db, stored.id, change, now.toISOString());
}
