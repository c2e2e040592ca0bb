/** @module GET /articles/:id-:slug : one article; a wrong or missing slug redirects to the right one. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { NewsdeskError } from "../../errors.ts";
import { findArticleById } from "../../storage/articles.ts";
import type { WebContext } from "../context.ts";
import { ArticlePage } from "../pages/article-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { renderPage } from "../render.tsx";

export async function articleShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { idSlug } = req.params as { idSlug: string };
  const id = Number(/^(\d{1,15})(?:-|$)/.exec(idSlug)?.[1]);
  const row = Number.isSafeInteger(id) ? await findArticleById(ctx.db, id) : undefined;
  if (!row) throw new NewsdeskError("not_found", "There is no article at this address.", { status: 404 });
  const article = presentArticle(row);
  if (req.url.split("?")[0] !== article.path) return reply.redirect(article.path, 301);
  const html = renderPage(
    ctx.config,
    { title: article.title, description: article.excerpt },
    <ArticlePage article={article} />,
  );
  return reply.type("text/html; charset=utf-8").send(html);
}
