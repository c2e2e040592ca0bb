/**
 * @module Reads that pages make of stories, batched by story id: each story's members (light rows,
 * no bodies), the articles cards show, the topics of stories, and where a merged story went.
 */
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { ARTICLE_COLUMNS, type ArticleWithSource, withSource } from "./articles.ts";
import type { Database, DisplayMode } from "./schema.ts";

/** One report of a story as lists of reports need it: no body, no text. */
export interface StoryMember {
  id: number;
  story_id: number;
  source_id: number;
  title: string;
  url: string;
  sort_at: string;
  revised_at: string | null;
  near_duplicate_of: number | null;
  language: string | null;
  /** The report has a lead image (shown only when its source allows full text). */
  has_image: boolean;
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
  source_display_mode: DisplayMode;
  /** The operator's labels as stored (JSON text), or null. */
  source_labels: string | null;
}

type StoryIdQuery = SelectQueryBuilder<Database, "articles", { story_id: number | null }>;

const isQuery = (ids: readonly number[] | StoryIdQuery): ids is StoryIdQuery => !Array.isArray(ids);

/**
 * The query behind listStoryMembers (non-empty `storyIds`), for reads that fold it into one round trip;
 * `storyIds` may also be a query giving the story's id (the article page's own article's).
 */
export function storyMembersQuery(db: Kysely<Database>, storyIds: readonly number[] | StoryIdQuery) {
  return db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select([
      "articles.id",
      "articles.story_id",
      "articles.source_id",
      "articles.title",
      "articles.url",
      "articles.sort_at",
      "articles.revised_at",
      "articles.near_duplicate_of",
      "articles.language",
      "articles.lead_image_url",
      "sources.title as source_title",
      "sources.url as source_url",
      "sources.site_url as source_site_url",
      "sources.display_mode as source_display_mode",
      "sources.labels as source_labels",
    ])
    .where("articles.story_id", "in", isQuery(storyIds) ? storyIds : [...storyIds])
    .orderBy("articles.sort_at", "asc")
    .orderBy("articles.id", "asc");
}

type StoryMemberRow = Awaited<ReturnType<ReturnType<typeof storyMembersQuery>["execute"]>>[number];

export function toStoryMember({ lead_image_url, ...r }: StoryMemberRow): StoryMember {
  return {
    ...r,
    id: Number(r.id),
    story_id: Number(r.story_id),
    source_id: Number(r.source_id),
    near_duplicate_of: r.near_duplicate_of === null ? null : Number(r.near_duplicate_of),
    has_image: lead_image_url !== null,
  };
}

/** Every member of the stories in `storyIds`, oldest first: one query, whatever the number of stories. */
export async function listStoryMembers(
  db: Kysely<Database>,
  storyIds: readonly number[],
): Promise<StoryMember[]> {
  if (storyIds.length === 0) return [];
  return (await storyMembersQuery(db, storyIds).execute()).map(toStoryMember);
}

/** How much of an article's text a card reads: an excerpt-only source's 60 words fit many times over. */
const CARD_TEXT_CHARS = 2000;

/**
 * Every column a card presents, the body left out and the text cut: a front page shows dozens of
 * cards and needs neither (presenters/article.ts reads the text only for an excerpt-only source's summary).
 */
type CardColumn = Exclude<(typeof ARTICLE_COLUMNS)[number], "articles.body_html" | "articles.text">;
const CARD_COLUMNS = ARTICLE_COLUMNS.filter(
  (c): c is CardColumn => c !== "articles.body_html" && c !== "articles.text",
);

/** The articles with these ids as cards need them (empty body, text cut), keyed by id. */
export async function listCardArticles(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, ArticleWithSource>> {
  const out = new Map<number, ArticleWithSource>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select(CARD_COLUMNS)
    .select([
      sql<string>`''`.as("body_html"),
      sql<string>`substr(articles.text, 1, ${sql.lit(CARD_TEXT_CHARS)})`.as("text"),
      "sources.title as source_title",
      "sources.url as source_url",
      "sources.site_url as source_site_url",
      "sources.display_mode as source_display_mode",
    ])
    .where("articles.id", "in", [...new Set(ids)])
    .execute();
  for (const r of rows) out.set(Number(r.id), r);
  return out;
}

/** The topics of the stories in `storyIds` (any member's feed categories), one row per story and topic. */
export async function listStoryTopics(
  db: Kysely<Database>,
  storyIds: readonly number[],
): Promise<Array<{ storyId: number; slug: string; name: string }>> {
  if (storyIds.length === 0) return [];
  const rows = await db
    .selectFrom("article_topics")
    .innerJoin("articles", "articles.id", "article_topics.article_id")
    .select(["articles.story_id", "article_topics.slug", (eb) => eb.fn.max("article_topics.name").as("name")])
    .where("articles.story_id", "in", [...storyIds])
    .groupBy(["articles.story_id", "article_topics.slug"])
    .execute();
  return rows.map((r) => ({ storyId: Number(r.story_id), slug: r.slug, name: String(r.name) }));
}

/** Merges are rare and chains short; a longer one is a loop in bad data, not a reason to spin. */
const MAX_REDIRECT_HOPS = 20;

/**
 * Where story `id` lives now if it was merged away: the end of its redirect chain, or undefined
 * when it was never merged (or the chain loops).
 */
export async function findStoryRedirect(db: Kysely<Database>, id: number): Promise<number | undefined> {
  const seen = new Set<number>([id]);
  let current = id;
  for (let hop = 0; hop < MAX_REDIRECT_HOPS; hop++) {
    const row = await db
      .selectFrom("story_redirects")
      .select("to_id")
      .where("from_id", "=", current)
      .executeTakeFirst();
    if (!row) return current === id ? undefined : current;
    current = Number(row.to_id);
    if (seen.has(current)) return undefined;
    seen.add(current);
  }
  return undefined;
}

/** A story's newest `limit` articles, newest first, whole (its feed carries bodies). */
export async function listNewestStoryArticles(
  db: Kysely<Database>,
  storyId: number,
  limit: number,
): Promise<ArticleWithSource[]> {
  return withSource(db)
    .where("articles.story_id", "=", storyId)
    .orderBy("articles.sort_at", "desc")
    .orderBy("articles.id", "desc")
    .limit(limit)
    .execute();
}
