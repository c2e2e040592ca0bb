/** @module GET /sitemap.xml (an index), its page and article-shard sitemaps, /sitemap-news.xml and /robots.txt. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { NewsdeskError } from "../../errors.ts";
import {
  findMaxArticleId,
  listArticlesInIdRange,
  listArticlesSince,
  listRecentTopicsForSitemap,
  listSourcesForSitemap,
  listStoriesForSitemap,
} from "../../storage/feeds-out.ts";
import type { WebContext } from "../context.ts";
import { sendConditional } from "./conditional-get.ts";
import { buildRobotsTxt } from "./robots.ts";
import {
  articleUrl,
  siteBaseUrl,
  sourceName,
  sourcePageUrl,
  storyPageUrl,
  topicPageUrl,
} from "./site-urls.ts";
import {
  buildNewsSitemap,
  buildSitemap,
  buildSitemapIndex,
  NEWS_SITEMAP_HOURS,
  NEWS_SITEMAP_MAX_URLS,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from "./sitemap.ts";

/** Crawlers read sitemaps a few times a day; an hour of reuse spares the database on a large site. */
const SITEMAP_MAX_AGE_SECONDS = 3600;
/**
 * Article ids per sitemap file. The protocol allows 50,000 URLs; reading 50,000 article rows takes
 * about half a second on this 2-core machine under load, and better-sqlite3 reads synchronously, so
 * a crawler would stall every other request that long. 10,000 keeps one file's read near 100 ms.
 */
export const SITEMAP_SHARD_IDS = 10_000;
/** Topics of this many newest articles are listed (see listRecentTopicsForSitemap). */
const SITEMAP_TOPIC_ARTICLES = 10_000;
/** Stories of several articles listed, newest first. */
const SITEMAP_STORIES = 10_000;
const XML_TYPE = "application/xml; charset=utf-8";
const EPOCH = "1970-01-01T00:00:00.000Z";

function newest(times: ReadonlyArray<string | null | undefined>): string {
  let max = "";
  for (const t of times) if (t && t > max) max = t;
  return max || EPOCH;
}

/** The newest article's time, the lastmod of the site as a whole. */
async function newestArticleTime(ctx: WebContext): Promise<string> {
  const [row] = await listArticlesSince(ctx.db, "", 1);
  return row ? newest([row.sort_at, row.updated_at]) : EPOCH;
}

/**
 * GET /sitemap.xml: an index of the listing pages' sitemap and one sitemap per SITEMAP_SHARD_IDS article ids,
 * so each file stays within the protocol's limit however many articles the site holds.
 */
export async function sitemapIndex(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const base = siteBaseUrl(ctx.config);
  const [maxId, updated] = await Promise.all([findMaxArticleId(ctx.db), newestArticleTime(ctx)]);
  const shards = maxId === 0 ? 0 : Math.floor(maxId / SITEMAP_SHARD_IDS) + 1;
  const entries: SitemapUrl[] = [{ loc: `${base}/sitemap-pages.xml`, lastmod: updated }];
  for (let n = 0; n < shards; n++) {
    // Only the newest shard changes as articles arrive; older ones change on a rare headline edit.
    entries.push({ loc: `${base}/sitemap-articles-${n}.xml`, lastmod: n === shards - 1 ? updated : null });
  }
  return sendConditional(
    req,
    reply,
    { lastModifiedIso: updated, contentType: XML_TYPE, maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS },
    () => buildSitemapIndex(entries),
  );
}

/** GET /sitemap-pages.xml: the front page, every source page, recent topics and multi-outlet stories. */
export async function sitemapPages(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const base = siteBaseUrl(ctx.config);
  const [updated, sources, topics, stories] = await Promise.all([
    newestArticleTime(ctx),
    listSourcesForSitemap(ctx.db, SITEMAP_MAX_URLS),
    listRecentTopicsForSitemap(ctx.db, SITEMAP_TOPIC_ARTICLES),
    listStoriesForSitemap(ctx.db, SITEMAP_STORIES),
  ]);
  const urls: SitemapUrl[] = [
    { loc: `${base}/`, lastmod: updated },
    ...sources.map((s) => ({
      loc: sourcePageUrl(base, s.id, sourceName(s.title, s.site_url, s.url)),
      lastmod: s.newest,
    })),
    ...topics.map((t) => ({ loc: topicPageUrl(base, t.slug), lastmod: t.newest })),
    ...stories.map((s) => ({
      loc: storyPageUrl(base, s.id, s.title),
      lastmod: newest([s.last_published_at, s.updated_at]),
    })),
  ];
  return sendConditional(
    req,
    reply,
    { lastModifiedIso: updated, contentType: XML_TYPE, maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS },
    () => buildSitemap(urls),
  );
}

/** GET /sitemap-articles-:n.xml: the articles with ids from n*SITEMAP_SHARD_IDS to just under (n+1)*SITEMAP_SHARD_IDS. */
export async function sitemapArticles(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { n } = req.params as { n: string };
  const shard = /^\d{1,9}$/.test(n) ? Number(n) : -1;
  const rows =
    shard < 0
      ? []
      : await listArticlesInIdRange(ctx.db, shard * SITEMAP_SHARD_IDS, (shard + 1) * SITEMAP_SHARD_IDS);
  if (rows.length === 0)
    throw new NewsdeskError("not_found", "There is no sitemap at this address.", { status: 404 });
  const base = siteBaseUrl(ctx.config);
  const urls = rows.map((r) => ({
    loc: articleUrl(base, r.id, r.title),
    // The publisher's edit when there was one; else the row's own times.
    lastmod: r.revised_at ?? newest([r.sort_at, r.updated_at]),
  }));
  return sendConditional(
    req,
    reply,
    {
      lastModifiedIso: newest(urls.map((u) => u.lastmod)),
      contentType: XML_TYPE,
      maxAgeSeconds: SITEMAP_MAX_AGE_SECONDS,
    },
    () => buildSitemap(urls),
  );
}

/** GET /sitemap-news.xml: a Google News sitemap of the articles of the last two days. */
export async function sitemapNews(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const base = siteBaseUrl(ctx.config);
  const since = new Date(Date.now() - NEWS_SITEMAP_HOURS * 3_600_000).toISOString();
  const rows = await listArticlesSince(ctx.db, since, NEWS_SITEMAP_MAX_URLS);
  const urls = rows.map((r) => ({
    loc: articleUrl(base, r.id, r.title),
    title: r.title,
    published: r.sort_at,
    language: r.language,
  }));
  return sendConditional(
    req,
    reply,
    {
      lastModifiedIso: newest(rows.flatMap((r) => [r.sort_at, r.updated_at])),
      // Google News reads this often; new articles should appear within minutes.
      contentType: XML_TYPE,
      maxAgeSeconds: 300,
    },
    () => buildNewsSitemap(ctx.config.siteTitle, urls),
  );
}

/** GET /robots.txt */
export async function robotsTxt(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  return reply
    .type("text/plain; charset=utf-8")
    .header("cache-control", "public, max-age=86400")
    .send(buildRobotsTxt(siteBaseUrl(ctx.config)));
}
