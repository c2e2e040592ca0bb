/**
 * @module GET /stories/:idSlug/feed.{xml,atom,json}: one story's reports, newest first, each text once;
 * a story merged into another answers 301 with the survivor's feed.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listNewestStoryArticles } from "../../storage/story-reads.ts";
import type { WebContext } from "../context.ts";
import { findStoryOrMove } from "../handlers/story-show.tsx";
import { storyPath } from "../presenters/paths.ts";
import { FEED_FORMATS, FEED_ITEMS, type FeedFormat, feedUrls, sendFeed } from "./feed-handlers.ts";
import { siteBaseUrl, storyPageUrl } from "./site-urls.ts";

export function storyFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const found = await findStoryOrMove(ctx, (req.params as { idSlug: string }).idSlug);
    if (found.moved) {
      const to = found.moved;
      return reply.redirect(`${storyPath(to.id, to.title)}/feed.${FEED_FORMATS[format].ext}`, 301);
    }
    const story = found.story;
    const base = siteBaseUrl(ctx.config);
    return sendFeed(ctx, req, reply, format, {
      title: `${story.title} on ${ctx.config.siteTitle}`,
      description: `Every outlet's report on this story, each linked to its original.`,
      homeUrl: storyPageUrl(base, story.id, story.title),
      selfUrls: feedUrls(`${base}/stories/${story.id}/feed`),
      emptyUpdated: story.updated_at,
      rows: await listNewestStoryArticles(ctx.db, story.id, FEED_ITEMS),
    });
  };
}
