/**
 * @module Article pages to fetch again (migration 0023): a row per article stored from its feed's text
 * because its page failed for a passing reason, with the feed item, the retries begun and when the
 * next is due. ingest/retry-page.ts claims a due row, fetches the page and settles the row; the
 * article's update itself is storage/article-rebuild.ts's `applyFetchedPage`.
 */
import type { Kysely, Transaction } from "kysely";
import type { FeedItem } from "../feeds/types.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database> | Kysely<Database>;

/** A retry recorded with a new article (in its insert's transaction). */
export interface PageRetryInput {
  item: FeedItem;
  /** ISO-8601: when the first retry is due. */
  nextAttemptAt: string;
  /** One line: why the page failed at ingest. */
  error: string;
}

export async function recordPageRetry(trx: Trx, articleId: number, retry: PageRetryInput): Promise<void> {
  await trx
    .insertInto("page_retries")
    .values({
      article_id: articleId,
      item: JSON.stringify(retry.item),
      next_attempt_at: retry.nextAttemptAt,
      last_error: retry.error,
    })
    .execute();
}

/** The item as the feed now gives it (a publisher's edit): the retry builds the article from it. */
export async function updateRetryItem(trx: Trx, articleId: number, item: FeedItem): Promise<void> {
  await trx
    .updateTable("page_retries")
    .set({ item: JSON.stringify(item) })
    .where("article_id", "=", articleId)
    .execute();
}

export interface DueRetry {
  articleId: number;
  nextAttemptAt: string;
}

/** Up to `limit` retries due at or before `by` (ISO-8601), soonest first. */
export async function listDuePageRetries(
  db: Kysely<Database>,
  by: string,
  limit: number,
): Promise<DueRetry[]> {
  const rows = await db
    .selectFrom("page_retries")
    .select(["article_id", "next_attempt_at"])
    .where("next_attempt_at", "<=", by)
    .orderBy("next_attempt_at")
    .orderBy("article_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: Number(r.article_id), nextAttemptAt: r.next_attempt_at }));
}

/** A retry taken by one process: what it needs to fetch the page and settle the row. */
export interface ClaimedRetry {
  articleId: number;
  sourceId: number;
  item: FeedItem;
  /** The item's JSON as claimed: the update checks it is still the row's (no edit came meanwhile). */
  itemJson: string;
  /** Retries begun, this one included. */
  attempts: number;
}

/**
 * Takes article `articleId`'s retry if it is due by `dueBy`: counts the attempt and moves the row's
 * time to `leaseUntil`, in one statement, so no other process takes it meanwhile (PostgreSQL re-checks
 * the condition on the locked row) and a process that dies holding it only delays it until then.
 * Null when there is no such row or it is not due (another process holds it, or it was put off).
 */
export async function claimPageRetry(
  db: Kysely<Database>,
  articleId: number,
  dueBy: string,
  leaseUntil: string,
): Promise<ClaimedRetry | null> {
  const row = await db
    .updateTable("page_retries")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: leaseUntil }))
    .where("article_id", "=", articleId)
    .where("next_attempt_at", "<=", dueBy)
    .returning(["item", "attempts"])
    .executeTakeFirst();
  if (!row) return null;
  const article = await db
    .selectFrom("articles")
    .select("source_id")
    .where("id", "=", articleId)
    .executeTakeFirst();
  // Deleted in between: the row went with it (ON DELETE CASCADE).
  if (!article) return null;
  return {
    articleId,
    sourceId: Number(article.source_id),
    item: JSON.parse(row.item) as FeedItem,
    itemJson: row.item,
    attempts: Number(row.attempts),
  };
}

/**
 * The next retry is due at `at`: the page failed again for a passing reason (`error`), or the item
 * changed while it was being fetched (no error: the last one stands).
 */
export async function postponePageRetry(
  trx: Trx,
  articleId: number,
  at: string,
  error?: string,
): Promise<void> {
  await trx
    .updateTable("page_retries")
    .set({ next_attempt_at: at, ...(error !== undefined ? { last_error: error } : {}) })
    .where("article_id", "=", articleId)
    .execute();
}

/** No more retries: the article keeps its feed's text. */
export async function dropPageRetry(trx: Trx, articleId: number): Promise<void> {
  await trx.deleteFrom("page_retries").where("article_id", "=", articleId).execute();
}

/** The retry's item as stored now, or null when the row is gone. */
export async function retryItemJson(trx: Trx, articleId: number): Promise<string | null> {
  const row = await trx
    .selectFrom("page_retries")
    .select("item")
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  return row?.item ?? null;
}
