/** @module GET /search/feed.{xml,atom,json}?q=: a search's results as a feed, over the search module's function. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { MAX_QUERY_CHARS } from "../../search/query.ts";
import type { ArticleWithSource } from "../../storage/articles.ts";
import type { WebContext } from "../context.ts";
import { EPOCH, FEED_ITEMS, type FeedFormat, feedUrls, sendFeed } from "./feed-handlers.ts";
import { siteBaseUrl } from "./site-urls.ts";

/** Runs a search for the feed: the search module's ranked results as articles, at most `limit`. */
export type SearchForFeed = (ctx: WebContext, query: string, limit: number) => Promise<ArticleWithSource[]>;

/** Longest query a search feed accepts; longer ones are a mistake or an attack, not a reader's search. */

/** GET /search/feed.{xml,atom,json}?q=...: a search's results, given the search module's function. */
export function searchFeed(format: FeedFormat, search: SearchForFeed) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const raw = (req.query as { q?: unknown }).q;
    const q = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
    if (!q || q.length > MAX_QUERY_CHARS)
      return reply
        .code(400)
        .type("text/plain; charset=utf-8")
        .send(`A search feed needs words to search for: add ?q= with up to ${MAX_QUERY_CHARS} characters.\n`);
    const base = siteBaseUrl(ctx.config);
    const query = `?q=${encodeURIComponent(q)}`;
    return sendFeed(ctx, req, reply, format, {
      title: `“${q}” on ${ctx.config.siteTitle}`,
      description: `Articles matching “${q}”, each linked to its original.`,
      homeUrl: `${base}/search${query}`,
      selfUrls: feedUrls(`${base}/search/feed`, query),
      emptyUpdated: EPOCH,
      rows: await search(ctx, q, FEED_ITEMS),
    });
  };
}
