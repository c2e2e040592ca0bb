/**
 * @module Stories (the reports of one event, from one outlet or many), topics from the feeds' categories,
 * a stored sort time for recency order at any size, and each source's display mode.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id =
    dialect === "postgres"
      ? db.schema.createTable("stories").addColumn("id", "bigserial", (c) => c.primaryKey())
      : db.schema.createTable("stories").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  await id
    .addColumn("title", "text", (c) => c.notNull())
    // The newest article's time: the story's place in recency order.
    .addColumn("last_published_at", "text", (c) => c.notNull())
    .addColumn("first_published_at", "text", (c) => c.notNull())
    .addColumn("article_count", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("source_count", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("stories_last_published")
    .on("stories")
    .columns(["last_published_at", "id"])
    .execute();

  // published_at, else fetched_at: one indexed column, so "newest first" never sorts the whole table.
  await db.schema.alterTable("articles").addColumn("sort_at", "text").execute();
  await db.schema
    .alterTable("articles")
    .addColumn("story_id", "bigint", (c) => c.references("stories.id").onDelete("set null"))
    .execute();
  await sql`UPDATE articles SET sort_at = COALESCE(published_at, fetched_at)`.execute(db);
  // Every stored article becomes a story of one, sharing its id; clustering merges them later.
  await sql`INSERT INTO stories (id, title, last_published_at, first_published_at, article_count, source_count, created_at, updated_at)
    SELECT id, title, sort_at, sort_at, 1, 1, created_at, updated_at FROM articles`.execute(db);
  await sql`UPDATE articles SET story_id = id`.execute(db);
  if (dialect === "postgres")
    await sql`SELECT setval(pg_get_serial_sequence('stories', 'id'), COALESCE((SELECT MAX(id) FROM stories), 0) + 1, false)`.execute(
      db,
    );
  await db.schema.createIndex("articles_sort_at").on("articles").columns(["sort_at", "id"]).execute();
  await db.schema
    .createIndex("articles_source_sort")
    .on("articles")
    .columns(["source_id", "sort_at"])
    .execute();
  await db.schema.createIndex("articles_story").on("articles").columns(["story_id", "sort_at"]).execute();

  await db.schema
    .createTable("article_topics")
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    // URL form of the topic ("climate-change"), and its name as the feed spelled it.
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    // The article's sort_at again, so a topic page reads newest first from the index alone.
    .addColumn("sort_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_topics_pk", ["article_id", "slug"])
    .execute();
  await db.schema
    .createIndex("article_topics_slug")
    .on("article_topics")
    .columns(["slug", "sort_at"])
    .execute();

  // "full": the article's text is republished; "excerpt": only an excerpt, with a link to the original.
  await db.schema
    .alterTable("sources")
    .addColumn("display_mode", "text", (c) => c.notNull().defaultTo("full"))
    .execute();
}
