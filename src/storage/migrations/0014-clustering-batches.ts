/**
 * @module Cheaper clustering writes: document frequencies are counted into `term_stats` in batches
 * (each article's terms wait in `term_pending` until the batch is folded), and each `cluster_stories`
 * row carries a version, so a process can keep a story's parsed sums until the row changes. The
 * inverted index carries each posting's story and is keyed by (term, at, article): finding an
 * article's candidate stories reads that one index, without a lookup per posting (on SQLite the table
 * is the index: WITHOUT ROWID; so is term_stats).
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("term_pending")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("terms", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("cluster_stories")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // How many articles wait in term_pending: one update per article instead of counting the queue.
  await db.schema
    .alterTable("cluster_state")
    .addColumn("pending", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("cluster_postings")
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("story_id", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("cluster_postings_pk", ["term", "at", "article_id"])
    .modifyEnd(dialect === "sqlite" ? sql`WITHOUT ROWID` : sql``)
    .execute();
  await sql`INSERT INTO cluster_postings (term, at, article_id, story_id)
    SELECT ct.term, ct.at, ct.article_id, cf.story_id
    FROM cluster_terms ct JOIN cluster_features cf ON cf.article_id = ct.article_id`.execute(db);
  await db.schema.dropTable("cluster_terms").execute();
  if (dialect === "sqlite") {
    // A text primary key in a rowid table is a second B-tree: every df update wrote both.
    await db.schema
      .createTable("term_stats_keyed")
      .addColumn("term", "text", (c) => c.primaryKey())
      .addColumn("df", "integer", (c) => c.notNull())
      .modifyEnd(sql`WITHOUT ROWID`)
      .execute();
    await sql`INSERT INTO term_stats_keyed (term, df) SELECT term, df FROM term_stats`.execute(db);
    await db.schema.dropTable("term_stats").execute();
    await db.schema.alterTable("term_stats_keyed").renameTo("term_stats").execute();
  }
  // Pruning and merges find postings by article (a merge goes through the moved story's articles).
  await db.schema
    .createIndex("cluster_postings_article")
    .on("cluster_postings")
    .column("article_id")
    .execute();
}
