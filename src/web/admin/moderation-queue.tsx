/**
 * @module GET and POST /admin/comments: the moderation queue, and its bulk and per-row actions
 * (approve, spam, trash, delete for good, close or reopen an article), each answered with a 303 back
 * to the same tab with a notice. Approving sends the reply notices of newly approved replies.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { commentsClosed } from "../../comments/closing.ts";
import { inertCommentHtml } from "../../sanitize/inert-comment.ts";
import {
  closeComments,
  deleteComments,
  listComments,
  type ModerationComment,
  setCommentStatus,
} from "../../storage/comment-moderation.ts";
import { countCommentsByStatus, idsInStatus } from "../../storage/comment-queue.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { notifyReply } from "../comments/notify-reply.ts";
import type { WebContext } from "../context.ts";
import { articlePath } from "../presenters/paths.ts";
import {
  ACTION_STATUS,
  DELETABLE,
  type DoneKey,
  PER_PAGE,
  parseQueueForm,
  parseQueueQuery,
  queuePath,
} from "./moderation-params.ts";
import { ModerationQueue, type QueueRow } from "./moderation-view.tsx";
import { sendAdminMessage, sendAdminPage } from "./respond.tsx";
import { signedIn } from "./session.ts";

/** "2026-11-20 10:00 UTC": moderators compare times across rows, so one zone and a sortable form. */
function utcDisplay(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function toRow(ctx: WebContext, c: ModerationComment, now: Date): QueueRow {
  const path = articlePath(c.article_id, c.article_title);
  const manual = c.article_comments_closed === 1;
  const article = {
    comments_closed: c.article_comments_closed,
    published_at: c.article_published_at,
    sort_at: c.article_sort_at,
  };
  return {
    id: c.id,
    name: c.author_name,
    email: c.author_email,
    website: c.author_url,
    ip: c.author_ip,
    createdIso: c.created_at,
    createdDisplay: utcDisplay(c.created_at),
    status: c.status,
    isReply: c.parent_id !== null,
    heldReasons: c.held_reasons ? c.held_reasons.split("\n").filter(Boolean) : [],
    bodyHtml: inertCommentHtml(c.body_html),
    article: {
      id: c.article_id,
      title: c.article_title,
      href: c.status === "approved" ? `${path}#comment-${c.id}` : path,
      closed: manual,
      closedByAge: !manual && commentsClosed(article, ctx.config.commentsCloseAfterDays, now),
    },
  };
}

/** GET /admin/comments?status=&page= */
export async function showQueue(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { csrf } = signedIn(req);
  const q = parseQueueQuery(req.query);
  const counts = await countCommentsByStatus(ctx.db);
  const lastPage = Math.max(1, Math.ceil(counts[q.status] / PER_PAGE));
  // A page past the end (after a bulk action emptied it) shows the last one instead of nothing.
  const page = Math.min(q.page, lastPage);
  const list = await listComments(ctx.db, {
    status: q.status,
    page,
    perPage: PER_PAGE,
    oldestFirst: q.status === "pending",
  });
  const now = new Date();
  return sendAdminPage(
    ctx,
    req,
    reply,
    "Comments",
    <ModerationQueue
      csrf={csrf}
      status={q.status}
      counts={counts}
      rows={list.comments.map((c) => toRow(ctx, c, now))}
      page={page}
      lastPage={lastPage}
      notice={q.notice}
    />,
  );
}

/** POST /admin/comments (the CSRF check has passed). */
export async function actOnQueue(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const form = parseQueueForm(req.body);
  if (!form)
    return sendAdminMessage(ctx, req, reply, 400, {
      title: "Nothing to do",
      message:
        "The form did not say which action to take. Go back to the queue, tick comments and pick an action.",
      link: { href: "/admin/comments", label: "Back to the comments" },
    });
  const { user } = signedIn(req);
  const now = new Date();
  const back = (key: DoneKey, n?: number) =>
    reply.redirect(queuePath(form.status, form.page, { key, n }), 303);
  const op = form.op;
  if (op.kind === "article") {
    await closeComments(ctx.db, op.articleId, op.closed);
    req.log.info(
      { user_id: user.id, article_id: op.articleId, closed: op.closed },
      "comments closed or reopened",
    );
    return back(op.closed ? "closed" : "reopened");
  }
  if (op.ids.length === 0) return back("none");
  if (op.kind === "delete") {
    // Only spam and trash may be deleted for good: a stale or forged form cannot remove a live comment,
    // nor can one restored while this request runs (the status is checked in the deleting transaction).
    const n = await deleteComments(ctx.db, op.ids, { onlyStatuses: DELETABLE });
    req.log.info({ user_id: user.id, ids: op.ids, deleted: n }, "comments deleted");
    return back("deleted", n);
  }
  const status = ACTION_STATUS[op.action];
  const changed = await idsInStatus(ctx.db, op.ids, ["pending", "approved", "spam", "trash"]);
  const newlyApproved = await setCommentStatus(ctx.db, changed, status, now);
  req.log.info({ user_id: user.id, ids: changed, status }, "comment status set");
  if (newlyApproved.length > 0) {
    const deps = { db: ctx.db, config: ctx.config, secret: await siteSecret(ctx.db, ctx.config) };
    for (const id of newlyApproved) await notifyReply(deps, id, now);
  }
  return back(op.action === "approve" ? "approved" : op.action, changed.length);
}
