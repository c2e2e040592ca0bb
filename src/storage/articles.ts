/**
 * @module Repository for articles: one row per feed item (one per URL within an outlet), written whole
 * or not at all; a publisher's edits revise it and keep the earlier version.
 */
import { type ExpressionBuilder, type Kysely, type ReferenceExpression, sql } from "kysely";
import type { FeedItem } from "../feeds/types.ts";
import { withoutControlChars } from "../util/control-chars.ts";
import { sameText } from "../util/same-text.ts";
import { slugify } from "../util/slug.ts";
import { outletHost } from "../util/url-key.ts";
import { type ArticleToFile, fileArticle, writeArticleStatements } from "./article-filing.ts";
import { type KeptPage, keepArticlePage, updateKeptItem } from "./article-pages.ts";
import { type ClusterRequest, summarizeStory } from "./clustering.ts";
import { isPostgres, prepared } from "./db.ts";
import { type PageRetryInput, recordPageRetry, updateRetryItem } from "./page-retries.ts";
import type { Article, ArticleRevision, ArticlesTable, Database, DisplayMode, NewArticle } from "./schema.ts";
import { replaceArticleStatements, type StatementInput } from "./statements.ts";
import { takeWriterLocks } from "./writer-locks.ts";

/** An article joined with the name and address of the source it came from. */
export type ArticleWithSource = Article & {
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
  source_display_mode: DisplayMode;
};

/** What a refresh needs to know about an item the source has stored already. */
export interface KnownItem {
  id: number;
  title: string;
  /** When we stored it, and when the publisher last revised it: an edit's feed date must be later. */
  fetched_at: string;
  revised_at: string | null;
  /** What the feed said last time (article_feed_state); null for an article stored before it was kept. */
  feed_digest: string | null;
  body_from_page: boolean;
}

/**
 * Which of `guids` the source already has, with what a refresh compares to notice an edit, so a
 * refresh fetches only new items' pages.
 */
export async function findKnownGuids(
  db: Kysely<Database>,
  sourceId: number,
  guids: string[],
): Promise<Map<string, KnownItem>> {
  const known = new Map<string, KnownItem>();
  // Chunked so the parameter count stays under SQLite's and PostgreSQL's limits for any feed size.
  for (let i = 0; i < guids.length; i += 500) {
    const rows = await db
      .selectFrom("articles")
      .leftJoin("article_feed_state as fs", "fs.article_id", "articles.id")
      .select(["articles.id", "guid", "title", "fetched_at", "revised_at", "fs.digest", "fs.body_from_page"])
      .where("source_id", "=", sourceId)
      .where("guid", "in", guids.slice(i, i + 500))
      .execute();
    for (const r of rows)
      known.set(r.guid, {
        id: Number(r.id),
        title: r.title,
        fetched_at: r.fetched_at,
        revised_at: r.revised_at,
        feed_digest: r.digest,
        // Unknown for an article stored before it was kept: the page, as for most articles.
        body_from_page: r.body_from_page !== 0,
      });
  }
  return known;
}

/**
 * Which of `keys` (urlKey) the outlet already has an article under, through this source or another
 * of its feeds: those items are known, and their pages need no fetch.
 */
export async function findOutletUrlKeys(
  db: Kysely<Database>,
  keys: readonly string[],
  outlet: Outlet,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const r of await urlKeyHolders(db, keys.slice(i, i + 500)))
      if (isSameOutlet(r, outlet) && r.url_key) found.add(r.url_key);
  }
  return found;
}

/** The source an article is being stored for, and the outlet it belongs to (util/url-key.ts outletHost). */
export interface Outlet {
  sourceId: number;
  host: string | null;
}

/** Articles under these keys with their sources' addresses (few rows: a key names one page). */
function urlKeyHolders(db: Kysely<Database>, keys: string[]) {
  return db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select(["articles.url_key", "articles.source_id", "sources.site_url", "sources.url"])
    .where("articles.url_key", "in", keys)
    .execute();
}

function isSameOutlet(
  holder: { source_id: number; site_url: string | null; url: string },
  outlet: Outlet,
): boolean {
  if (Number(holder.source_id) === outlet.sourceId) return true;
  return outlet.host !== null && outletHost(holder.site_url, holder.url) === outlet.host;
}

/** A publisher edited the headline: a revision with only the title changed (see reviseArticle). */
export async function updateArticleTitle(
  db: Kysely<Database>,
  id: number,
  title: string,
  now: string,
): Promise<void> {
  await reviseArticle(db, id, { title, revisedAt: now }, now);
}

