/**
 * @module A stored article rebuilt in place: from its kept page by a newer extractor (`newsdesk
 * reextract`), or from a page fetched later than the article (`applyFetchedPage`, a page retry): its
 * body and metadata replaced. Not a publisher's edit: no revision is kept and the page does not say
 * "Updated". Its statements follow its text, its search entry follows by the triggers
 * (SQLite) or the generated column (PostgreSQL), and its story's summary is brought up to date; the
 * story it was filed into stays (clustering files a report once).
 */
import type { Kysely, Transaction } from "kysely";
import { type KeptPage, keepArticlePage } from "./article-pages.ts";
import { sortTime } from "./articles.ts";
import { summarizeStory } from "./clustering.ts";
import { isPostgres } from "./db.ts";
import { dropPageRetry, postponePageRetry, retryItemJson } from "./page-retries.ts";
import type { Database, NewArticle } from "./schema.ts";
import { replaceArticleStatements, type StatementInput } from "./statements.ts";
import { takeWriterLocks } from "./writer-locks.ts";

/** The columns a re-extraction may change: what the page gave, not the article's identity or history. */
export const REBUILT_COLUMNS = [
  "title",
  "byline",
  "agency",
  "published_at",
  "lead_image_url",
  "lead_image_alt",
  "lead_image_caption",
  "lead_image_credit",
  "lead_image_width",
  "lead_image_height",
  "body_html",
  "text",
  "excerpt",
  "language",
  "canonical_url",
] as const;

/** The rebuilt fields; one left undefined keeps its stored value (a headline the feed gave, say). */
export type RebuiltArticle = { [K in (typeof REBUILT_COLUMNS)[number]]?: NewArticle[K] };

export type RebuildOutcome = "changed" | "unchanged" | "gone";

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Writes the rebuilt fields of article `id` where they differ from the stored ones, in one
 * transaction; `statements` (extracted from the rebuilt text, or undefined when that failed) replace
 * the stored ones when the text changed. `bodyFromPage` records whether the body now comes from the
 * page, so a later edit of the item fetches the page again.
 */
export async function applyRebuild(
  db: Kysely<Database>,
  id: number,
  rebuilt: RebuiltArticle,
  statements: readonly StatementInput[] | undefined,
  bodyFromPage: boolean,
  now: string,
): Promise<RebuildOutcome> {
  const outcome = await db.transaction().execute(async (trx) => {
    await takeWriterLocks(trx, { statements: true, clustering: true });
    return rebuildInPlace(trx, id, rebuilt, statements, bodyFromPage, now);
  });
  await summarizeAfter(db, id, outcome, now);
  return outcome;
}

/** A changed article's story names and leads itself from its reports: refreshed once the change is committed. */
async function summarizeAfter(db: Kysely<Database>, id: number, outcome: FetchedPageOutcome, now: string) {
  if (outcome !== "changed") return;
  const row = await db.selectFrom("articles").select("story_id").where("id", "=", id).executeTakeFirst();
  if (row?.story_id != null) await summarizeStory(db, Number(row.story_id), now);
}

/**
 * applyRebuild's work inside the caller's transaction, which took both writer locks first, with or
 * without statements: filing reads the article's row (writer-locks.ts). The story's summary is
 * refreshed after the commit.
 */
async function rebuildInPlace(
  trx: Transaction<Database>,
  id: number,
  rebuilt: RebuiltArticle,
  statements: readonly StatementInput[] | undefined,
  bodyFromPage: boolean,
  now: string,
): Promise<RebuildOutcome> {
  let q = trx
    .selectFrom("articles")
    .select([...REBUILT_COLUMNS, "fetched_at", "sort_at", "story_id"])
    .where("id", "=", id);
  if (isPostgres(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return "gone";
  const changed: Partial<RebuiltArticle> = {};
  for (const col of REBUILT_COLUMNS) {
    if (rebuilt[col] !== undefined && !same(row[col], rebuilt[col]))
      (changed as Record<string, unknown>)[col] = rebuilt[col];
  }
  await trx
    .updateTable("article_feed_state")
    .set({ body_from_page: bodyFromPage ? 1 : 0 })
    .where("article_id", "=", id)
    .execute();
  if (Object.keys(changed).length === 0) return "unchanged";
  const sortAt = sortTime((rebuilt.published_at ?? row.published_at) || null, row.fetched_at);
  const moved = sortAt !== row.sort_at;
  await trx
    .updateTable("articles")
    .set({ ...changed, ...(moved ? { sort_at: sortAt } : {}), updated_at: now })
    .where("id", "=", id)
    .execute();
  if (changed.text !== undefined && statements)
    await replaceArticleStatements(trx, id, sortAt, statements, now);
  else if (changed.text !== undefined)
    // Extraction of the new text failed: the backfill (`newsdesk quotes --backfill`) tries again.
    await trx.updateTable("articles").set({ statements_at: null }).where("id", "=", id).execute();
  if (moved) {
    // Lists keyed by time (topics, a person's statements) follow the corrected date.
    await trx.updateTable("article_topics").set({ sort_at: sortAt }).where("article_id", "=", id).execute();
    await trx.updateTable("statements").set({ sort_at: sortAt }).where("article_id", "=", id).execute();
  }
  return "changed";
}

/**
 * What became of a page fetched for an article stored from its feed's text: as applyRebuild, or
 * "stale" when the feed edited the item while the page was being fetched (nothing written; the retry
 * is due again at once, to build from the new item).
 */
export type FetchedPageOutcome = RebuildOutcome | "stale";

/**
 * Updates article `id` from a page fetched on a retry (ingest/retry-page.ts), in one transaction: the
 * rebuilt fields as applyRebuild writes them (the body now from the page, so a later edit of the item
 * fetches the page again), the page kept, the retry row deleted. `claimedItem` is the retry's item as
 * claimed: a publisher's edit since then wins.
 */
export async function applyFetchedPage(
  db: Kysely<Database>,
  id: number,
  claimedItem: string,
  rebuilt: RebuiltArticle,
  statements: readonly StatementInput[] | undefined,
  page: KeptPage | null,
  now: string,
): Promise<FetchedPageOutcome> {
  const outcome = await db.transaction().execute(async (trx): Promise<FetchedPageOutcome> => {
    await takeWriterLocks(trx, { statements: true, clustering: true });
    // The article's row first, as a publisher's revision takes it before the retry's: one order, no deadlock.
    let q = trx.selectFrom("articles").select("id").where("id", "=", id);
    if (isPostgres(trx)) q = q.forUpdate();
    if (!(await q.executeTakeFirst())) return "gone";
    const item = await retryItemJson(trx, id);
    // Settled by another process whose lease ran out while this one fetched: it stands.
    if (item === null) return "gone";
    if (item !== claimedItem) {
      await postponePageRetry(trx, id, now);
      return "stale";
    }
    const outcome = await rebuildInPlace(trx, id, rebuilt, statements, true, now);
    if (page) await keepArticlePage(trx, id, page);
    await dropPageRetry(trx, id);
    return outcome;
  });
  await summarizeAfter(db, id, outcome, now);
  return outcome;
}
