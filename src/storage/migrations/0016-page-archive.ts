/**
 * @module What was fetched, kept: each article's page bytes as they came (gzip-compressed, size-capped,
 * pruned after a retention time) with the feed item that led to it, so `newsdesk reextract` can
 * rebuild articles after an extractor upgrade without asking publishers again. Also the agency an
 * article credits (AP, Reuters...), kept apart from its bylines.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("article_pages")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("content_type", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    /** The page's size as fetched, before compression. */
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("page", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    /** The feed item as parsed (JSON): a rebuilt article merges it with the page the way ingest did. */
    .addColumn("item", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("article_pages_fetched").on("article_pages").column("fetched_at").execute();
  await db.schema.alterTable("articles").addColumn("agency", "text").execute();
}