/** A publisher's edit of a stored article, as the feed (and page) now show it. */
export interface ArticleChange {
  title?: string;
  /** The new body, sanitized, with its plain text; absent: the body stays. */
  body?: { body_html: string; text: string };
  excerpt?: string | null;
  /** When the publisher made the edit: stored as revised_at and as the old version's replaced_at. */
  revisedAt: string;
  /** What the feed now says, recorded whether or not anything visible changed. */
  feed?: { digest: string; bodyFromPage: boolean };
  /** File the article into a story by clustering (ingest does); without it, it starts a story of one. */
  cluster?: ClusterRequest;
  /** The attributed statements of the new text (ingest extracts them): they replace the old ones when the body changes. */
  statements?: readonly StatementInput[];
  /** The page fetched again for this edit, kept in place of the earlier one. */
  page?: KeptPage;
  /** The item as the feed now gives it: a kept page is rebuilt with it (when no new page came). */
  item?: FeedItem;
}

/**
 * Applies a publisher's edit: when the headline, the body's text or the excerpt differs from the
 * stored one by more than whitespace, the previous headline and body go to article_revisions and
 * the article takes the new ones with `revised_at`, all in one transaction; a story of one is
 * renamed with its article (a story of several keeps the name clustering gave it). Returns whether
 * anything changed.
 */
