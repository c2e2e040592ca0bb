/**
 * @module Repository for comments, the public reads: counts, an article's approved thread, the
 * latest approved comments for feeds, and the checks posting needs. No function here returns an
 * email address; where one is needed (avatars) it is turned into a keyed hash inside the function.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** How many approved comments an article has (pending, spam and trash are never counted or shown). */
export async function countApprovedComments(db: Kysely<Database>, articleId: number): Promise<number> {
  // Reads the (article_id, status) index only.
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Approved comment counts of several articles (a story page); articles without any are absent. */
export async function countApprovedCommentsFor(
  db: Kysely<Database>,
  articleIds: readonly number[],
): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("comments")
    .select(["article_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("article_id", "in", [...articleIds])
    .where("status", "=", "approved")
    .groupBy("article_id")
    .execute();
  return new Map(rows.map((r) => [Number(r.article_id), Number(r.n)]));
}

/** A comment as the public may see it. `avatar` is the keyed hash the caller's function made. */
export interface PublicComment {
  id: number;
  parent_id: number | null;
  author_name: string;
  author_url: string | null;
  body_html: string;
  created_at: string;
  depth: number;
  avatar: string;
}

/**
 * The approved comments of an article, oldest first. `avatarOf` turns each email into the keyed
 * avatar hash (keyedHash(secret, "avatar", email)); the address itself never leaves this function.
 */
export async function listApprovedThread(
  db: Kysely<Database>,
  articleId: number,
  avatarOf: (email: string) => string,
): Promise<PublicComment[]> {
  return toPublicComments(await approvedThreadQuery(db, articleId).execute(), avatarOf);
}

/** The query behind listApprovedThread, for reads that fold it into one round trip: its rows hold addresses. */
export function approvedThreadQuery(db: Kysely<Database>, articleId: number) {
  return db
    .selectFrom("comments")
    .select([
      "id",
      "parent_id",
      "author_name",
      "author_url",
      "body_html",
      "created_at",
      "depth",
      "author_email",
    ])
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .orderBy("created_at")
    .orderBy("id");
}

/** The public form of approvedThreadQuery's rows: each address becomes its avatar and goes no further. */
export function toPublicComments(
  rows: Awaited<ReturnType<ReturnType<typeof approvedThreadQuery>["execute"]>>,
  avatarOf: (email: string) => string,
): PublicComment[] {
  return rows.map((r) => ({
    id: Number(r.id),
    parent_id: r.parent_id === null ? null : Number(r.parent_id),
    author_name: r.author_name,
    author_url: r.author_url,
    body_html: r.body_html,
    created_at: r.created_at,
    depth: Number(r.depth),
    avatar: avatarOf(r.author_email),
  }));
}

/** An approved comment for a feed: public columns and the article it is on. */
export interface FeedComment {
  id: number;
  article_id: number;
  article_title: string;
  author_name: string;
  author_url: string | null;
  body_html: string;
  created_at: string;
  approved_at: string | null;
  /** Set when a moderator edited it. */
  updated_at: string | null;
}

/** The newest approved comments, site-wide or on one article, newest first. */
export async function listLatestApprovedComments(
  db: Kysely<Database>,
  limit: number,
  articleId?: number,
): Promise<FeedComment[]> {
  let q = db
    .selectFrom("comments")
    .innerJoin("articles", "articles.id", "comments.article_id")
    .select([
      "comments.id",
      "comments.article_id",
      "articles.title as article_title",
      "comments.author_name",
      "comments.author_url",
      "comments.body_html",
      "comments.created_at",
      "comments.approved_at",
      "comments.updated_at",
    ])
    .where("comments.status", "=", "approved");
  if (articleId !== undefined) q = q.where("comments.article_id", "=", articleId);
  const rows = await q
    .orderBy("comments.created_at", "desc")
    .orderBy("comments.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), article_id: Number(r.article_id) }));
}

/** Whether this (lower-cased) email has an approved comment: its next ones are approved automatically. */
export async function hasApprovedComment(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("author_email", "=", email)
    .where("status", "=", "approved")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the article already has a comment with this content hash (any status but trash). */
export async function hasDuplicateComment(
  db: Kysely<Database>,
  articleId: number,
  contentHash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("content_hash", "=", contentHash)
    .where("article_id", "=", articleId)
    .where("status", "!=", "trash")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many comments (any status) this email has: whether a deletion link is worth sending. */
export async function countCommentsByEmail(db: Kysely<Database>, email: string): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("author_email", "=", email)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
