/** @module GET /sources (every outlet) and GET /sources/:id-:slug (one outlet's latest articles, paginated). */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listLatestOriginals, listReprintLinks } from "../../storage/original-lists.ts";
import { findSourceById, listSourcesWithCounts } from "../../storage/sources.ts";
import type { WebContext } from "../context.ts";
import { SourceIndexPage } from "../pages/source-index.tsx";
import { SourcePage } from "../pages/source-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { olderLink } from "../presenters/cursor.ts";
import { reprintNotes } from "../presenters/reprints.ts";
import { presentSource } from "../presenters/source.ts";
import { renderPage } from "../render.tsx";
import { cursorFrom, idFromSlug, notFound, redirectToOwnPath, sendHtml, splitPage } from "./params.ts";

const SOURCE_PAGE_SIZE = 30;

export async function sourceIndex(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  const sources = (await listSourcesWithCounts(ctx.db)).map(presentSource);
  const html = renderPage(
    ctx.config,
    {
      title: "Sources",
      description: "The outlets this site follows, with their articles.",
      path: "/sources",
    },
    <SourceIndexPage sources={sources} />,
  );
  return sendHtml(reply, html);
}

export async function sourceShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const id = idFromSlug((req.params as { idSlug: string }).idSlug);
  const row = id === null ? undefined : await findSourceById(ctx.db, id);
  if (!row) throw notFound("source");
  const source = presentSource(row);
  const redirect = redirectToOwnPath(req, reply, source.path);
  if (redirect) return redirect;
  const before = cursorFrom(req);
  const page = splitPage(
    await listLatestOriginals(ctx.db, SOURCE_PAGE_SIZE + 1, { sourceId: row.id, before }),
    SOURCE_PAGE_SIZE,
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
      title: source.name,
      description: `The latest articles from ${source.name}.`,
      path: source.path,
      feeds: [{ href: source.feedPath, title: `${source.name} (RSS)`, type: "application/rss+xml" }],
    },
    <SourcePage
      source={source}
      articles={page.rows.map(presentArticle)}
      notes={notes}
      older={olderLink(source.path, page.rows, page.more)}
      firstPage={!before}
    />,
  );
  return sendHtml(reply, html);
}
