/**
 * @module GET /people/:slug/feed.{xml,atom,json}: one person's or body's statements, newest first, each
 * item a statement linking to our article page at that statement, naming the outlet and its original.
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { listPersonStatements, type Person, type PersonStatementRow } from "../../storage/people.ts";
import { escapeHtmlAttr } from "../../util/html.ts";
import type { WebContext } from "../context.ts";
import { findPersonOr404, movedPerson } from "../handlers/people.tsx";
import { personPath } from "../presenters/paths.ts";
import { presentPersonStatement } from "../presenters/statements.ts";
import { EPOCH, FEED_FORMATS, FEED_ITEMS, type FeedFormat, feedUrls, sendOutFeed } from "./feed-handlers.ts";
import { sourceLineHtml, truncateText } from "./feed-items.ts";
import { newestUpdate, type OutFeed, type OutItem } from "./feed-model.ts";
import { articleIdUrl, siteBaseUrl, webUrlOrNull } from "./site-urls.ts";

const html = escapeHtmlAttr;

/** Characters of the statement in an item's title. */
const TITLE_CHARS = 120;

/** One statement as a feed item. Its id stays with the article; the fragment names the statement. */

/**
 * A statement's feed id: its article and its words, not its row id, which changes whenever the article
 * is extracted again (an edit, a backfill): a reader app then sees the same statement, not a new one.
 */
function statementItemId(base: string, row: PersonStatementRow): string {
  const digest = createHash("sha256")
    .update(`${row.kind}\n${row.source}\n${row.text}`)
    .digest("hex")
    .slice(0, 16);
  return `${articleIdUrl(base, row.article_id)}#said-${digest}`;
}

export function statementFeedItem(
  person: Pick<Person, "name">,
  row: PersonStatementRow,
  base: string,
): OutItem {
  const s = presentPersonStatement(row);
  const words = truncateText(s.text, TITLE_CHARS);
  const title = s.quote
    ? `${person.name} ${s.verb}: “${words}”`
    : `${person.name} ${s.verb} (paraphrase): ${words}`;
  const pageUrl = `${base}${s.statementPath}`;
  const said = s.quote
    ? `<blockquote><p>“${html(s.text)}”</p></blockquote>`
    : `<p>Paraphrase: ${html(s.text)}</p>`;
  const contentHtml = `${said}\n<p>${html(person.name)} ${html(s.verb)}, in <a href="${html(pageUrl)}">${html(
    s.articleTitle,
  )}</a> (${html(s.outletName)}).</p>\n${sourceLineHtml(s.outletName, webUrlOrNull(row.article_url))}`;
  return {
    id: statementItemId(base, row),
    url: pageUrl,
    title,
    contentHtml,
    summaryHtml: contentHtml,
    summary: truncateText(s.text, 400) || null,
    // The item is the statement, not the article (cut for an excerpt-only source by presentStatement).
    fullText: true,
    published: row.sort_at,
    updated: row.sort_at,
    author: person.name,
    imageUrl: null,
    language: null,
    categories: [],
    source: { name: s.outletName, homeUrl: null, feedUrl: null, originalUrl: webUrlOrNull(row.article_url) },
  };
}

export function personFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const moved = await movedPerson(ctx, req);
    if (moved) return reply.redirect(`${personPath(moved.slug)}/feed.${FEED_FORMATS[format].ext}`, 301);
    const person = await findPersonOr404(ctx, req);
    const base = siteBaseUrl(ctx.config);
    const rows = await listPersonStatements(ctx.db, person.id, FEED_ITEMS);
    const items = rows.map((r) => statementFeedItem(person, r, base));
    const feed: OutFeed = {
      title: `${person.name} on ${ctx.config.siteTitle}`,
      description: `What ${person.name} said, as the news on ${ctx.config.siteTitle} reported it, newest first.`,
      homeUrl: `${base}${personPath(person.slug)}`,
      selfUrls: feedUrls(`${base}${personPath(person.slug)}/feed`),
      language: null,
      updated: newestUpdate(items, person.last_statement_at ?? EPOCH),
      publisher: ctx.config.siteTitle,
      items,
    };
    return sendOutFeed(req, reply, format, feed);
  };
}
