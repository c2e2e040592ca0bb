/** @module Repository for articles: one row per feed item, written whole or not at all. */
import type { ExpressionBuilder, Kysely, ReferenceExpression } from "kysely";
import { slugify } from "../util/slug.ts";
import type { Article, ArticlesTable, Database, DisplayMode, NewArticle } from "./schema.ts";

/** An article joined with the name and address of the source it came from. */
export type ArticleWithSource = Article & {
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
  source_display_mode: DisplayMode;
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
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("articles")
      .set({ title, updated_at: now })
      .where("id", "=", id)
      .returning("story_id")
      .executeTakeFirst();
    // A story of one is named by its article; a story of several keeps the name clustering gave it.
    if (row?.story_id != null) {
      await trx
        .updateTable("stories")
        .set({ title, updated_at: now })
        .where("id", "=", Number(row.story_id))
        .where("article_count", "=", 1)
        .execute();
    }
  });
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

/**
 * Stores a new article with its topics, and starts the story of one it belongs to until clustering
 * says otherwise, in one transaction. If the source already has that guid (a concurrent or resumed
 * fetch got there first) nothing changes. Returns whether a row was added.
 */
export async function insertArticle(
  db: Kysely<Database>,
  article: NewArticle,
  topics: readonly string[] = [],
): Promise<boolean> {
  const sortAt = sortTime(article.published_at ?? null, article.fetched_at);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("articles")
      .values({ ...article, sort_at: sortAt, story_id: null })
      .onConflict((oc) => oc.columns(["source_id", "guid"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    const story = await trx
      .insertInto("stories")
      .values({
        title: article.title,
        last_published_at: sortAt,
        first_published_at: sortAt,
        created_at: article.created_at,
        updated_at: article.updated_at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("articles").set({ story_id: story.id }).where("id", "=", row.id).execute();
    const bySlug = new Map<string, string>();
    for (const name of topics) {
      const clean = name.replace(/\s+/g, " ").trim().slice(0, TOPIC_MAX_CHARS);
      const slug = clean ? slugify(clean, "") : "";
      if (slug && !bySlug.has(slug)) bySlug.set(slug, clean);
    }
    const values = [...bySlug].slice(0, TOPICS_PER_ARTICLE).map(([slug, name]) => ({
      article_id: row.id,
      slug,
      name,
      sort_at: sortAt,
    }));
    if (values.length > 0) await trx.insertInto("article_topics").values(values).execute();
    return true;
  });
}

/** A feed category longer than this is a sentence, not a topic; it is cut. */
const TOPIC_MAX_CHARS = 80;
/** Feeds that tag an item with dozens of keywords keep their first this many as topics. */
const TOPICS_PER_ARTICLE = 12;

/**
 * Every column of ArticlesTable by name, not "articles.*": PostgreSQL's search index column
 * (search/, a tsvector as large as the text) must not ride along on every article read.
 */
const ARTICLE_COLUMNS = [
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
  return withSource(db).where("articles.id", "=", id).executeTakeFirst();
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
