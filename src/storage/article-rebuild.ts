/**
 * @module A stored article rebuilt from its kept page by a newer extractor (`newsdesk reextract`):
 * its body and metadata replaced in place. Not a publisher's edit: no revision is kept and the page
 * does not say "Updated". Its statements follow its text, its search entry follows by the triggers
 * (SQLite) or the generated column (PostgreSQL), and its story's summary is brought up to date; the
 * story it was filed into stays (clustering files a report once).
 */
import type { Kysely } from "kysely";
import { sortTime } from "./articles.ts";
import { refreshStorySummary } from "./clustering.ts";
import { isPostgres } from "./db.ts";
import type { Database, NewArticle } from "./schema.ts";
import { lockStatementWriters, replaceArticleStatements, type StatementInput } from "./statements.ts";

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
  return db.transaction().execute(async (trx) => {
    if (statements) await lockStatementWriters(trx);
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
    if (row.story_id != null) await refreshStorySummary(trx, Number(row.story_id), now);
    return "changed";
  });
}
