/**
 * @module An article's identity beyond its feed's guid, and its edits: the normalized URL (one
 * article per URL within an outlet, whichever of its feeds it came through), when the publisher last
 * revised it, its earlier headlines and bodies, and what its feed last said (to notice an edit).
 */
import type { Kysely } from "kysely";
import { articleUrlKey } from "../../util/url-key.ts";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

/** Rows keyed per batch: bounded memory, and one transaction per batch on SQLite. */
const BACKFILL_BATCH = 500;

interface BackfillDb {
  articles: { id: number; url: string; canonical_url: string | null; url_key: string | null };
}

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
  // What the feed said when the article was stored or last revised, and whether its body came from
  // the page or from the feed: the next poll compares against it. A table of its own, so reading an
  // article never carries it. Existing articles get a row at their next poll, without a revision.
  await db.schema
    .createTable("article_feed_state")
    .addColumn("article_id", "bigint", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("body_from_page", "integer", (c) => c.notNull())
    .execute();
  await backfillUrlKeys(db as unknown as Kysely<BackfillDb>);
}

/**
 * Keys every stored article as ingest keys a new one (util/url-key.ts). Articles an outlet already
 * stored twice stay two: this only lets the next copies be recognized.
 */
async function backfillUrlKeys(db: Kysely<BackfillDb>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "url", "canonical_url"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BACKFILL_BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) return;
    const write = async (trx: Kysely<BackfillDb>) => {
      for (const r of rows) {
        const key = articleUrlKey(r.canonical_url, r.url);
        if (key) await trx.updateTable("articles").set({ url_key: key }).where("id", "=", r.id).execute();
      }
    };
    // PostgreSQL runs each migration in a transaction already (transactional DDL); SQLite does not.
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    after = Number(last.id);
  }
}
