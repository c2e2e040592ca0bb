/**
 * @module GET and POST /admin/comments/:id/edit: a moderator edits a comment's name, website and text.
 * The new text goes through the same Markdown subset and sanitizer as a posted comment, so an edit
 * can no more carry markup than the commenter could.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseCommentForm } from "../../comments/form.ts";
import { renderCommentBody } from "../../comments/render-body.ts";
import {
  editComment,
  findCommentForModeration,
  type ModerationComment,
} from "../../storage/comment-moderation.ts";
import type { WebContext } from "../context.ts";
import { CommentEditPage, type CommentEditProps } from "./comment-edit-page.tsx";
import { queuePath } from "./moderation-params.ts";
import { sendAdminMessage, sendAdminPage } from "./respond.tsx";
import { signedIn } from "./session.ts";

async function loadComment(ctx: WebContext, req: FastifyRequest): Promise<ModerationComment | undefined> {
  const raw = (req.params as { id?: string }).id ?? "";
  return /^\d{1,15}$/.test(raw) ? findCommentForModeration(ctx.db, Number(raw)) : undefined;
}

function missing(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  return sendAdminMessage(ctx, req, reply, 404, {
    title: "No such comment",
    message: "That comment does not exist; it may have been deleted for good.",
    link: { href: "/admin/comments", label: "Back to the comments" },
  });
}

function send(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  c: ModerationComment,
  form: Pick<CommentEditProps, "values" | "errors">,
  status = 200,
) {
  const page = (
    <CommentEditPage
      csrf={signedIn(req).csrf}
      id={c.id}
      articleTitle={c.article_title}
      email={c.author_email}
      backHref={queuePath(c.status)}
      maxChars={ctx.config.commentMaxChars}
      {...form}
    />
  );
  return sendAdminPage(ctx, req, reply, "Edit comment", page, status);
}

/** GET /admin/comments/:id/edit */
export async function showCommentEdit(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const c = await loadComment(ctx, req);
  if (!c) return missing(ctx, req, reply);
  const values = { name: c.author_name, website: c.author_url ?? "", body: c.body_source };
  return send(ctx, req, reply, c, { values, errors: {} });
}

/** POST /admin/comments/:id/edit (the CSRF check has passed). */
export async function saveCommentEdit(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const c = await loadComment(ctx, req);
  if (!c) return missing(ctx, req, reply);
  const body = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {};
  // The comment form's own checks for name, website and text; the email is the comment's, not editable.
  const form = parseCommentForm(
    { name: body.name, website: body.website, comment: body.comment, email: c.author_email },
    ctx.config.commentMaxChars,
  );
  if (!form.ok) {
    const { name, website, body: text } = form.input;
    return send(ctx, req, reply, c, { values: { name, website, body: text }, errors: form.errors }, 422);
  }
  const v = form.value;
  await editComment(ctx.db, c.id, v.body, renderCommentBody(v.body), new Date(), {
    name: v.name,
    website: v.website,
  });
  req.log.info({ user_id: signedIn(req).user.id, comment_id: c.id }, "comment edited");
  return reply.redirect(`${queuePath(c.status, 1, { key: "edited" })}#c-${c.id}`, 303);
}
