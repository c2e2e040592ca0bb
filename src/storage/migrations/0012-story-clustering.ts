/**
 * @module Story clustering's state: each article's features and its rare terms (the inverted index
 * that finds candidate stories without scanning the corpus), document frequencies kept up to date
 * as articles arrive, near-duplicate links, what a story knows (representative, first and image
 * reports, lead sentence), redirects from stories merged away, and operator labels on sources.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

/** 0009's column list for source updates that change a page, with the new labels column. */
const SOURCE_COLUMNS = ["url", "title", "site_url", "category", "display_mode", "disabled_at", "labels"];
const SOURCE_CHANGED = SOURCE_COLUMNS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(" OR ");

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // A reprint of another report's text (wire copy rerun): points at the earliest report.
  await db.schema
    .alterTable("articles")
    .addColumn("near_duplicate_of", "bigint", (c) => c.references("articles.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("articles_near_duplicate_of")
    .on("articles")
    .column("near_duplicate_of")
    .execute();

  const stories = db.schema.alterTable("stories");
  // The report whose headline names the story (the most representative one, not simply the first).
  await stories
    .addColumn("lead_article_id", "bigint", (c) => c.references("articles.id").onDelete("set null"))
    .execute();
  // Who reported it first.
  await db.schema
    .alterTable("stories")
    .addColumn("first_article_id", "bigint", (c) => c.references("articles.id").onDelete("set null"))
    .execute();
  // The report whose lead image (with caption and credit) illustrates the story.
  await db.schema
    .alterTable("stories")
    .addColumn("image_article_id", "bigint", (c) => c.references("articles.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("stories").addColumn("lead_sentence", "text").execute();

  // A story merged into another when a later report bridged them: its old URL answers 301.
  await db.schema
    .createTable("story_redirects")
    .addColumn("from_id", "bigint", (c) => c.primaryKey())
    .addColumn("to_id", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("story_redirects_to").on("story_redirects").column("to_id").execute();

  // One row per clustered article in the active window: its TF-IDF vectors as they were weighted when
  // it arrived and its text signature (JSON, see storage/clustering.ts). Pruned once out of the window.
  await db.schema
    .createTable("cluster_features")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("story_id", "bigint", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    // When it was filed (the ingest clock): pruning goes by this, so a backlog arriving out of time
    // order (a new source's older items) still finds its stories.
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("vectors", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cluster_features_story").on("cluster_features").column("story_id").execute();
  await db.schema
    .createIndex("cluster_features_filed_at")
    .on("cluster_features")
    .column("filed_at")
    .execute();

  // One row per open story: the sums of its reports' vectors (a story's average similarity to a new
  // article is one dot product with them), its report count and time span.
  await db.schema
    .createTable("cluster_stories")
    .addColumn("story_id", "bigint", (c) => c.primaryKey().references("stories.id").onDelete("cascade"))
    .addColumn("reports", "integer", (c) => c.notNull())
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("last_at", "text", (c) => c.notNull())
    .addColumn("filed_at", "text", (c) => c.notNull())
    .addColumn("sums", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cluster_stories_filed_at").on("cluster_stories").column("filed_at").execute();

  // The inverted index: each article's rarest terms, read by term and time.
  await db.schema
    .createTable("cluster_terms")
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cluster_terms_pk", ["article_id", "term"])
    .execute();
  await db.schema.createIndex("cluster_terms_term_at").on("cluster_terms").columns(["term", "at"]).execute();

  // Document frequencies over every clustered article, updated as each one arrives.
  await db.schema
    .createTable("term_stats")
    .addColumn("term", "text", (c) => c.primaryKey())
    .addColumn("df", "integer", (c) => c.notNull())
    .execute();
  await createTableWithId(db, dialect, "cluster_state")
    .addColumn("documents", "bigint", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO cluster_state (id, documents) VALUES (1, 0)`.execute(db);

  // Operator labels ({"country": "FR", "kind": "wire"}), shown as a story's coverage breakdown.
  await db.schema.alterTable("sources").addColumn("labels", "text").execute();
  if (dialect === "postgres") {
    await sql`DROP TRIGGER site_version_sources_update ON sources`.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER site_version_sources_update AFTER UPDATE ON sources FOR EACH ROW WHEN (${SOURCE_CHANGED}) EXECUTE FUNCTION newsdesk_bump_site_version()`,
      )
      .execute(db);
  } else {
    const bump = `UPDATE site_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;`;
    await sql`DROP TRIGGER site_version_sources_update`.execute(db);
    await sql
      .raw(
        `CREATE TRIGGER site_version_sources_update AFTER UPDATE ON sources WHEN ${SOURCE_CHANGED.replaceAll("IS DISTINCT FROM", "IS NOT")} BEGIN ${bump} END`,
      )
      .execute(db);
  }
}
