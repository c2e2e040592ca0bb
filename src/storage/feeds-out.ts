/** @module Queries for sitemaps: article id shards, the last two days' news, and the listing pages, all bounded. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** What a sitemap needs of an article: its id and headline for the URL, its times for lastmod. */
export interface SitemapArticle {
  id: number;
  title: string;
  sort_at: string;
  updated_at: string;
  /** When the publisher last edited it; null if never. */
  revised_at: string | null;
  language: string | null;
}

/** The highest article id, 0 for none: how many id shards the sitemap index lists. */
export async function findMaxArticleId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.max("id").as("max"))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Articles with `fromId <= id < toId`, by id: one sitemap shard, read from the primary key alone. */
export async function listArticlesInIdRange(
  db: Kysely<Database>,
  fromId: number,
  toId: number,
): Promise<SitemapArticle[]> {
  const rows = await db
    .selectFrom("articles")
    .select(["id", "title", "sort_at", "updated_at", "revised_at", "language"])
    .where("id", ">=", fromId)
    .where("id", "<", toId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Articles whose sort time is at or after `since`, newest first, at most `limit` (the recency index). */
export async function listArticlesSince(
  db: Kysely<Database>,
  since: string,
  limit: number,
): Promise<SitemapArticle[]> {
  const rows = await db
    .selectFrom("articles")
    .select(["id", "title", "sort_at", "updated_at", "revised_at", "language"])
    .where("sort_at", ">=", since)
    .orderBy("sort_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Every source with its newest article's time (null for none yet). The time is a subquery per
 * source so both engines answer it from the (source_id, sort_at) index, not by grouping all articles.
 */
export async function listSourcesForSitemap(
  db: Kysely<Database>,
  limit: number,
): Promise<
  Array<{ id: number; title: string | null; url: string; site_url: string | null; newest: string | null }>
> {
  const rows = await db
    .selectFrom("sources")
    .select((eb) => [
      "sources.id",
      "sources.title",
      "sources.url",
      "sources.site_url",
      eb
        .selectFrom("articles")
        .select((e) => e.fn.max("articles.sort_at").as("m"))
        .whereRef("articles.source_id", "=", "sources.id")
        .as("newest"),
    ])
    .orderBy("sources.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), newest: r.newest ?? null }));
}

/**
 * The topics of the newest `recentArticles` articles, each with its newest article's time. Bounded by
 * design: grouping every topic row would read the whole table on a large site; a topic nobody has
 * written about lately keeps its page, it only leaves the sitemap.
 */
export async function listRecentTopicsForSitemap(
  db: Kysely<Database>,
  recentArticles: number,
): Promise<Array<{ slug: string; newest: string }>> {
  const rows = await db
    .selectFrom("article_topics")
    .select((eb) => ["slug", eb.fn.max("sort_at").as("newest")])
    .where("article_id", "in", (eb) =>
      eb
        .selectFrom("articles")
        .select("id")
        .orderBy("sort_at", "desc")
        .orderBy("id", "desc")
        .limit(recentArticles),
    )
    .groupBy("slug")
    .orderBy("slug")
    .execute();
  return rows.map((r) => ({ slug: r.slug, newest: String(r.newest) }));
}

/** The newest stories that gather more than one article (a story of one is its article's page), newest first. */
export async function listStoriesForSitemap(
  db: Kysely<Database>,
  limit: number,
): Promise<Array<{ id: number; title: string; last_published_at: string; updated_at: string }>> {
  const rows = await db
    .selectFrom("stories")
    .select(["id", "title", "last_published_at", "updated_at"])
    .where("article_count", ">", 1)
    .orderBy("last_published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
