/**
 * @module Repository for comments, moderation: the queue with everything a moderator may see (email,
 * address, why it was held), status changes and deletions in bulk, edits, and closing an article.
 * For the admin area only; public code reads comments.ts.
 */
import type { Kysely } from "kysely";
import { deleteCommentsKeepingReplies } from "./comment-writes.ts";
import type { CommentStatus, Database } from "./schema.ts";

/** A comment as moderators see it. */
export interface ModerationComment {
  id: number;
  article_id: number;
  article_title: string;
  /** The article's own columns that decide whether it still takes comments (comments/closing.ts). */
  article_comments_closed: number;
  article_published_at: string | null;
  article_sort_at: string;
  parent_id: number | null;
  author_name: string;
  author_email: string;
  author_url: string | null;
  author_ip: string | null;
  user_agent: string | null;
  body_source: string;
  body_html: string;
  status: CommentStatus;
  held_reasons: string | null;
  created_at: string;
  updated_at: string | null;
  approved_at: string | null;
}

export interface ModerationPage {
  comments: ModerationComment[];
  total: number;
}

/**
 * One page of comments in a status (or all), newest first unless `oldestFirst` (the pending queue is
 * worked through in arrival order); `page` counts from 1.
 */
export async function listComments(
  db: Kysely<Database>,
  options: {
    status?: CommentStatus;
    page?: number;
    perPage?: number;
    articleId?: number;
    oldestFirst?: boolean;
  } = {},
): Promise<ModerationPage> {
  const direction = options.oldestFirst ? "asc" : "desc";
  const perPage = Math.min(Math.max(options.perPage ?? 50, 1), 500);
  const page = Math.max(options.page ?? 1, 1);
  let base = db.selectFrom("comments");
  if (options.status) base = base.where("comments.status", "=", options.status);
  if (options.articleId !== undefined) base = base.where("comments.article_id", "=", options.articleId);
  const [rows, count] = await Promise.all([
    base
      .innerJoin("articles", "articles.id", "comments.article_id")
      .select([
        "comments.id",
        "comments.article_id",
        "articles.title as article_title",
        "articles.comments_closed as article_comments_closed",
        "articles.published_at as article_published_at",
        "articles.sort_at as article_sort_at",
        "comments.parent_id",
        "comments.author_name",
        "comments.author_email",
        "comments.author_url",
        "comments.author_ip",
        "comments.user_agent",
        "comments.body_source",
        "comments.body_html",
        "comments.status",
        "comments.held_reasons",
        "comments.created_at",
        "comments.updated_at",
        "comments.approved_at",
      ])
      .orderBy("comments.created_at", direction)
      .orderBy("comments.id", direction)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    comments: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      article_id: Number(r.article_id),
      article_comments_closed: Number(r.article_comments_closed),
      parent_id: r.parent_id === null ? null : Number(r.parent_id),
    })),
    total: Number(count.n),
  };
}

/** One comment with its moderator-only columns, or undefined. */
export async function findCommentForModeration(
  db: Kysely<Database>,
  id: number,
): Promise<ModerationComment | undefined> {
  const page = await db
    .selectFrom("comments")
    .innerJoin("articles", "articles.id", "comments.article_id")
    .selectAll("comments")
    .select([
      "articles.title as article_title",
      "articles.comments_closed as article_comments_closed",
      "articles.published_at as article_published_at",
      "articles.sort_at as article_sort_at",
    ])
    .where("comments.id", "=", id)
    .executeTakeFirst();
  if (!page) return undefined;
  return {
    id: Number(page.id),
    article_id: Number(page.article_id),
    article_title: page.article_title,
    article_comments_closed: Number(page.article_comments_closed),
    article_published_at: page.article_published_at,
    article_sort_at: page.article_sort_at,
    parent_id: page.parent_id === null ? null : Number(page.parent_id),
    author_name: page.author_name,
    author_email: page.author_email,
    author_url: page.author_url,
    author_ip: page.author_ip,
    user_agent: page.user_agent,
    body_source: page.body_source,
    body_html: page.body_html,
    status: page.status,
    held_reasons: page.held_reasons,
    created_at: page.created_at,
    updated_at: page.updated_at,
    approved_at: page.approved_at,
  };
}

/**
 * Sets the status of these comments; approving stamps approved_at (first approval kept). Returns the
 * ids that were newly approved (not approved before), so the caller can send reply notices for them.
 * Approval is one UPDATE of the not-yet-approved rows RETURNING their ids: of two concurrent approvals
 * on PostgreSQL the second waits on the row locks, re-checks the status and reports none of them (a
 * read-then-update let both report every comment, so reply notices went out twice). Comments already
 * approved are left untouched (no updated_at change, no page cache invalidation).
 */
export async function setCommentStatus(
  db: Kysely<Database>,
  ids: readonly number[],
  status: CommentStatus,
  now: Date,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const at = now.toISOString();
  if (status === "approved") {
    const rows = await db
      .updateTable("comments")
      .set((eb) => ({ status, updated_at: at, approved_at: eb.fn.coalesce("approved_at", eb.val(at)) }))
      .where("id", "in", [...ids])
      .where("status", "<>", "approved")
      .returning("id")
      .execute();
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
  await db
    .updateTable("comments")
    .set({ status, updated_at: at })
    .where("id", "in", [...ids])
    .execute();
  return [];
}

/**
 * Replaces a comment's text (the moderator's edit): the source and its rendered, sanitized HTML, and
 * with `author` the name and website too, in the same UPDATE. False when no such comment.
 */
export async function editComment(
  db: Kysely<Database>,
  id: number,
  source: string,
  html: string,
  now: Date,
  author?: { name: string; website: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable("comments")
    .set({
      body_source: source,
      body_html: html,
      updated_at: now.toISOString(),
      ...(author ? { author_name: author.name, author_url: author.website } : {}),
    })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * Deletes comments for good; replies to them are kept and move up a level. With `onlyStatuses`, only
 * the comments in those statuses are deleted, checked inside the deleting transaction (under the row
 * lock on PostgreSQL), so one restored meanwhile is kept. Returns how many were deleted.
 */
export async function deleteComments(
  db: Kysely<Database>,
  ids: readonly number[],
  options: { onlyStatuses?: readonly CommentStatus[] } = {},
): Promise<number> {
  return db.transaction().execute((trx) => deleteCommentsKeepingReplies(trx, ids, options.onlyStatuses));
}

/** Closes (or reopens) comments on one article. */
export async function closeComments(db: Kysely<Database>, articleId: number, closed: boolean): Promise<void> {
  await db
    .updateTable("articles")
    .set({ comments_closed: closed ? 1 : 0 })
    .where("id", "=", articleId)
    .execute();
}
