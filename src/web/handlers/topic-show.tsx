/** @module GET /topics/:slug : one topic's articles, newest first; a slug in another spelling redirects. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listReprintLinks, listTopicOriginals } from "../../storage/original-lists.ts";
import { findTopicName } from "../../storage/topics.ts";
import type { WebContext } from "../context.ts";
import { TopicPage } from "../pages/topic-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { olderLink } from "../presenters/cursor.ts";
import { slugify, topicPath } from "../presenters/paths.ts";
import { reprintNotes } from "../presenters/reprints.ts";
import { renderPage } from "../render.tsx";
import { cursorFrom, notFound, redirectToOwnPath, sendHtml, splitPage } from "./params.ts";

const TOPIC_PAGE_SIZE = 30;

export async function topicShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const raw = (req.params as { slug: string }).slug;
  // "/topics/World News" and "/topics/world-news" name the same topic; only the second is its address.
  const slug = slugify(raw.slice(0, 200), "");
  const name = slug ? await findTopicName(ctx.db, slug) : undefined;
  if (!name) throw notFound("topic");
  const path = topicPath(slug);
  const redirect = redirectToOwnPath(req, reply, path);
  if (redirect) return redirect;
  const before = cursorFrom(req);
  const page = splitPage(
    await listTopicOriginals(ctx.db, slug, TOPIC_PAGE_SIZE + 1, before),
    TOPIC_PAGE_SIZE,
  );
  const notes = reprintNotes(
    await listReprintLinks(
      ctx.db,
      page.rows.map((r) => r.id),
    ),
  );
  const html = renderPage(
    ctx.config,
    {
      title: name,
      description: `Articles about ${name}.`,
      path,
      feeds: [{ href: `${path}/feed.xml`, title: `${name} (RSS)`, type: "application/rss+xml" }],
    },
    <TopicPage
      name={name}
      path={path}
      articles={page.rows.map(presentArticle)}
      notes={notes}
      older={olderLink(path, page.rows, page.more)}
      firstPage={!before}
    />,
  );
  return sendHtml(reply, html);
}
