/**
 * @module "Delete my comments": ask for a link by email (always the same answer, so the form says
 * nothing about who has commented), open the link to see a confirmation, confirm with a POST.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { openDeleteToken } from "../../comments/delete-token.ts";
import { parseEmail } from "../../comments/form.ts";
import { deleteCommentsByEmail } from "../../storage/comment-writes.ts";
import { countCommentsByEmail } from "../../storage/comments.ts";
import { takeRateToken } from "../../storage/rate-events.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { clientKey } from "../../util/client-key.ts";
import type { WebContext } from "../context.ts";
import { mailConfigured, sendDeleteLink } from "./notify-reply.ts";
import { sendCrossSite, sendMessage } from "./respond.tsx";
import { isSameOrigin } from "./same-origin.ts";

function notOffered(ctx: WebContext, reply: FastifyReply) {
  return sendMessage(ctx, reply, 404, {
    title: "Deletion links are not offered",
    lines: [
      "This site does not send email, so it cannot send a link to delete comments. Please contact the site's operator.",
    ],
    link: { href: "/", text: "Go to the front page" },
  });
}

function askAgain(ctx: WebContext, reply: FastifyReply) {
  return sendMessage(ctx, reply, 400, {
    title: "This link does not work",
    lines: ["The link is incomplete, altered or older than 48 hours. Ask for a new one below."],
    link: { href: "/comments/delete-link", text: "Email me a new link" },
  });
}

function field(body: unknown, name: string): string {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === "string" ? v : "";
}

/** GET /comments/delete-link: the form asking for an address. */
export async function deleteLinkForm(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  if (!mailConfigured(ctx.config)) return notOffered(ctx, reply);
  return sendMessage(ctx, reply, 200, {
    title: "Delete your comments",
    lines: [
      "Enter the email address you commented with. We will send it a link that deletes every comment posted with it.",
    ],
    emailForm: { action: "/comments/delete-link", button: "Email me the link" },
  });
}

/** POST /comments/delete-link: queues the link (limited per recipient and per network address). */
export async function deleteLinkRequest(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  if (!isSameOrigin(req, ctx.config.publicUrl)) return sendCrossSite(ctx, reply);
  if (!mailConfigured(ctx.config)) return notOffered(ctx, reply);
  // The comment form's own email check, so both forms accept the same addresses.
  const parsed = parseEmail(field(req.body, "email"));
  if (!parsed.ok) {
    return sendMessage(ctx, reply, 422, {
      title: "Delete your comments",
      lines: [parsed.error],
      emailForm: { action: "/comments/delete-link", button: "Email me the link" },
    });
  }
  const now = new Date();
  const rate = await takeRateToken(
    ctx.db,
    {
      bucket: "delete-link-ip",
      key: clientKey(req.ip),
      limit: ctx.config.commentRatePerIp,
      windowMs: 600_000,
    },
    now,
  );
  if (!rate.allowed) {
    reply.header("retry-after", String(rate.retryAfterSeconds));
    return sendMessage(ctx, reply, 429, {
      title: "Too many requests",
      lines: ["Too many links were asked for from your network address. Please try again in a few minutes."],
    });
  }
  const email = parsed.email;
  // Looked up and queued only once the answer has gone, so its timing is the same whether or not the
  // address has commented here (the page says the same either way).
  reply.raw.once("finish", () => {
    const work = (async () => {
      if ((await countCommentsByEmail(ctx.db, email)) === 0) return;
      const secret = await siteSecret(ctx.db, ctx.config);
      await sendDeleteLink({ db: ctx.db, config: ctx.config, secret }, email, now);
    })().catch((err: unknown) => req.log.error({ err }, "queueing a deletion link failed"));
    queueing.add(work);
    void work.finally(() => queueing.delete(work));
  });
  return sendMessage(ctx, reply, 200, {
    title: "Check your email",
    lines: [
      "If comments were posted here with that address, a link to delete them is on its way. It works for 48 hours.",
    ],
    link: { href: "/", text: "Go to the front page" },
  });
}

/** Deletion links being queued after their answers went out. */
const queueing = new Set<Promise<void>>();

/** Resolves when every deletion link asked for so far is queued (or failed, logged): for shutdown and tests. */
export async function deleteLinksQueued(): Promise<void> {
  await Promise.all([...queueing]);
}

/** GET /comments/delete?token=...: what the link would delete, and a button to confirm. */
export async function deleteConfirm(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const token = field(req.query, "token");
  const secret = await siteSecret(ctx.db, ctx.config);
  const email = openDeleteToken(secret, token, new Date());
  if (email === null) return askAgain(ctx, reply);
  const n = await countCommentsByEmail(ctx.db, email);
  return sendMessage(ctx, reply, 200, {
    title: "Delete your comments",
    lines: [
      n === 0
        ? "There are no comments from your address any more."
        : `This deletes ${n === 1 ? "your comment" : `all ${n} of your comments`}, including any waiting for a moderator. Replies other people wrote stay. This cannot be undone.`,
    ],
    confirm: n === 0 ? null : { action: "/comments/delete", button: "Delete my comments", fields: { token } },
    link: { href: "/", text: "Keep them and go to the front page" },
  });
}

/** POST /comments/delete: deletes every comment from the token's address. */
export async function deleteCommit(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  if (!isSameOrigin(req, ctx.config.publicUrl)) return sendCrossSite(ctx, reply);
  const secret = await siteSecret(ctx.db, ctx.config);
  const email = openDeleteToken(secret, field(req.body, "token"), new Date());
  if (email === null) return askAgain(ctx, reply);
  const n = await deleteCommentsByEmail(ctx.db, email);
  return sendMessage(ctx, reply, 200, {
    title: "Your comments were deleted",
    lines: [n === 1 ? "1 comment was deleted." : `${n} comments were deleted.`],
    link: { href: "/", text: "Go to the front page" },
  });
}
