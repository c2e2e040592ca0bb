/** @module GET /about : what this site is, how it credits sources, and the comment email promise. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "../context.ts";
import { AboutPage } from "../pages/about.tsx";
import { renderPage } from "../render.tsx";
import { sendHtml } from "./params.ts";

export async function about(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  const html = renderPage(
    ctx.config,
    { title: "About", description: ctx.config.siteDescription, path: "/about" },
    <AboutPage siteTitle={ctx.config.siteTitle} description={ctx.config.siteDescription} />,
  );
  return sendHtml(reply, html);
}
