/** @module GET handlers of the output feeds: the site's, a source's and a topic's, and the sending they share. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { NewsdeskError } from "../../errors.ts";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { listLatestOriginals, listTopicOriginals } from "../../storage/original-lists.ts";
import { findSourceById } from "../../storage/sources.ts";
import { findTopicName, listArticleTopics } from "../../storage/topics.ts";
import type { WebContext } from "../context.ts";
import { withoutListedReprints } from "../presenters/reprints.ts";
import { buildAtom } from "./atom.ts";
import { sendConditional } from "./conditional-get.ts";
import { feedItemFromArticle } from "./feed-items.ts";
import { newestUpdate, type OutFeed } from "./feed-model.ts";
import { buildJsonFeed } from "./json-feed.ts";
import { buildRss } from "./rss.ts";
import { siteBaseUrl, sourceName, sourcePageUrl, topicPageUrl } from "./site-urls.ts";

export type FeedFormat = "rss" | "atom" | "json";

/** How many items each feed carries: a day or two of a busy site, enough for any reader's poll gap. */
export const FEED_ITEMS = 50;

/** Feeds change when articles arrive; readers and caches may reuse one this long. */
const FEED_MAX_AGE_SECONDS = 300;

/** Each output format: its file extension, content type and builder. */
export const FEED_FORMATS = {
  rss: { ext: "xml", type: "application/rss+xml; charset=utf-8", build: buildRss },
  atom: { ext: "atom", type: "application/atom+xml; charset=utf-8", build: buildAtom },
  json: { ext: "json", type: "application/feed+json; charset=utf-8", build: buildJsonFeed },
} as const;

/** The three URLs of a feed whose RSS is at `<prefix>.xml` (plus an optional query string). */
export function feedUrls(prefix: string, query = ""): OutFeed["selfUrls"] {
  const url = (f: FeedFormat) => `${prefix}.${FEED_FORMATS[f].ext}${query}`;
  return { rss: url("rss"), atom: url("atom"), json: url("json") };
}

/** What differs between the site's, a source's, a topic's and a search's feed. */
export interface FeedSpec {
  title: string;
  description: string;
  homeUrl: string;
  selfUrls: OutFeed["selfUrls"];
  /** `updated` of a feed with no items yet. */
  emptyUpdated: string;
  rows: ArticleWithSource[];
}

/** Loads the items' topics, builds the feed in `format` and sends it with Last-Modified (or 304). */
export async function sendFeed(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  format: FeedFormat,
  spec: FeedSpec,
) {
  const base = siteBaseUrl(ctx.config);
  // Each text once: a reprint whose original is in the feed too is left out.
  const rows = withoutListedReprints(spec.rows);
  const topics = await listArticleTopics(
    ctx.db,
    rows.map((r) => Number(r.id)),
  );
  const items = rows.map((r) =>
    feedItemFromArticle(
      r,
      base,
      (topics.get(Number(r.id)) ?? []).map((t) => t.name),
    ),
  );
  const feed: OutFeed = {
    title: spec.title,
    description: spec.description,
    homeUrl: spec.homeUrl,
    selfUrls: spec.selfUrls,
    language: null,
    updated: newestUpdate(items, spec.emptyUpdated),
    publisher: ctx.config.siteTitle,
    items,
  };
  return sendOutFeed(req, reply, format, feed);
}

/** Builds `feed` in `format` and sends it with Last-Modified from `feed.updated` (or a 304). */
export function sendOutFeed(req: FastifyRequest, reply: FastifyReply, format: FeedFormat, feed: OutFeed) {
  const { type, build } = FEED_FORMATS[format];
  return sendConditional(
    req,
    reply,
    { lastModifiedIso: feed.updated, contentType: type, maxAgeSeconds: FEED_MAX_AGE_SECONDS },
    () => build(feed),
  );
}

/** `updated` of an empty feed with no better time. */
export const EPOCH = "1970-01-01T00:00:00.000Z";

/** GET /feed.xml, /feed.atom, /feed.json: the site's newest articles. */
export function siteFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const base = siteBaseUrl(ctx.config);
    return sendFeed(ctx, req, reply, format, {
      title: ctx.config.siteTitle,
      description: `The latest articles on ${ctx.config.siteTitle}, each linked to its original.`,
      homeUrl: `${base}/`,
      selfUrls: feedUrls(`${base}/feed`),
      emptyUpdated: EPOCH,
      rows: await listLatestOriginals(ctx.db, FEED_ITEMS),
    });
  };
}

/** GET /sources/:idSlug/feed.{xml,atom,json}: one source's newest articles; the slug is optional. */
export function sourceFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const { idSlug } = req.params as { idSlug: string };
    const id = Number(/^(\d{1,15})(?:-|$)/.exec(idSlug)?.[1]);
    const source = Number.isSafeInteger(id) ? await findSourceById(ctx.db, id) : undefined;
    if (!source) throw new NewsdeskError("not_found", "There is no source at this address.", { status: 404 });
    const base = siteBaseUrl(ctx.config);
    const name = sourceName(source.title, source.site_url, source.url);
    return sendFeed(ctx, req, reply, format, {
      title: `${name} on ${ctx.config.siteTitle}`,
      description: `The latest articles from ${name}, each linked to its original.`,
      homeUrl: sourcePageUrl(base, source.id, name),
      selfUrls: feedUrls(`${base}/sources/${source.id}/feed`),
      emptyUpdated: source.created_at,
      rows: await listLatestOriginals(ctx.db, FEED_ITEMS, { sourceId: source.id }),
    });
  };
}

/** GET /topics/:slug/feed.{xml,atom,json}: one topic's newest articles. */
export function topicFeed(format: FeedFormat) {
  return async (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => {
    const { slug } = req.params as { slug: string };
    const name = slug.length <= 200 ? await findTopicName(ctx.db, slug) : undefined;
    if (name === undefined)
      throw new NewsdeskError("not_found", "There is no topic at this address.", { status: 404 });
    const base = siteBaseUrl(ctx.config);
    return sendFeed(ctx, req, reply, format, {
      title: `${name} on ${ctx.config.siteTitle}`,
      description: `The latest articles about ${name}, each linked to its original.`,
      homeUrl: topicPageUrl(base, slug),
      selfUrls: feedUrls(`${base}/topics/${encodeURIComponent(slug)}/feed`),
      emptyUpdated: EPOCH,
      rows: await listTopicOriginals(ctx.db, slug, FEED_ITEMS),
    });
  };
}
