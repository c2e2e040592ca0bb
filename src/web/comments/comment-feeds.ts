/**
 * @module Comment feeds (RSS, Atom, JSON Feed), site-wide and per article, built by feeds-out/'s
 * builders. Items carry the commenter's name and the sanitized body; never an email, not even as
 * an author field.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { findArticleById } from "../../storage/articles.ts";
import type { FeedComment } from "../../storage/comments.ts";
import { listLatestApprovedComments } from "../../storage/comments.ts";
import { readSiteVersion } from "../../storage/site-version.ts";
import type { WebContext } from "../context.ts";
import { type FeedFormat, feedUrls, sendOutFeed } from "../feeds-out/feed-handlers.ts";
import type { OutItem } from "../feeds-out/feed-model.ts";
import { articleIdUrl, articleUrl, siteBaseUrl } from "../feeds-out/site-urls.ts";
import { idFromSlug, notFound } from "../handlers/params.ts";

/** Comments per feed: enough for any reader's poll gap on a busy thread. */
export const COMMENT_FEED_ITEMS = 50;

/** One approved comment as a feed item: the name as author, the body as content. */
export function feedItemFromComment(c: FeedComment, base: string, siteTitle: string): OutItem {
  const anchor = `#comment-${c.id}`;
  return {
    id: `${articleIdUrl(base, c.article_id)}${anchor}`,
    url: `${articleUrl(base, c.article_id, c.article_title)}${anchor}`,
    title: `${c.author_name} on “${c.article_title}”`,
    contentHtml: c.body_html,
    summaryHtml: c.body_html,
    summary: null,
    fullText: true,
    published: c.created_at,
    // A comment approved late, or edited, is news to the feed's readers then.
    updated: [c.created_at, c.approved_at, c.updated_at].reduce<string>(
      (a, b) => (b !== null && b > a ? b : a),
      c.created_at,
    ),
    author: c.author_name,
    imageUrl: null,
    language: null,
    categories: [],
    source: { name: siteTitle, homeUrl: null, feedUrl: null, originalUrl: null },
  };
}

/** GET /comments/feed.{xml,atom,json}: the newest approved comments on the whole site. */
export function siteCommentFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const base = siteBaseUrl(ctx.config);
    const rows = await listLatestApprovedComments(ctx.db, COMMENT_FEED_ITEMS);
    const items = rows.map((r) => feedItemFromComment(r, base, ctx.config.siteTitle));
    return sendOutFeed(req, reply, format, {
      title: `Comments on ${ctx.config.siteTitle}`,
      description: `The latest comments readers left on ${ctx.config.siteTitle}.`,
      homeUrl: `${base}/`,
      selfUrls: feedUrls(`${base}/comments/feed`),
      language: null,
      // The data version's time: it moves when an approved comment is edited or deleted too, which
      // the newest item's time would miss (a conditional GET would keep the stale text).
      updated: (await readSiteVersion(ctx.db)).changedAt,
      publisher: ctx.config.siteTitle,
      items,
    });
  };
}

/** GET /articles/:idSlug/comments.{xml,atom,json}: one article's newest approved comments. */
export function articleCommentFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const id = idFromSlug((req.params as { idSlug: string }).idSlug);
    const article = id === null ? undefined : await findArticleById(ctx.db, id);
    if (!article) throw notFound("article");
    const base = siteBaseUrl(ctx.config);
    const rows = await listLatestApprovedComments(ctx.db, COMMENT_FEED_ITEMS, article.id);
    const items = rows.map((r) => feedItemFromComment(r, base, ctx.config.siteTitle));
    return sendOutFeed(req, reply, format, {
      title: `Comments on “${article.title}”`,
      description: `Readers' comments on “${article.title}” on ${ctx.config.siteTitle}.`,
      homeUrl: `${articleUrl(base, article.id, article.title)}#comments`,
      selfUrls: feedUrls(`${base}/articles/${article.id}/comments`),
      language: null,
      updated: (await readSiteVersion(ctx.db)).changedAt,
      publisher: ctx.config.siteTitle,
      items,
    });
  };
}
