/** @module The whole public URL map in one list. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "./context.ts";
import { siteFeed, sourceFeed, topicFeed } from "./feeds-out/feed-handlers.ts";
import { feedRoutes } from "./feeds-out/feed-routes.ts";
import { personFeed } from "./feeds-out/person-feed.ts";
import { searchFeed } from "./feeds-out/search-feed.ts";
import { searchForFeed } from "./feeds-out/search-results.ts";
import {
  robotsTxt,
  sitemapArticles,
  sitemapIndex,
  sitemapNews,
  sitemapPages,
} from "./feeds-out/sitemap-handlers.ts";
import { storyFeed } from "./feeds-out/story-feed.ts";
import { about } from "./handlers/about.tsx";
import { articleShow } from "./handlers/article-show.tsx";
import { home } from "./handlers/home.tsx";
import { peopleIndex, personShow } from "./handlers/people.tsx";
import { search } from "./handlers/search.tsx";
import { sourceIndex, sourceShow } from "./handlers/sources.tsx";
import { storyShow } from "./handlers/story-show.tsx";
import { topicShow } from "./handlers/topic-show.tsx";
import { websubPush, websubVerify } from "./handlers/websub.ts";

export interface Route {
  method: "GET" | "POST";
  url: string;
  handler: (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** The handler gets the body as the exact bytes sent (any content type), capped at NEWSDESK_MAX_BODY_BYTES. */
  rawBody?: boolean;
  /** The page is the same for every visitor: its 200 answers are cached until the data changes (page-cache.ts). */
  pageCache?: boolean;
}

export const routes: Route[] = [
  { method: "GET", url: "/", handler: home, pageCache: true },
  { method: "GET", url: "/articles/:idSlug", handler: articleShow, pageCache: true },
  // Output feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), sitemaps and robots.txt: feeds-out/.
  ...feedRoutes("/feed", siteFeed),
  ...feedRoutes("/sources/:idSlug/feed", sourceFeed),
  ...feedRoutes("/topics/:slug/feed", topicFeed),
  ...feedRoutes("/stories/:idSlug/feed", storyFeed),
  ...feedRoutes("/people/:slug/feed", personFeed),
  { method: "GET", url: "/sitemap.xml", handler: sitemapIndex },
  { method: "GET", url: "/sitemap-pages.xml", handler: sitemapPages },
  { method: "GET", url: "/sitemap-articles-:n.xml", handler: sitemapArticles },
  { method: "GET", url: "/sitemap-news.xml", handler: sitemapNews },
  { method: "GET", url: "/robots.txt", handler: robotsTxt },
  { method: "GET", url: "/stories/:idSlug", handler: storyShow, pageCache: true },
  { method: "GET", url: "/sources", handler: sourceIndex, pageCache: true },
  { method: "GET", url: "/sources/:idSlug", handler: sourceShow, pageCache: true },
  { method: "GET", url: "/topics/:slug", handler: topicShow, pageCache: true },
  { method: "GET", url: "/people", handler: peopleIndex, pageCache: true },
  { method: "GET", url: "/people/:slug", handler: personShow, pageCache: true },
  { method: "GET", url: "/about", handler: about, pageCache: true },
  { method: "GET", url: "/search", handler: search },
  ...feedRoutes("/search/feed", (format) => searchFeed(format, searchForFeed)),
  { method: "GET", url: "/websub/:sourceId/:token", handler: websubVerify },
  { method: "POST", url: "/websub/:sourceId/:token", handler: websubPush, rawBody: true },
];
