/**
 * @module POST /articles/:idSlug/comments : a reader's comment, through the checks in order (same
 * origin, open, fields, honeypot, form token, duplicate, rate limits, rules and links, spam service),
 * stored once, answered with a redirect. A refused comment is shown again with all its text.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { akismetCheck } from "../../comments/akismet.ts";
import { commentsClosed } from "../../comments/closing.ts";
import { commentContentHash } from "../../comments/content-hash.ts";
import { parseCommentForm } from "../../comments/form.ts";
import { checkFormToken, formTokenMessage, formTokenNonce } from "../../comments/form-token.ts";
import {
  KNOWN_COMMENTER_COOKIE,
  KNOWN_COMMENTER_MAX_AGE_S,
  knownCommenterValue,
  vouchesFor,
} from "../../comments/known-commenter.ts";
import { countLinks, renderCommentBody } from "../../comments/render-body.ts";
import { decideStatus, linkLimitReason, matchRules } from "../../comments/spam-checks.ts";
import { placeReply } from "../../comments/thread.ts";
import { notifyModeratorsOfQueue } from "../../mail/moderator-notice.ts";
import { findArticleById } from "../../storage/articles.ts";
import { listRules } from "../../storage/comment-rules.ts";
import { insertComment } from "../../storage/comment-writes.ts";
import { hasApprovedComment, hasDuplicateComment } from "../../storage/comments.ts";
import { useFormToken } from "../../storage/form-tokens.ts";
import { takeRateToken } from "../../storage/rate-events.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { storageFailure } from "../../storage/storage-errors.ts";
import { listModerators } from "../../storage/users.ts";
import { clientKey } from "../../util/client-key.ts";
import { keyedHash } from "../../util/keyed-hash.ts";
import type { WebContext } from "../context.ts";
import { cookieOptions } from "../cookies.ts";
import { articleUrl, siteBaseUrl } from "../feeds-out/site-urls.ts";
import { idFromSlug, notFound } from "../handlers/params.ts";
import { presentArticle } from "../presenters/article.ts";
import { floodGuardFor } from "./flood-guard.tsx";
import { mailConfigured, notifyReply } from "./notify-reply.ts";
import { refuse } from "./refuse.tsx";
import { sendCrossSite, sendMessage } from "./respond.tsx";
import { isSameOrigin } from "./same-origin.ts";

const TEN_MINUTES = 600_000;

/**
 * A comment was held: queue the moderators' notice (at most one an hour each). The comment is stored
 * already, so a failure here is logged and the reader still gets the held answer.
 */
async function tellModerators(ctx: WebContext, req: FastifyRequest, now: Date): Promise<void> {
  if (ctx.config.notifyModerators !== 1 || !mailConfigured(ctx.config)) return;
  try {
    await notifyModeratorsOfQueue(ctx.db, ctx.config, now, await listModerators(ctx.db));
  } catch (err) {
    req.log.warn({ err_class: (err as Error).name }, "moderator queue notice not queued");
  }
}

/** The comment text of a posted form, if any, to give back when it cannot be saved. */
function keptText(body: unknown): string | null {
  const text = (body as Record<string, unknown> | null | undefined)?.comment;
  return typeof text === "string" && text.trim() !== "" ? text : null;
}

/** Takes the comment; when the database's disk is full, the reader gets their text back and why. */
export async function postComment(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  try {
    return await takeComment(ctx, req, reply);
  } catch (err) {
    if (!storageFailure(err)) throw err;
    req.log.error({ url: req.url }, "comment not saved: the database's disk is full");
    return sendMessage(ctx, reply, 503, {
      title: "Your comment was not saved",
      lines: [
        "The site cannot save anything right now: its storage is full. Nothing of your comment was kept.",
        "Please copy your text and try again later.",
      ],
      kept: keptText(req.body),
      link: { href: req.url.replace(/\/comments(\?.*)?$/, ""), text: "Back to the article" },
    });
  }
}

