/** @module Title, byline, date, site name, language and canonical URL from a page's metadata. */
import { absoluteUrl, attr, type Document, metaContent, selectAll, selectOne, textOf } from "./dom.ts";
import { findArticleJsonLd, jsonLdNames, jsonLdString } from "./json-ld.ts";

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const ms = Date.parse(raw.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Strips "By" and trailing separators from a visible byline. */
function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw
    .replace(/^\s*(by|von|par|por|door)\s+/i, "")
    .replace(/[\s|,–—-]+$/, "")
    .trim();
  return s.length > 0 && s.length < 120 ? s : null;
}

/**
 * Removes a site-name suffix or prefix ("Headline | Outlet", "Outlet – Headline") from a document
 * title, keeping the longer side, which is the headline on news sites.
 */
export function cleanTitle(raw: string, siteName: string | null): string {
  const title = raw.replace(/\s+/g, " ").trim();
  const parts = title.split(/\s+[|–—·»:-]\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const kept = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (kept.length > 0 && kept.length < parts.length) return kept.join(" - ");
  }
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Reads every metadata source in order of reliability: JSON-LD, OpenGraph/meta, then visible markup. */
export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = findArticleJsonLd(doc);
  const siteName =
    metaContent(doc, "og:site_name", "application-name") ?? jsonLdNames(ld?.publisher)[0] ?? null;
  const h1 = textOf(selectOne("h1", doc)) || null;
  const docTitle = textOf(selectOne("title", doc)) || null;
  const rawTitle =
    (typeof ld?.headline === "string" ? ld.headline : null) ??
    metaContent(doc, "og:title", "twitter:title") ??
    h1 ??
    docTitle;
  const title = rawTitle ? cleanTitle(rawTitle, siteName) : null;

  const byline =
    cleanByline(jsonLdNames(ld?.author).join(", ") || null) ??
    cleanByline(metaContent(doc, "author", "article:author", "dc.creator", "byl")) ??
    cleanByline(textOf(selectOne('[rel="author"], [itemprop="author"]', doc)) || null) ??
    cleanByline(textOf(selectOne(".byline, .author, .author-name, .article-author", doc)) || null);

  const published =
    isoDate(typeof ld?.datePublished === "string" ? ld.datePublished : null) ??
    isoDate(metaContent(doc, "article:published_time", "datePublished", "date", "dc.date", "pubdate")) ??
    isoDate(
      selectAll("time[datetime]", doc)
        .map((t) => attr(t, "datetime"))
        .find(Boolean) ?? null,
    );

  const canonical =
    absoluteUrl(attr(selectOne('link[rel~="canonical" i]', doc), "href"), url) ??
    absoluteUrl(metaContent(doc, "og:url"), url);

  return {
    title,
    byline,
    published,
    siteName,
    lang: attr(selectOne("html", doc), "lang"),
    canonicalUrl: canonical,
    imageUrl:
      absoluteUrl(metaContent(doc, "og:image", "twitter:image", "twitter:image:src"), url) ??
      absoluteUrl(jsonLdString(ld?.image), url),
  };
}