export async function reviseArticle(
  db: Kysely<Database>,
  id: number,
  change: ArticleChange,
  now: string,
): Promise<boolean> {
  let storyId: number | null = null;
  const revised = await db.transaction().execute(async (trx) => {
    // Both locks, with or without statements: filing reads the article's row (writer-locks.ts).
    await takeWriterLocks(trx, { statements: true, clustering: true });
    let q = trx
      .selectFrom("articles")
      .select(["title", "body_html", "text", "excerpt", "story_id", "sort_at"])
      .where("id", "=", id);
    // A poll and a push revising one article at once: the second compares with the first's result.
    if (isPostgres(trx)) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return false;
    const feed = change.feed;
    if (feed) {
      const state = { digest: feed.digest, body_from_page: feed.bodyFromPage ? 1 : 0 };
      await trx
        .insertInto("article_feed_state")
        .values({ article_id: id, ...state })
        .onConflict((oc) => oc.column("article_id").doUpdateSet(state))
        .execute();
    }
    if (change.page) await keepArticlePage(trx, id, change.page);
    else if (change.item) await updateKeptItem(trx, id, change.item);
    // A page still to be fetched is built with the item as the feed now gives it.
    if (change.item) await updateRetryItem(trx, id, change.item);
    const title = change.title !== undefined && !sameText(change.title, row.title) ? change.title : null;
    const body = change.body && !sameText(change.body.text, row.text) ? change.body : null;
    const excerpt =
      change.excerpt !== undefined && !sameText(change.excerpt ?? "", row.excerpt ?? "")
        ? { excerpt: change.excerpt }
        : null;
    if (title === null && body === null && excerpt === null) return false;
    await trx
      .insertInto("article_revisions")
      .values({ article_id: id, title: row.title, body_html: row.body_html, replaced_at: change.revisedAt })
      .execute();
    await trx
      .updateTable("articles")
      .set({
        ...(title !== null ? { title } : {}),
        ...(body ?? {}),
        ...(excerpt ?? {}),
        revised_at: change.revisedAt,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (body !== null && change.statements)
      await replaceArticleStatements(trx, id, row.sort_at, change.statements, now);
    // A new body without its statements (their extraction failed): the backfill extracts them again.
    else if (body !== null)
      await trx.updateTable("articles").set({ statements_at: null }).where("id", "=", id).execute();
    storyId = row.story_id == null ? null : Number(row.story_id);
    return true;
  });
  // A story is named and led by its representative report: its summary follows the edit, refreshed
  // after the commit (clustering.ts `summarizeStory`).
  if (revised && storyId !== null) await summarizeStory(db, storyId, now);
  return revised;
}

/** An article's earlier versions, newest first: what each headline and body was until replaced_at. */
export async function listArticleRevisions(
  db: Kysely<Database>,
  articleId: number,
): Promise<ArticleRevision[]> {
  return db
    .selectFrom("article_revisions")
    .selectAll()
    .where("article_id", "=", articleId)
    .orderBy("replaced_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/**
 * A publication time more than this past the moment we fetched the item is a wrong clock or a typo
 * ("2036"), not news from the future; an hour allows for publishers' clocks running fast.
 */
const FUTURE_TOLERANCE_MS = 3_600_000;

/**
 * The article's place in newest-first order: its publication time, unless that lies in the future,
 * where it would sit on top of every list and, as the newest story, empty the front page's window.
 */
export function sortTime(publishedAt: string | null, fetchedAt: string): string {
  if (!publishedAt) return fetchedAt;
  return Date.parse(publishedAt) <= Date.parse(fetchedAt) + FUTURE_TOLERANCE_MS ? publishedAt : fetchedAt;
}

/** What ingest knows about an article beyond its row: its outlet, and what its feed said. */
export interface ArticleOrigin {
  /** With `article.url_key`: store nothing if the outlet already has an article under that key. */
  outlet?: Outlet;
  feed?: { digest: string; bodyFromPage: boolean };
  /** File the article into a story by clustering (ingest does); without it, it starts a story of one. */
  cluster?: ClusterRequest;
  /** The article's attributed statements (ingest extracts them before the transaction). */
  statements?: readonly StatementInput[];
  /** The page it was built from, kept for re-extraction (absent when pages are not kept). */
  page?: KeptPage;
  /** Its page failed for a passing reason: fetch it again later (storage/page-retries.ts). */
  pageRetry?: PageRetryInput;
}

/**
 * Stores a new article with its topics and statements and files it into a story (by clustering when
 * `origin.cluster` is given, else a story of one), in up to three transactions. The first
 * (`storeArticle`) writes the article and what comes with it, in parallel with other writers; the
 * second writes its statements, serialized with other statement writers; the last files it,
 * serialized with other filings (article-filing.ts). A process stopped before the last leaves the
 * article in no story, which the minute's sweep files (ingest/file-unfiled.ts). Nothing
 * changes if the source already has that guid (a concurrent or resumed fetch got there first), nor if
 * `origin.outlet` already has an article under its url_key (the same report through another of the
 * outlet's feeds). Returns whether a row was added.
 */
export async function insertArticle(
  db: Kysely<Database>,
  article: NewArticle,
  topics: readonly string[] = [],
  origin: ArticleOrigin = {},
): Promise<boolean> {
  const stored = await storeArticle(db, article, topics, origin);
  if (!stored) return false;
  if (origin.statements)
    await writeArticleStatements(
      db,
      stored,
      { of: article.text, list: origin.statements },
      article.created_at,
    );
  await fileArticle(db, stored, origin.cluster ? { cluster: origin.cluster } : {}, article.created_at);
  return true;
}

/**
 * insertArticle's first transaction: the article in no story yet, its kept page, page retry, feed
 * state and topics. It takes no lock shared by every writer; the key check and the insert are
 * serialized per key: SQLite's IMMEDIATE transactions take the write lock first; on PostgreSQL an
 * advisory lock on the key, held to commit. Returns what filing the article needs, or null when
 * nothing was stored.
 */
export async function storeArticle(
  db: Kysely<Database>,
  article: NewArticle,
  topics: readonly string[] = [],
  origin: Omit<ArticleOrigin, "cluster" | "statements"> = {},
): Promise<ArticleToFile | null> {
  const sortAt = sortTime(article.published_at ?? null, article.fetched_at);
  return db.transaction().execute(async (trx) => {
    const key = article.url_key ?? null;
    if (key && origin.outlet) {
      if (isPostgres(trx))
        await sql`select pg_advisory_xact_lock(hashtextextended(${`url_key:${key}`}::text, 0))`.execute(trx);
      const outlet = origin.outlet;
      if ((await urlKeyHolders(trx, [key])).some((h) => isSameOutlet(h, outlet))) return null;
    }
    const row = await trx
      .insertInto("articles")
      .values({ ...article, sort_at: sortAt, story_id: null })
      .onConflict((oc) => oc.columns(["source_id", "guid"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return null;
    const id = Number(row.id);
    if (origin.page) await keepArticlePage(trx, id, origin.page);
    if (origin.pageRetry) await recordPageRetry(trx, id, origin.pageRetry);
    if (origin.feed) {
      await trx
        .insertInto("article_feed_state")
        .values({
          article_id: id,
          digest: origin.feed.digest,
          body_from_page: origin.feed.bodyFromPage ? 1 : 0,
        })
        .execute();
    }
    const bySlug = new Map<string, string>();
    for (const name of topics) {
      const clean = withoutControlChars(name).replace(/\s+/g, " ").trim().slice(0, TOPIC_MAX_CHARS);
      const slug = clean ? slugify(clean, "") : "";
      if (slug && !bySlug.has(slug)) bySlug.set(slug, clean);
    }
    const values = [...bySlug].slice(0, TOPICS_PER_ARTICLE).map(([slug, name]) => ({
      article_id: id,
      slug,
      name,
      sort_at: sortAt,
    }));
    if (values.length > 0) await trx.insertInto("article_topics").values(values).execute();
    return { id, sourceId: article.source_id, title: article.title, sortAt };
  });
}

/** A feed category longer than this is a sentence, not a topic; it is cut. */
const TOPIC_MAX_CHARS = 80;
/** Feeds that tag an item with dozens of keywords keep their first this many as topics. */
const TOPICS_PER_ARTICLE = 12;

/**
 * Every column of ArticlesTable by name, not "articles.*": a read takes exactly what the type
 * declares, and a wide column added for another reader (such as the tsvector PostgreSQL's search
 * index kept here until migration 0026) does not ride along on every article read.
 */
export const ARTICLE_COLUMNS = [
  "articles.id",
  "articles.source_id",
  "articles.guid",
  "articles.url",
  "articles.canonical_url",
  "articles.title",
  "articles.byline",
  "articles.published_at",
  "articles.lead_image_url",
  "articles.lead_image_alt",
  "articles.lead_image_caption",
  "articles.lead_image_credit",
  "articles.lead_image_width",
  "articles.lead_image_height",
  "articles.body_html",
  "articles.text",
  "articles.excerpt",
  "articles.language",
  "articles.fetched_at",
  "articles.created_at",
  "articles.updated_at",
  "articles.sort_at",
  "articles.story_id",
  "articles.comments_closed",
  "articles.near_duplicate_of",
  "articles.url_key",
  "articles.revised_at",
  "articles.statements_at",
  "articles.agency",
] as const satisfies ReadonlyArray<`articles.${keyof ArticlesTable}`>;
// A column added to ArticlesTable but not to the list above fails the build here.
type UnlistedColumn = Exclude<`articles.${keyof ArticlesTable}`, (typeof ARTICLE_COLUMNS)[number]>;
true satisfies [UnlistedColumn] extends [never] ? true : UnlistedColumn;

/** Articles joined with their source's name, address and display mode. */
export function withSource(db: Kysely<Database>) {
  return db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select(ARTICLE_COLUMNS)
    .select([
      "sources.title as source_title",
      "sources.url as source_url",
      "sources.site_url as source_site_url",
      "sources.display_mode as source_display_mode",
    ]);
}

/** One page of a newest-first list: rows after `before` (the last row of the previous page). */
export interface PageCursor {
  sortAt: string;
  id: number;
}

/**
 * Rows that come after `before` in (sort time, id) descending order: the keyset condition every
 * newest-first list shares, so a page costs one index seek at any depth.
 */
export function afterCursor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  sortColumn: ReferenceExpression<DB, TB>,
  idColumn: ReferenceExpression<DB, TB>,
  before: PageCursor,
) {
  return eb.or([
    eb(sortColumn, "<", before.sortAt),
    eb.and([eb(sortColumn, "=", before.sortAt), eb(idColumn, "<", before.id)]),
  ]);
}

/** Newest first by publication time (fetch time when the feed gave none), optionally one source's. */
export async function listLatestArticles(
  db: Kysely<Database>,
  limit: number,
  options: { sourceId?: number; before?: PageCursor } = {},
): Promise<ArticleWithSource[]> {
  let q = withSource(db);
  if (options.sourceId !== undefined) q = q.where("articles.source_id", "=", options.sourceId);
  const before = options.before;
  if (before) q = q.where((eb) => afterCursor(eb, "articles.sort_at", "articles.id", before));
  return q.orderBy("articles.sort_at", "desc").orderBy("articles.id", "desc").limit(limit).execute();
}

export async function findArticleById(
  db: Kysely<Database>,
  id: number,
): Promise<ArticleWithSource | undefined> {
  // Every article page reads it: prepared, so each connection plans it once.
  const query = withSource(db).where("articles.id", "=", id);
  return (await db.executeQuery(prepared(query.compile()))).rows[0];
}

export async function countArticles(db: Kysely<Database>, sourceId?: number): Promise<number> {
  let q = db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
  if (sourceId !== undefined) q = q.where("source_id", "=", sourceId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The articles with these ids, in the order given (a search's ranking); ids not found are skipped. */
export async function listArticlesByIds(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<ArticleWithSource[]> {
  if (ids.length === 0) return [];
  const rows = await withSource(db)
    .where("articles.id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
