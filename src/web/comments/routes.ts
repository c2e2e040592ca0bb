/**
 * @module The comment routes as one Fastify plugin: posting, the form token, comment feeds and the
 * deletion links. Registered inside the site's plugin (after @fastify/compress); parses urlencoded
 * forms in its own scope only.
 */
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { makeFormToken } from "../../comments/form-token.ts";
import { siteSecret } from "../../storage/secrets.ts";
import type { WebContext } from "../context.ts";
import { feedRoutes } from "../feeds-out/feed-routes.ts";
import { uncacheable } from "../page-cache.ts";
import type { Route } from "../routes.ts";
import { articleCommentFeed, siteCommentFeed } from "./comment-feeds.ts";
import { deleteCommit, deleteConfirm, deleteLinkForm, deleteLinkRequest } from "./delete-comments.tsx";
import { floodGuardFor } from "./flood-guard.tsx";
import { postComment } from "./post-comment.tsx";

/** GET /comments/form-token?article=<id>: a fresh form token for the form's script; never cached. */
async function formToken(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const raw = (req.query as Record<string, unknown> | undefined)?.article;
  const id = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  uncacheable(reply).type("application/json; charset=utf-8");
  if (!(id > 0)) return reply.code(400).send({ error: "article must be an article id" });
  const secret = await siteSecret(ctx.db, ctx.config);
  return reply.send({ token: makeFormToken(secret, id, new Date()) });
}

export const commentRoutes: Route[] = [
  { method: "POST", url: "/articles/:idSlug/comments", handler: postComment },
  { method: "GET", url: "/comments/form-token", handler: formToken },
  ...feedRoutes("/articles/:idSlug/comments", articleCommentFeed),
  ...feedRoutes("/comments/feed", siteCommentFeed),
  { method: "GET", url: "/comments/delete-link", handler: deleteLinkForm },
  { method: "POST", url: "/comments/delete-link", handler: deleteLinkRequest },
  { method: "GET", url: "/comments/delete", handler: deleteConfirm },
  { method: "POST", url: "/comments/delete", handler: deleteCommit },
];

/** The plugin: `site.register(commentsPlugin(ctx))` inside the site's routes plugin. */
export function commentsPlugin(ctx: WebContext) {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
    // The known-commenter cookie (comments/known-commenter.ts) is read and set by posting.
    if (!app.hasReplyDecorator("setCookie")) await app.register(cookie);
    for (const route of commentRoutes) {
      app.route({
        method: route.method,
        url: route.url,
        // Posting: an address the rate limit refused is answered before its body is read.
        ...(route.handler === postComment ? { onRequest: floodGuardFor(ctx).onRequest } : {}),
        handler: (req, reply) => route.handler(ctx, req, reply),
      });
    }
  };
}
