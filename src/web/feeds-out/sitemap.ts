/** @module sitemaps.org sitemaps and sitemap indexes, and Google News sitemaps; pure builders. */
import { XML_DECLARATION, xmlElement, xmlText } from "./xml.ts";

/** The protocol's limit of URLs in one sitemap file (and of sitemaps in one index). */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  loc: string;
  /** ISO-8601; written as W3C datetime. */
  lastmod?: string | null;
}

export interface NewsSitemapUrl {
  loc: string;
  title: string;
  /** ISO-8601 UTC. */
  published: string;
  language: string | null;
}

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

function isoOrEpoch(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString();
}

/** A stored UTC time is already W3C datetime; anything else is read and rewritten. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

function lastmod(iso: string | null | undefined): string {
  if (!iso) return "";
  if (ISO_UTC.test(iso)) return `<lastmod>${iso}</lastmod>`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : xmlElement("lastmod", d.toISOString());
}

/** A <urlset> of at most SITEMAP_MAX_URLS URLs (the rest are dropped: callers page by shard). */
export function buildSitemap(urls: readonly SitemapUrl[]): string {
  const body = urls
    .slice(0, SITEMAP_MAX_URLS)
    .map((u) => `<url>${xmlElement("loc", u.loc)}${lastmod(u.lastmod)}</url>`)
    .join("\n");
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${body}\n</urlset>\n`;
}

/** A <sitemapindex> pointing at the sitemap files. */
export function buildSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps
    .slice(0, SITEMAP_MAX_URLS)
    .map((u) => `<sitemap>${xmlElement("loc", u.loc)}${lastmod(u.lastmod)}</sitemap>`)
    .join("\n");
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body}\n</sitemapindex>\n`;
}

/** Google News wants an ISO 639 code ("en", "zh-cn"); the feed's "en-GB" becomes "en". */
export function newsLanguage(lang: string | null, fallback: string): string {
  const l = (lang ?? "").trim().toLowerCase();
  if (l === "zh-cn" || l === "zh-tw") return l;
  const m = /^([a-z]{2,3})(?:[-_]|$)/.exec(l);
  return m?.[1] ?? fallback;
}

/**
 * A Google News sitemap: each article with the publication (this site, in the article's language),
 * its publication date and title. Google reads at most 1,000 URLs per news sitemap.
 */
export function buildNewsSitemap(
  publication: string,
  urls: readonly NewsSitemapUrl[],
  defaultLanguage = "en",
): string {
  const body = urls
    .slice(0, NEWS_SITEMAP_MAX_URLS)
    .map(
      (u) =>
        `<url>${xmlElement("loc", u.loc)}<news:news><news:publication><news:name>${xmlText(publication)}</news:name>` +
        `<news:language>${xmlText(newsLanguage(u.language, defaultLanguage))}</news:language></news:publication>` +
        `<news:publication_date>${xmlText(isoOrEpoch(u.published))}</news:publication_date>` +
        `<news:title>${xmlText(u.title)}</news:title></news:news></url>`,
    )
    .join("\n");
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}

/** Google News sitemaps hold at most this many URLs. */
export const NEWS_SITEMAP_MAX_URLS = 1000;

/** Google News lists articles published within this many hours. */
export const NEWS_SITEMAP_HOURS = 48;