async function takeComment(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  if (!isSameOrigin(req, ctx.config.publicUrl)) return sendCrossSite(ctx, reply);
  const id = idFromSlug((req.params as { idSlug: string }).idSlug);
  const article = id === null ? undefined : await findArticleById(ctx.db, id);
  if (!article) throw notFound("article");
  const path = presentArticle(article).path;
  const now = new Date();
  if (commentsClosed(article, ctx.config.commentsCloseAfterDays, now)) {
    return sendMessage(ctx, reply, 403, {
      title: "Comments are closed",
      lines: ["Comments are closed on this article, so yours was not saved."],
      kept: keptText(req.body),
      link: { href: path, text: "Back to the article" },
    });
  }
  const held = () => reply.redirect(`${path}?comment=held#comments`, 303);
  const form = parseCommentForm(req.body, ctx.config.commentMaxChars);
  // A robot filled the hidden field: it is told what a held comment is told, and nothing is stored.
  if (form.honeypot) return held();
  const secret = await siteSecret(ctx.db, ctx.config);
  const input = form.input;
  if (!form.ok)
    return refuse(ctx, reply, article, secret, input, { status: 422, message: null, errors: form.errors });
  let tokenProblem = checkFormToken(secret, form.token, article.id, now, ctx.config.commentMinSeconds);
  // A token is good for one post: a replayed form (a script resending it) gets the form again.
  const nonce = tokenProblem ? null : formTokenNonce(secret, form.token);
  if (nonce !== null && !(await useFormToken(ctx.db, nonce, now))) tokenProblem = "used";
  if (tokenProblem)
    return refuse(ctx, reply, article, secret, input, {
      status: 400,
      message: formTokenMessage(tokenProblem),
    });

  const c = form.value;
  const contentHash = commentContentHash(secret, c.body, article.id);
  if (await hasDuplicateComment(ctx.db, article.id, contentHash)) {
    return refuse(ctx, reply, article, secret, input, {
      status: 409,
      message:
        "This comment has already been posted on this article. If yours is waiting for a moderator, it will appear once approved.",
    });
  }
  for (const rule of [
    { bucket: "comment-ip", key: clientKey(req.ip), limit: ctx.config.commentRatePerIp },
    {
      bucket: "comment-email",
      key: keyedHash(secret, "rate", c.email),
      limit: ctx.config.commentRatePerEmail,
    },
  ]) {
    const rate = await takeRateToken(ctx.db, { ...rule, windowMs: TEN_MINUTES }, now);
    if (!rate.allowed) {
      if (rule.bucket === "comment-ip") floodGuardFor(ctx).block(clientKey(req.ip), rate.retryAfterSeconds);
      reply.header("retry-after", String(rate.retryAfterSeconds));
      const minutes = Math.ceil(rate.retryAfterSeconds / 60);
      return refuse(ctx, reply, article, secret, input, {
        status: 429,
        message: `Too many comments in a short time. Please wait about ${minutes} minute${minutes === 1 ? "" : "s"} and send it again; your text is kept below.`,
      });
    }
  }

  const bodyHtml = renderCommentBody(c.body);
  const [rules, approvedBefore] = await Promise.all([listRules(ctx.db), hasApprovedComment(ctx.db, c.email)]);
  // An earlier approval counts only in the browser that posted under this address (its signed cookie).
  const knownCookie = req.cookies?.[KNOWN_COMMENTER_COOKIE];
  const sameBrowser = vouchesFor(secret, knownCookie, c.email, now);
  const base = siteBaseUrl(ctx.config);
  const userAgent = (req.headers["user-agent"] ?? "").slice(0, 500) || null;
  const akismet = await akismetCheck(
    { key: ctx.config.akismetKey, url: ctx.config.akismetUrl, site: `${base}/` },
    {
      ip: req.ip,
      userAgent,
      permalink: articleUrl(base, article.id, article.title),
      name: c.name,
      email: c.email,
      website: c.website,
      body: c.body,
    },
  );
  const decision = decideStatus({
    ruleHits: matchRules(rules, { ...c, ip: req.ip }),
    linkReason: linkLimitReason(countLinks(bodyHtml), ctx.config.commentMaxLinks),
    approvedBefore,
    sameBrowser,
    akismet,
  });
  const stored = await insertComment(
    ctx.db,
    {
      articleId: article.id,
      parentId: c.parentId,
      name: c.name,
      email: c.email,
      website: c.website,
      bodySource: c.body,
      bodyHtml,
      status: decision.status,
      heldReasons: decision.reasons,
      ip: req.ip,
      userAgent,
      contentHash,
      notify: c.notify && mailConfigured(ctx.config),
    },
    (parent) => placeReply(parent, ctx.config.commentMaxDepth),
    now,
  );
  if (!stored.ok) {
    return refuse(
      ctx,
      reply,
      article,
      secret,
      { ...input, parent: "" },
      {
        status: 422,
        message: null,
        errors: {
          parent:
            "The comment you replied to is no longer there. Send yours again to post it as a new comment.",
        },
      },
    );
  }
  // This browser has posted under this address: once a moderator approves it, its next comments need no wait.
  if (decision.status !== "spam")
    reply.setCookie(KNOWN_COMMENTER_COOKIE, knownCommenterValue(secret, knownCookie, c.email, now), {
      ...cookieOptions(ctx, req),
      maxAge: KNOWN_COMMENTER_MAX_AGE_S,
    });
  if (decision.status === "pending") await tellModerators(ctx, req, now);
  if (decision.status !== "approved") return held();
  if (stored.parentId !== null) await notifyReply({ db: ctx.db, config: ctx.config, secret }, stored.id, now);
  return reply.redirect(`${path}#comment-${stored.id}`, 303);
}
