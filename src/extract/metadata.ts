/** @module Title, byline, date, site name, language and canonical URL from a page's metadata. */
import { absoluteUrl, attr, type Document, metaContent, selectAll, selectOne, textOf } from "./dom.ts";
import { findArticleJsonLd, jsonLdNames, jsonLdString } from "./json-ld.ts";
import type { ExtractedArticle } from "./types.ts";

/** The article fields that come from metadata, plus the page's declared share image. */
export type PageMetadata = Pick<
  ExtractedArticle,
  "title" | "byline" | "bylines" | "published" | "modified" | "siteName" | "lang" | "dir" | "canonicalUrl"
> & {
  imageUrl: string | null;
  /** The full text some pages put in their JSON-LD (articleBody), for pages that render the body with scripts. */
  jsonLdBody: string | null;
};

/** Languages written right to left (ISO 639-1 / common BCP 47 primary tags). */
const RTL_LANGS = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ku", "ckb"]);

/** The page's direction: its own dir attribute, else what its language implies. */
function directionOf(dirAttr: string | null, lang: string | null): "ltr" | "rtl" | null {
  const d = dirAttr?.toLowerCase();
  if (d === "rtl" || d === "ltr") return d;
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  return primary ? (RTL_LANGS.has(primary) ? "rtl" : "ltr") : null;
}

/** "Jane Doe and John Roe", "A, B & C": the people, one by one. */
export function splitBylines(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1);
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const ms = Date.parse(raw.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const BYLINE_PREFIX = /^\s*(by|von|par|por|door|di|av)\s+/i;

/** "JANE DOE" -> "Jane Doe": wire services shout names; we show them as names. */
function unshout(name: string): string {
  if (!/\p{Lu}{2}/u.test(name) || name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Strips "By", the outlet's own name ("By JANE DOE, The Wire") and trailing separators from a byline. */
function cleanByline(raw: string | null, siteName: string | null): string | null {
  if (!raw) return null;
  const site = siteName?.toLowerCase();
  // A profile URL or a mailbox is not a name.
  if (/^\s*(https?:\/\/|www\.)|^\S+@\S+$/.test(raw.trim())) return null;
  const parts = raw
    .replace(BYLINE_PREFIX, "")
    .split(/\s*[,|]\s*/)
    .map((p) => p.replace(/[\s–—-]+$/, "").trim())
    .filter((p) => p && p.toLowerCase() !== site);
  const s = parts.map(unshout).join(", ");
  return s.length > 0 && s.length < 120 ? s : null;
}

/** A short visible line such as "By Jane Doe" near the top of the page. */
function visibleByline(doc: Document): string | null {
  for (const el of selectAll("p, div, span, address, li", doc)) {
    const text = textOf(el);
    if (text.length < 6 || text.length > 100 || !BYLINE_PREFIX.test(text)) continue;
    // The innermost element holding the line, not a wrapper around it.
    if (el.children.some((c) => c.type === "tag" && textOf(c) === text)) continue;
    return text;
  }
  return null;
}

const DATE_CLASS = /(^|[\s_-])(date|dateline|time|timestamp|posted|published|pubdate|storydate)($|[\s_-])/i;
/** Only visible dates that name their zone are trusted; a bare local time would be read in the server's zone. */
const HAS_ZONE = /(\b(GMT|UTC|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*$)/;

/** A date shown as text ("Posted: Fri Nov 20, 2026 11:10 AM PST") in an element named for dates. */
function visibleDate(doc: Document): string | null {
  for (const el of selectAll("[class], [id]", doc)) {
    if (!DATE_CLASS.test(`${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`)) continue;
    const text = textOf(el)
      .replace(/^(posted|published|updated|date)\s*(on|at)?\s*:?\s*/i, "")
      .replace(/\s+at\s+/i, " ");
    if (text.length > 60 || !HAS_ZONE.test(text)) continue;
    const iso = isoDate(text);
    if (iso) return iso;
  }
  return null;
}

/** The part of "Headline | Outlet" that cleanTitle dropped, as a fallback site name. */
function titleSuffix(docTitle: string | null, title: string | null): string | null {
  if (!docTitle || !title || docTitle === title) return null;
  const rest = docTitle
    .replace(title, "")
    .replace(/^[\s|–—·»:-]+|[\s|–—·»:-]+$/g, "")
    .trim();
  return rest && rest.length < 60 ? rest : null;
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

  const outlet = siteName ?? titleSuffix(docTitle, title);
  const byline =
    cleanByline(jsonLdNames(ld?.author).join(", ") || null, outlet) ??
    cleanByline(metaContent(doc, "author", "article:author", "dc.creator", "byl"), outlet) ??
    cleanByline(textOf(selectOne('[rel="author"], [itemprop="author"]', doc)) || null, outlet) ??
    cleanByline(textOf(selectOne(".byline, .author, .author-name, .article-author", doc)) || null, outlet) ??
    cleanByline(visibleByline(doc), outlet);

  const published =
    isoDate(typeof ld?.datePublished === "string" ? ld.datePublished : null) ??
    isoDate(metaContent(doc, "article:published_time", "datePublished", "date", "dc.date", "pubdate")) ??
    isoDate(
      selectAll("time[datetime]", doc)
        .map((t) => attr(t, "datetime"))
        .find(Boolean) ?? null,
    ) ??
    visibleDate(doc);

  const modified =
    isoDate(typeof ld?.dateModified === "string" ? ld.dateModified : null) ??
    isoDate(metaContent(doc, "article:modified_time", "dateModified", "og:updated_time", "last-modified"));

  const html = selectOne("html", doc);
  const lang =
    attr(html, "lang") ??
    attr(html, "xml:lang") ??
    metaContent(doc, "og:locale", "content-language", "language");

  const canonical =
    absoluteUrl(attr(selectOne('link[rel~="canonical" i]', doc), "href"), url) ??
    absoluteUrl(metaContent(doc, "og:url"), url);

  return {
    title,
    byline,
    bylines: splitBylines(byline),
    published,
    modified,
    siteName: outlet,
    lang: lang ? lang.replace(/_/g, "-") : null,
    dir: directionOf(attr(html, "dir") ?? attr(selectOne("body", doc), "dir"), lang),
    canonicalUrl: canonical,
    jsonLdBody: typeof ld?.articleBody === "string" ? ld.articleBody.trim() || null : null,
    imageUrl:
      absoluteUrl(metaContent(doc, "og:image", "twitter:image", "twitter:image:src"), url) ??
      absoluteUrl(jsonLdString(ld?.image), url),
  };
}
