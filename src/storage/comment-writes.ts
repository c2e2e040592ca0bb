/**
 * @module Repository for comments, the writes: posting (parent, depth and row in one transaction),
 * deleting with replies kept, and the reply-notice lookup. Moderation's writes are in comment-moderation.ts.
 */
import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "./db.ts";
import type { CommentStatus, Database } from "./schema.ts";

export interface NewCommentInput {
  articleId: number;
  parentId: number | null;
  name: string;
  email: string;
  website: string | null;
  bodySource: string;
  bodyHtml: string;
  status: Exclude<CommentStatus, "trash">;
  heldReasons: string[];
  ip: string | null;
  userAgent: string | null;
  contentHash: string;
  notify: boolean;
}

/** The comment replied to, as the placement function sees it. */
export interface ParentPlace {
  id: number;
  depth: number;
  parent_id: number | null;
}

/** Where a new comment goes in the thread (comments/thread.ts placeReply with the depth limit). */
export type PlaceReply = (parent: ParentPlace | null) => { parentId: number | null; depth: number };

export type InsertResult =
  | { ok: true; id: number; parentId: number | null; depth: number }
  /** The comment replied to is not an approved comment of this article (deleted, held, elsewhere). */
  | { ok: false; reason: "no-parent" };

/**
 * Stores a comment. The parent is read and the depth set in the same transaction as the insert, so a
 * parent deleted meanwhile cannot leave a dangling reply; `place` decides parent and depth (a reply
 * past the depth limit joins its parent's level). On PostgreSQL the parent is read FOR SHARE: a
 * deletion that got there first has committed (the parent is gone: "no-parent"), one that comes later
 * waits for this insert and then moves the new reply up instead of cascading it away.
 */
export async function insertComment(
  db: Kysely<Database>,
  c: NewCommentInput,
  place: PlaceReply,
  now: Date,
): Promise<InsertResult> {
  return db.transaction().execute(async (trx) => {
    let parent: ParentPlace | null = null;
    if (c.parentId !== null) {
      const query = trx
        .selectFrom("comments")
        .select(["id", "depth", "parent_id"])
        .where("id", "=", c.parentId)
        .where("article_id", "=", c.articleId)
        .where("status", "=", "approved");
      // SQLite has no FOR SHARE and needs none: its IMMEDIATE transaction already excludes writers.
      const row = await (isPostgres(trx) ? query.forShare() : query).executeTakeFirst();
      if (!row) return { ok: false, reason: "no-parent" } as const;
      parent = {
        id: Number(row.id),
        depth: Number(row.depth),
        parent_id: row.parent_id === null ? null : Number(row.parent_id),
      };
    }
    const spot = place(parent);
    const at = now.toISOString();
    const inserted = await trx
      .insertInto("comments")
      .values({
        article_id: c.articleId,
        parent_id: spot.parentId,
        author_name: c.name,
        author_email: c.email,
        author_url: c.website,
        body_html: c.bodyHtml,
        body_source: c.bodySource,
        status: c.status,
        author_ip: c.ip,
        user_agent: c.userAgent,
        depth: spot.depth,
        content_hash: c.contentHash,
        held_reasons: c.heldReasons.length > 0 ? c.heldReasons.join("\n") : null,
        notify_replies: c.notify ? 1 : 0,
        created_at: at,
        approved_at: c.status === "approved" ? at : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, id: Number(inserted.id), parentId: spot.parentId, depth: spot.depth } as const;
  });
}

/**
 * Deletes comments by id, only those in `onlyStatuses` when given. Replies are other people's words, so
 * they are kept: each deleted comment's replies move up to its parent (their stored depth may then
 * overstate by one, which only limits how deep replies to them nest). Returns how many were deleted.
 * On PostgreSQL the comments are first locked FOR UPDATE (in id order, so two deletions cannot
 * deadlock), with the status filter checked under that lock: a reply being posted to one of them
 * (insertComment holds its parent FOR SHARE) is committed before its replies are moved, and a comment
 * restored meanwhile is no longer in the statuses and is kept.
 */
export async function deleteCommentsKeepingReplies(
  trx: Transaction<Database>,
  ids: readonly number[],
  onlyStatuses?: readonly CommentStatus[],
): Promise<number> {
  if (ids.length === 0 || onlyStatuses?.length === 0) return 0;
  let query = trx
    .selectFrom("comments")
    .select("id")
    .where("id", "in", [...ids])
    .orderBy("id");
  if (onlyStatuses) query = query.where("status", "in", [...onlyStatuses]);
  const targets = await (isPostgres(trx) ? query.forUpdate() : query).execute();
  let deleted = 0;
  for (const { id } of targets) {
    const row = await trx.selectFrom("comments").select("parent_id").where("id", "=", id).executeTakeFirst();
    if (!row) continue;
    await trx.updateTable("comments").set({ parent_id: row.parent_id }).where("parent_id", "=", id).execute();
    const res = await trx.deleteFrom("comments").where("id", "=", id).executeTakeFirst();
    deleted += Number(res.numDeletedRows);
  }
  return deleted;
}

/** Deletes every comment from this (lower-cased) email, replies by others kept. */
export async function deleteCommentsByEmail(db: Kysely<Database>, email: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("comments").select("id").where("author_email", "=", email).execute();
    return deleteCommentsKeepingReplies(
      trx,
      rows.map((r) => Number(r.id)),
    );
  });
}

/** What a reply notice needs: the reply (approved) and its parent's author, when they asked for notices. */
export interface ReplyNotice {
  replyId: number;
  articleId: number;
  articleTitle: string;
  replyAuthor: string;
  replyBody: string;
  parentAuthor: string;
  /** The parent commenter's address: for the outbox only, never for a page. */
  parentEmail: string;
}

/**
 * The notice to send for this reply, or null when there is none to send: the reply is not approved,
 * has no parent, the parent did not tick "notify me", is not approved, or is by the same address.
 */
export async function findReplyNotice(db: Kysely<Database>, replyId: number): Promise<ReplyNotice | null> {
  const row = await db
    .selectFrom("comments as r")
    .innerJoin("comments as p", "p.id", "r.parent_id")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .select([
      "r.id as reply_id",
      "r.article_id",
      "a.title as article_title",
      "r.author_name as reply_author",
      "r.body_source as reply_body",
      "r.author_email as reply_email",
      "p.author_name as parent_author",
      "p.author_email as parent_email",
    ])
    .where("r.id", "=", replyId)
    .where("r.status", "=", "approved")
    .where("p.status", "=", "approved")
    .where("p.notify_replies", "=", 1)
    .executeTakeFirst();
  if (!row || row.reply_email === row.parent_email) return null;
  return {
    replyId: Number(row.reply_id),
    articleId: Number(row.article_id),
    articleTitle: row.article_title,
    replyAuthor: row.reply_author,
    replyBody: row.reply_body,
    parentAuthor: row.parent_author,
    parentEmail: row.parent_email,
  };
}
