/**
 * @module Article pages to fetch again (issue 16): an article whose page failed for a passing reason
 * (a timeout, a 5xx, a 429) is stored from its feed's text with a row here, in the same transaction;
 * ingest/retry-page.ts fetches the page later with back-off and updates the article from it. The row
 * goes when the page came or the tries are over.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("page_retries")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    /** The feed item as parsed (JSON): the article is rebuilt from it and the page as ingest builds one. */
    .addColumn("item", "text", (c) => c.notNull())
    /** Retries begun so far (counted when one starts, so a page that kills its worker is not tried forever). */
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    /** ISO-8601: when the next retry is due; while one runs, the end of its lease. */
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("page_retries_due").on("page_retries").column("next_attempt_at").execute();
}
