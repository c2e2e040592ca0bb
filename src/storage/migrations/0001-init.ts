/** @module First schema: sources, articles, comments, with the keys that stop duplicates. */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

/** Starts a table with an integer primary key that each engine fills itself (SQLite never reuses one). */
export function createTableWithId(db: Kysely<unknown>, dialect: Dialect, name: string) {
  const table = db.schema.createTable(name);
  return dialect === "postgres"
    ? table.addColumn("id", "bigserial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTableWithId(db, dialect, "sources")
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("title", "text")
    .addColumn("site_url", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_fetched_at", "text")
    .addColumn("last_success_at", "text")
    .addColumn("last_error", "text")
    .addColumn("error_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_fetch_at", "text", (c) => c.notNull())
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .execute();
  await db.schema.createIndex("sources_next_fetch_at").on("sources").column("next_fetch_at").execute();

  await createTableWithId(db, dialect, "articles")
    .addColumn("source_id", "bigint", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("guid", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("canonical_url", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("byline", "text")
    .addColumn("published_at", "text")
    .addColumn("lead_image_url", "text")
    .addColumn("lead_image_alt", "text")
    .addColumn("lead_image_caption", "text")
    .addColumn("lead_image_credit", "text")
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("excerpt", "text")
    .addColumn("language", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("articles_source_guid", ["source_id", "guid"])
    .execute();
  await db.schema.createIndex("articles_published_at").on("articles").column("published_at").execute();
  await db.schema.createIndex("articles_url").on("articles").column("url").execute();
  await db.schema.createIndex("articles_canonical_url").on("articles").column("canonical_url").execute();

  await createTableWithId(db, dialect, "comments")
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("parent_id", "bigint", (c) => c.references("comments.id").onDelete("cascade"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_email", "text", (c) => c.notNull())
    .addColumn("author_url", "text")
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comments_article_status")
    .on("comments")
    .columns(["article_id", "status", "created_at"])
    .execute();
}
