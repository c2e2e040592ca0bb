/**
 * @module Cheaper clustering writes: document frequencies are counted into `term_stats` in batches
 * (each article's terms wait in `term_pending` until the batch is folded), and each `cluster_stories`
 * row carries a version, so a process can keep a story's parsed sums until the row changes.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("term_pending")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("terms", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("cluster_stories")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
