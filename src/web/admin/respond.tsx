/** @module Sending admin pages: the admin frame around a page, and refusal pages (403, 429). */

import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { WebContext } from "../context.ts";
import { renderAdminPage } from "./admin-layout.tsx";
import { adminNav } from "./admin-pages.ts";
import { AdminMessagePage } from "./sign-in-page.tsx";

/** Renders `body` in the admin frame (nav for the signed-in account's role) and sends it. */
export function sendAdminPage(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: ComponentChildren,
  status = 200,
): FastifyReply {
  const session = req.adminSession;
  const html = renderAdminPage(
    ctx.config,
    { title },
    {
      user: session?.user ?? null,
      csrf: session?.csrf ?? null,
      nav: session ? adminNav(session.user.role) : [],
      current: req.url.split("?")[0],
    },
    body,
  );
  return reply.code(status).type("text/html; charset=utf-8").send(html);
}

/** A page that says what went wrong and what to do, with the given status. */
export function sendAdminMessage(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  page: { title: string; message: string; link?: { href: string; label: string } | null },
): FastifyReply {
  return sendAdminPage(ctx, req, reply, page.title, <AdminMessagePage {...page} />, status);
}
