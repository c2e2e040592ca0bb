/** @module How the comment routes answer: never-cached HTML pages (messages, the form shown again). */

import type { FastifyReply } from "fastify";
import type { ComponentChildren } from "preact";
import type { WebContext } from "../context.ts";
import { uncacheable } from "../page-cache.ts";
import { MessagePage, type MessagePageProps } from "../pages/comment-form-page.tsx";
import { renderPage } from "../render.tsx";

/** Sends `body` in the layout with `status`; private and never stored (it may hold what a reader typed). */
export function sendCommentPage(
  ctx: WebContext,
  reply: FastifyReply,
  status: number,
  title: string,
  body: ComponentChildren,
): FastifyReply {
  const html = renderPage(ctx.config, { title, noindex: true }, body);
  return uncacheable(reply).code(status).type("text/html; charset=utf-8").send(html);
}

/** A short message page. */
export function sendMessage(ctx: WebContext, reply: FastifyReply, status: number, props: MessagePageProps) {
  return sendCommentPage(ctx, reply, status, props.title, <MessagePage {...props} />);
}

/** The page for a POST another site made a browser send. */
export function sendCrossSite(ctx: WebContext, reply: FastifyReply) {
  return sendMessage(ctx, reply, 403, {
    title: "Form sent from another site",
    lines: [
      "This form can only be sent from this site's own pages, so nothing was saved.",
      "If you were writing a comment, go back to the article and send it from there.",
    ],
    link: { href: "/", text: "Go to the front page" },
  });
}
