/**
 * @module Newest-first lists that show each text once: a reprint (near_duplicate_of set) is left out
 * of any list that holds its original, and who reprinted what, for the notes beside originals.
 */
import type { Kysely } from "kysely";
import { type ArticleWithSource, afterCursor, type PageCursor, withSource } from "./articles.ts";
import type { Database } from "./schema.ts";

/**
 * Newest first, reprints left out: every reprint's original is in the site-wide list, so none is
 * shown; on one source's list only reprints of that same source's articles are (another outlet's
 * reprint is the only copy its page has).
 */
export async function listLatestOriginals(
  db: Kysely<Database>,
  limit: number,
  options: { sourceId?: number; before?: PageCursor } = {},
): Promise<ArticleWithSource[]> {
  let q = withSource(db);
  const { sourceId, before } = options;
  if (sourceId === undefined) q = q.where("articles.near_duplicate_of", "is", null);
  else
    q = q
      .where("articles.source_id", "=", sourceId)
      .where((eb) =>
        eb.or([
          eb("articles.near_duplicate_of", "is", null),
          eb.not(
            eb.exists(
              eb
                .selectFrom("articles as original")
                .select("original.id")
                .whereRef("original.id", "=", "articles.near_duplicate_of")
                .where("original.source_id", "=", sourceId),
            ),
          ),
        ]),
      );
  if (before) q = q.where((eb) => afterCursor(eb, "articles.sort_at", "articles.id", before));
  return q.orderBy("articles.sort_at", "desc").orderBy("articles.id", "desc").limit(limit).execute();
}

/** A topic's articles newest first, leaving out reprints whose original carries the topic too. */
export async function listTopicOriginals(
  db: Kysely<Database>,
  slug: string,
  limit: number,
  before?: PageCursor,
): Promise<ArticleWithSource[]> {
  let q = withSource(db)
    .innerJoin("article_topics", "article_topics.article_id", "articles.id")
    .where("article_topics.slug", "=", slug)
    .where((eb) =>
      eb.or([
        eb("articles.near_duplicate_of", "is", null),
        eb.not(
          eb.exists(
            eb
              .selectFrom("article_topics as original_topic")
              .select("original_topic.article_id")
              .whereRef("original_topic.article_id", "=", "articles.near_duplicate_of")
              .where("original_topic.slug", "=", slug),
          ),
        ),
      ]),
    );
  if (before)
    q = q.where((eb) => afterCursor(eb, "article_topics.sort_at", "article_topics.article_id", before));
  return q
    .orderBy("article_topics.sort_at", "desc")
    .orderBy("article_topics.article_id", "desc")
    .limit(limit)
    .execute();
}

/** A reprint link: `id` reprints the text of `original_id`. */
export interface ReprintLink {
  id: number;
  original_id: number;
  title: string;
  url: string;
  sort_at: string;
  source_id: number;
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
  /** The original's headline, address and outlet. */
  original_title: string;
  original_url: string;
  original_source_id: number;
  original_source_title: string | null;
  original_source_url: string;
  original_source_site_url: string | null;
}

/**
 * The reprint links touching `ids`, oldest first: every article that reprints one of them, and those
 * of them that are reprints themselves. One query for a whole list.
 */
export async function listReprintLinks(db: Kysely<Database>, ids: readonly number[]): Promise<ReprintLink[]> {
  if (ids.length === 0) return [];
  return toReprintLinks(await reprintLinksQuery(db, ids).execute());
}

/** The query behind listReprintLinks (non-empty `ids`), for reads that fold it into one round trip. */
export function reprintLinksQuery(db: Kysely<Database>, ids: readonly number[]) {
  const list = [...new Set(ids)];
  return db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .innerJoin("articles as original", "original.id", "articles.near_duplicate_of")
    .innerJoin("sources as original_source", "original_source.id", "original.source_id")
    .select([
      "original.title as original_title",
      "original.url as original_url",
      "original.source_id as original_source_id",
      "original_source.title as original_source_title",
      "original_source.url as original_source_url",
      "original_source.site_url as original_source_site_url",
      "articles.id",
      "articles.near_duplicate_of",
      "articles.title",
      "articles.url",
      "articles.sort_at",
      "articles.source_id",
      "sources.title as source_title",
      "sources.url as source_url",
      "sources.site_url as source_site_url",
    ])
    .where((eb) => eb.or([eb("articles.near_duplicate_of", "in", list), eb("articles.id", "in", list)]))
    .orderBy("articles.sort_at", "asc")
    .orderBy("articles.id", "asc");
}

export function toReprintLinks(
  rows: Awaited<ReturnType<ReturnType<typeof reprintLinksQuery>["execute"]>>,
): ReprintLink[] {
  return rows.map(({ near_duplicate_of, ...r }) => ({
    ...r,
    id: Number(r.id),
    source_id: Number(r.source_id),
    original_source_id: Number(r.original_source_id),
    original_id: Number(near_duplicate_of),
  }));
}
