/** @module Repository for topics (feed categories): a topic's name and its articles, newest first. */
import type { Kysely } from "kysely";
import { type ArticleWithSource, afterCursor, type PageCursor, withSource } from "./articles.ts";
import type { Database } from "./schema.ts";

/** The topic's name as its most recent article's feed spelled it; undefined for an unknown slug. */
export async function findTopicName(db: Kysely<Database>, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("article_topics")
    .select("name")
    .where("slug", "=", slug)
    .orderBy("sort_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.name;
}

/** A topic's articles, newest first, one page after `before`; reads the (slug, sort_at) index. */
export async function listTopicArticles(
  db: Kysely<Database>,
  slug: string,
  limit: number,
  before?: PageCursor,
): Promise<ArticleWithSource[]> {
  let q = withSource(db)
    .innerJoin("article_topics", "article_topics.article_id", "articles.id")
    .where("article_topics.slug", "=", slug);
  if (before)
    q = q.where((eb) => afterCursor(eb, "article_topics.sort_at", "article_topics.article_id", before));
  return q
    .orderBy("article_topics.sort_at", "desc")
    .orderBy("article_topics.article_id", "desc")
    .limit(limit)
    .execute();
}

/** The topics of each article in `articleIds`, alphabetically by slug. */
export async function listArticleTopics(
  db: Kysely<Database>,
  articleIds: readonly number[],
): Promise<Map<number, Array<{ slug: string; name: string }>>> {
  if (articleIds.length === 0) return new Map();
  return topicsByArticle(await articleTopicsQuery(db, articleIds).execute());
}

/** The query behind listArticleTopics (non-empty `articleIds`), for reads that fold it into one round trip. */
export function articleTopicsQuery(db: Kysely<Database>, articleIds: readonly number[]) {
  return db
    .selectFrom("article_topics")
    .select(["article_id", "slug", "name"])
    .where("article_id", "in", [...articleIds])
    .orderBy("slug");
}

export function topicsByArticle(
  rows: ReadonlyArray<{ article_id: number | string; slug: string; name: string }>,
): Map<number, Array<{ slug: string; name: string }>> {
  const out = new Map<number, Array<{ slug: string; name: string }>>();
  for (const r of rows) {
    const id = Number(r.article_id);
    const list = out.get(id) ?? [];
    list.push({ slug: r.slug, name: r.name });
    out.set(id, list);
  }
  return out;
}
