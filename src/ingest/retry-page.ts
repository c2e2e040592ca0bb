/**
 * @module A page retry (issue 16): an article stored from its feed's text because its page failed for
 * a passing reason gets the page later and is updated from it. One article per call, run by the
 * queue's `fetch_page` job on PostgreSQL and by `serve`'s fetcher process's sweep on SQLite
 * (jobs/page-retries.ts), so both databases run this same function.
 */

import { applyFetchedPage } from "../storage/article-rebuild.ts";
import { claimPageRetry, dropPageRetry, postponePageRetry } from "../storage/page-retries.ts";
import { findSourceById } from "../storage/sources.ts";
import { articleStatements } from "./article-statements.ts";
import { buildArticle } from "./build-article.ts";
import { fetchPage } from "./fetch-page.ts";
import { pageToKeep } from "./keep-page.ts";
import { nextPageAttempt, PAGE_RETRIES } from "./page-retry-schedule.ts";
import { rebuiltFields } from "./rebuilt-fields.ts";
import type { StoreDeps } from "./store-feed-items.ts";

/**
 * How long a retry is held by the process that claimed it: longer than any attempt takes (a fetch is
 * cut off at NEWSDESK_FETCH_TIMEOUT_MS, at most 10 minutes, after a wait for the host's turn), so it
 * is never taken twice; a process that dies holding it delays the page by this much.
 */
export const PAGE_RETRY_LEASE_MS = 20 * 60_000;

/**
 * A retry is taken this long before it is due: a queue job set for its time may start on a machine
 * whose clock is a little behind the database's, and must not find it "not yet" and leave it.
 */
const CLOCK_SKEW_MS = 30_000;

export type PageRetryOutcome =
  /** The page came: the article was rebuilt from it (or already said the same), the retry is done. */
  | "updated"
  /** The page failed for a passing reason again, or the item changed meanwhile: tried again later. */
  | "postponed"
  /** No retry left, a lasting failure, a page without an article or a source gone: the feed's text stands. */
  | "gave-up"
  /** No due retry for that article (done, not yet due, held by another process, or the article is gone). */
  | "not-due";

export interface PageRetryResult {
  outcome: PageRetryOutcome;
  /** When the next retry is due ("postponed" only): a queue job is set for it. */
  nextAttemptAt: Date | null;
}

/**
 * Retries article `articleId`'s page if its retry is due:
 * 1. claim it (the attempt counted, the row held for PAGE_RETRY_LEASE_MS);
 * 2. fetch the item's link as ingest does (fetch-page.ts: the source's selectors and robots setting);
 * 3. on a page with an article: rebuild the article from it as ingest would have (buildArticle), in
 *    place and without a revision (no "Updated": the publisher changed nothing), keeping a headline
 *    the feed gave (a publisher's edit of it stands); keep the page; the body now comes from the page,
 *    so a later edit of the item fetches it again; the retry is deleted;
 * 4. on a passing failure with retries left: the next is due after the back-off (page-retry-schedule.ts);
 * 5. otherwise give up: the retry is deleted and the article keeps its feed's text.
 */
export async function retryPage(articleId: number, deps: StoreDeps): Promise<PageRetryResult> {
  const { db, log } = deps;
  const clock = () => deps.now?.() ?? new Date();
  const started = clock().getTime();
  const claim = await claimPageRetry(
    db,
    articleId,
    new Date(started + CLOCK_SKEW_MS).toISOString(),
    new Date(started + PAGE_RETRY_LEASE_MS).toISOString(),
  );
  if (!claim) return { outcome: "not-due", nextAttemptAt: null };
  const giveUp = async (reason: string): Promise<PageRetryResult> => {
    await dropPageRetry(db, articleId);
    // Debug, as fetch-page.ts logs a failed page: a feed of thousands of dead links must not write a line each.
    log.debug(
      { article_id: articleId, attempts: claim.attempts, reason },
      "article page not fetched; the feed's text stands",
    );
    return { outcome: "gave-up", nextAttemptAt: null };
  };
  const source = await findSourceById(db, claim.sourceId);
  // A source the operator disabled (or that failed for too long) is asked for nothing more.
  if (!source || source.disabled_at !== null) return giveUp("source disabled");
  // Only when an earlier attempt died holding it: the last one has been made.
  if (claim.attempts > PAGE_RETRIES) return giveUp("no retry left");
  const { page, failure } = await fetchPage(claim.item, source, deps);
  const now = clock();
  if (!page) {
    const next = failure?.transient ? nextPageAttempt(claim.attempts, now, failure.retryAfterMs) : null;
    if (!next || !failure) return giveUp(failure?.error ?? "the item has no link");
    await postponePageRetry(db, articleId, next.toISOString(), failure.error);
    log.debug(
      { article_id: articleId, attempts: claim.attempts, error: failure.error },
      "article page retry failed",
    );
    return { outcome: "postponed", nextAttemptAt: next };
  }
  if (!page.extracted) return giveUp("the page holds no article");
  const fetchedAt = now.toISOString();
  const built = buildArticle(source.id, claim.item, page, fetchedAt);
  const kept = await pageToKeep(claim.item, page, deps.config, fetchedAt);
  const statements = articleStatements(built.text, source.title, log);
  const outcome = await applyFetchedPage(
    db,
    articleId,
    claim.itemJson,
    rebuiltFields(built, claim.item),
    statements,
    kept,
    fetchedAt,
  );
  // The feed edited the item while the page was fetched: fetched again at once, built with the new one.
  if (outcome === "stale") return { outcome: "postponed", nextAttemptAt: now };
  if (outcome === "gone") return { outcome: "not-due", nextAttemptAt: null };
  log.debug({ article_id: articleId, attempts: claim.attempts }, "article page fetched on retry");
  return { outcome: "updated", nextAttemptAt: null };
}
