/**
 * @module The kept pages (migration 0016): each article's page as fetched, gzip-compressed, with its
 * feed item, for re-extraction after an upgrade and for previewing a source's selectors. Pruned by age.
 */
import type { Kysely, Transaction } from "kysely";
import type { FeedItem } from "../feeds/types.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database> | Kysely<Database>;

/** A page to keep, compressed already (ingest compresses off the event loop, before the transaction). */
export interface KeptPage {
  url: string;
  contentType: string | null;
  fetchedAt: string;
  /** Bytes as fetched, before compression. */
  size: number;
  gzip: Uint8Array;
  item: FeedItem;
}

/** Stores (or replaces: a revision fetched the page again) the page an article was built from. */
export async function keepArticlePage(trx: Trx, articleId: number, page: KeptPage): Promise<void> {
  const values = {
    url: page.url,
    content_type: page.contentType,
    fetched_at: page.fetchedAt,
    size: page.size,
    page: page.gzip,
    item: JSON.stringify(page.item),
  };
  await trx
    .insertInto("article_pages")
    .values({ article_id: articleId, ...values })
    .onConflict((oc) => oc.column("article_id").doUpdateSet(values))
    .execute();
}

/** The feed item of an article's kept page, replaced by the item as the feed now gives it (an edit). */
export async function updateKeptItem(trx: Trx, articleId: number, item: FeedItem): Promise<void> {
  await trx
    .updateTable("article_pages")
    .set({ item: JSON.stringify(item) })
    .where("article_id", "=", articleId)
    .execute();
}

/** A kept page as read back, still compressed, with the article's source. */
export interface StoredPage {
  articleId: number;
  sourceId: number;
  url: string;
  contentType: string | null;
  fetchedAt: string;
  size: number;
  gzip: Uint8Array;
  item: FeedItem;
}

/** Which kept pages a re-extraction goes through: one source's, and those of articles published since a time. */
export interface PageFilter {
  sourceId?: number;
  /** ISO-8601: only articles whose sort time (publication, else fetch) is at or after it. */
  since?: string;
}

function filtered(db: Kysely<Database>, filter: PageFilter) {
  let q = db.selectFrom("article_pages").innerJoin("articles", "articles.id", "article_pages.article_id");
  if (filter.sourceId !== undefined) q = q.where("articles.source_id", "=", filter.sourceId);
  if (filter.since !== undefined) q = q.where("articles.sort_at", ">=", filter.since);
  return q;
}

function toStored(r: {
  article_id: number;
  source_id: number;
  url: string;
  content_type: string | null;
  fetched_at: string;
  size: number;
  page: Uint8Array;
  item: string;
}): StoredPage {
  return {
    articleId: Number(r.article_id),
    sourceId: Number(r.source_id),
    url: r.url,
    contentType: r.content_type,
    fetchedAt: r.fetched_at,
    size: Number(r.size),
    gzip: r.page,
    item: JSON.parse(r.item) as FeedItem,
  };
}

const PAGE_COLUMNS = [
  "article_pages.article_id",
  "articles.source_id",
  "article_pages.url",
  "article_pages.content_type",
  "article_pages.fetched_at",
  "article_pages.size",
  "article_pages.page",
  "article_pages.item",
] as const;

/** Up to `limit` kept pages after article id `afterId`, in id order (bounded memory at any size). */
export async function listKeptPages(
  db: Kysely<Database>,
  filter: PageFilter,
  afterId: number,
  limit: number,
): Promise<StoredPage[]> {
  const rows = await filtered(db, filter)
    .select(PAGE_COLUMNS)
    .where("article_pages.article_id", ">", afterId)
    .orderBy("article_pages.article_id")
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

/** How many kept pages `listKeptPages` goes through with this filter. */
export async function countKeptPages(db: Kysely<Database>, filter: PageFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The source's most recently fetched kept page (for previewing its extraction settings), or null. */
export async function latestSourcePage(db: Kysely<Database>, sourceId: number): Promise<StoredPage | null> {
  const row = await db
    .selectFrom("article_pages")
    .innerJoin("articles", "articles.id", "article_pages.article_id")
    .select(PAGE_COLUMNS)
    .where("articles.source_id", "=", sourceId)
    .orderBy("article_pages.fetched_at", "desc")
    .orderBy("article_pages.article_id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Deletes pages fetched before `before`; returns how many. */
export async function pruneArticlePages(db: Kysely<Database>, before: Date): Promise<number> {
  const res = await db
    .deleteFrom("article_pages")
    .where("fetched_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
