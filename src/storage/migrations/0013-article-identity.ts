/**
 * @module An article's identity beyond its feed's guid, and its edits: the normalized URL (one
 * article per URL, whichever feed of the outlet it came through), when the publisher last revised
 * it, and its earlier headlines and bodies.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("articles").addColumn("url_key", "text").execute();
  await db.schema.createIndex("articles_url_key").on("articles").column("url_key").execute();
  await db.schema.alterTable("articles").addColumn("revised_at", "text").execute();
  await createTableWithId(db, dialect, "article_revisions")
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("article_revisions_article")
    .on("article_revisions")
    .columns(["article_id", "replaced_at"])
    .execute();
}
