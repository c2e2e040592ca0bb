/** @module What an article page template receives: the article, its outlet, related links and URL helpers. */
import type { DemoArticle, DemoOutlet, FeedFormat } from "../content/index.ts";
import { articlePath, authorPath, feedPath, homePath, imagePath, sectionPath, tagPath } from "../paths.ts";

export interface RelatedLink {
  title: string;
  path: string;
}

export interface ArticlePageContext {
  /** Origin base URL without a trailing slash, e.g. "http://127.0.0.1:8090". */
  baseUrl: string;
  outlet: DemoOutlet;
  article: DemoArticle;
  /** A few of the outlet's articles published closest in time to this one. */
  related: RelatedLink[];
  /** The outlet's newest articles other than this one. */
  recent: RelatedLink[];
}

export interface OutletUrls {
  home: string;
  feed: string;
  article: (a: DemoArticle) => string;
  section: (sectionSlug: string) => string;
  author: (name: string) => string;
  tag: (tag: string) => string;
  image: (imageName: string) => string;
}

/** Root-relative paths for an outlet. */
export function outletPaths(outlet: DemoOutlet): OutletUrls {
  return {
    home: homePath(outlet),
    feed: feedPath(outlet),
    article: (a) => articlePath(outlet, a),
    section: (s) => sectionPath(outlet, s),
    author: (name) => authorPath(outlet, name),
    tag: (t) => tagPath(outlet, t),
    image: (name) => imagePath(outlet.slug, name),
  };
}

/** Absolute URLs for an outlet, for templates (and feeds) that write them out in full. */
export function outletUrls(outlet: DemoOutlet, baseUrl: string): OutletUrls {
  const paths = outletPaths(outlet);
  return {
    home: baseUrl + paths.home,
    feed: baseUrl + paths.feed,
    article: (a) => baseUrl + paths.article(a),
    section: (s) => baseUrl + paths.section(s),
    author: (name) => baseUrl + paths.author(name),
    tag: (t) => baseUrl + paths.tag(t),
    image: (name) => baseUrl + paths.image(name),
  };
}

export function sectionName(outlet: DemoOutlet, sectionSlug: string): string {
  return outlet.sections.find((s) => s.slug === sectionSlug)?.name ?? sectionSlug;
}

const feedTypes: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

/** The media type of a feed format (of the outlet's main feed if given an outlet). */
export function feedMimeType(of: DemoOutlet | FeedFormat): string {
  return feedTypes[typeof of === "string" ? of : of.feed.format];
}

/** "RSS", "Atom" or "JSON Feed", for link text. */
export function feedLabel(format: FeedFormat): string {
  return format === "json" ? "JSON Feed" : format === "rss" ? "RSS" : "Atom";
}
