/** @module Feed autodiscovery, the pure part: the feeds a page links to, and the usual feed paths of a site. */
import { selectAll, selectOne } from "css-select";
import type { AnyNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";

export interface FeedCandidate {
  /** Absolute http(s) URL of the linked feed. */
  url: string;
  /** The link's title attribute, when it has one. */
  title: string | null;
  /** The declared MIME type, lowercased without parameters; null for rel="feed" without one. */
  type: string | null;
}

/** Link types that announce a feed; plain application/json is what JSON Feed 1.0 asked publishers to use. */
const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
]);

/** Tried in this order when a page links to no feed; the paths common blog engines and generators use. */
const COMMON_FEED_PATHS = ["/feed", "/rss", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/feed.xml"];

/** A page with thousands of links is hostile or broken; nobody offers more feeds than this. */
const MAX_CANDIDATES = 20;

function attribute(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v.trim() || null;
}

/** The type attribute lowercased without parameters ("application/rss+xml; charset=utf-8" -> "application/rss+xml"). */
function mimeType(el: Element): string {
  return (attribute(el, "type") ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
}

/** `feed://host/path` and `feed:https://host/path` are old browser conventions for "this is a feed". */
function unwrapFeedScheme(href: string): string {
  const m = /^feed:(\/\/)?(.*)$/i.exec(href);
  if (!m) return href;
  return /^https?:/i.test(m[2] ?? "") ? (m[2] ?? "") : `http://${m[2] ?? ""}`;
}

function absoluteHttpUrl(href: string, base: string): string | null {
  try {
    const url = new URL(unwrapFeedScheme(href), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.toString();
  } catch {
    return null;
  }
}

function isFeedLink(el: Element): boolean {
  const rel = (attribute(el, "rel") ?? "").toLowerCase().split(/\s+/);
  // WHATWG: rel="feed" is a feed whatever its type; rel="alternate" only with a feed type.
  if (rel.includes("feed")) return true;
  return rel.includes("alternate") && FEED_TYPES.has(mimeType(el));
}

/**
 * The feeds `html` links to with `<link>` or `<a>` rel="alternate" (of a feed type) or rel="feed",
 * in document order, resolved against `<base href>` or `pageUrl`, without duplicates.
 */
export function findFeedLinks(html: string, pageUrl: string): FeedCandidate[] {
  const doc = parseDocument(html);
  const baseEl = selectOne<AnyNode, Element>("base[href]", doc);
  const baseHref = baseEl ? attribute(baseEl, "href") : null;
  const base = (baseHref && absoluteHttpUrl(baseHref, pageUrl)) || pageUrl;
  const out: FeedCandidate[] = [];
  const seen = new Set<string>();
  for (const el of selectAll<AnyNode, Element>("link[href][rel], a[href][rel]", doc)) {
    if (!isFeedLink(el)) continue;
    const href = attribute(el, "href");
    const url = href ? absoluteHttpUrl(href, base) : null;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, title: attribute(el, "title"), type: mimeType(el) || null });
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** The usual feed URLs on `siteUrl`'s origin, to try when its page links to none; [] for a non-http(s) URL. */
export function commonFeedUrls(siteUrl: string): string[] {
  let origin: string;
  try {
    const url = new URL(siteUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") return [];
    origin = url.origin;
  } catch {
    return [];
  }
  return COMMON_FEED_PATHS.map((path) => `${origin}${path}`);
}
