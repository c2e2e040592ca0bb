/** @module GET / : the latest articles. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listLatestArticles } from "../../storage/articles.ts";
import type { WebContext } from "../context.ts";
import { HomePage } from "../pages/home.tsx";
import { presentArticle } from "../presenters/article.ts";
import { renderPage } from "../render.tsx";

/** How many articles the front page lists. */
const FRONT_PAGE_SIZE = 50;

export async function home(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  const articles = (await listLatestArticles(ctx.db, FRONT_PAGE_SIZE)).map(presentArticle);
  const html = renderPage(
    ctx.config,
    { title: ctx.config.siteTitle, description: "The latest news from the sources this site follows." },
    <HomePage articles={articles} />,
  );
  return reply.type("text/html; charset=utf-8").send(html);
}
