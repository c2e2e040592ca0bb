/** @module Repository for articles: one row per feed item, written whole or not at all. */
import type { Kysely } from "kysely";
import type { Article, Database, NewArticle } from "./schema.ts";

/** An article joined with the name and address of the source it came from. */
export type ArticleWithSource = Article & {
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
};

/**
 * Which of `guids` the source already has, with each one's stored id and title, so a refresh
 * fetches only new items' pages and can notice an edited headline.
 */
export async function findKnownGuids(
  db: Kysely<Database>,
  sourceId: number,
  guids: string[],
): Promise<Map<string, { id: number; title: string }>> {
  const known = new Map<string, { id: number; title: string }>();
  // Chunked so the parameter count stays under SQLite's and PostgreSQL's limits for any feed size.
  for (let i = 0; i < guids.length; i += 500) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "guid", "title"])
      .where("source_id", "=", sourceId)
      .where("guid", "in", guids.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.guid, { id: r.id, title: r.title });
  }
  return known;
}

/** A publisher edited the headline: the article keeps its id (and URL, comments), with the new title. */
export async function updateArticleTitle(
  db: Kysely<Database>,
  id: number,
  title: string,
  now: string,
): Promise<void> {
  await db.updateTable("articles").set({ title, updated_at: now }).where("id", "=", id).execute();
}

/**
 * Inserts an article in one statement; if the source already has that guid (a concurrent or
 * resumed fetch got there first) nothing changes. Returns whether a row was added.
 */
export async function insertArticle(db: Kysely<Database>, article: NewArticle): Promise<boolean> {
  const row = await db
    .insertInto("articles")
    .values(article)
    .onConflict((oc) => oc.columns(["source_id", "guid"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

function withSource(db: Kysely<Database>) {
  return db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .selectAll("articles")
    .select([
      "sources.title as source_title",
      "sources.url as source_url",
      "sources.site_url as source_site_url",
    ]);
}

/** Newest first by publication time, falling back to when we fetched it. */
export async function listLatestArticles(db: Kysely<Database>, limit: number): Promise<ArticleWithSource[]> {
  return withSource(db)
    .orderBy((eb) => eb.fn.coalesce("articles.published_at", "articles.fetched_at"), "desc")
    .orderBy("articles.id", "desc")
    .limit(limit)
    .execute();
}

export async function findArticleById(
  db: Kysely<Database>,
  id: number,
): Promise<ArticleWithSource | undefined> {
  return withSource(db).where("articles.id", "=", id).executeTakeFirst();
}

export async function countArticles(db: Kysely<Database>, sourceId?: number): Promise<number> {
  let q = db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
  if (sourceId !== undefined) q = q.where("source_id", "=", sourceId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
