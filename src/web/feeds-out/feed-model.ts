/** @module The one shape every output format (RSS, Atom, JSON Feed) is built from. */

/** Where an item came from: the outlet's name, its site, its feed, and the original article. */
export interface OutSource {
  name: string;
  homeUrl: string | null;
  feedUrl: string | null;
  /** The original article on the outlet's site; null when the stored URL is not a web link. */
  originalUrl: string | null;
}

export interface OutItem {
  /** Permanent id (an absolute URL of our site that redirects to the article). */
  id: string;
  /** Our article page. */
  url: string;
  title: string;
  /** HTML for readers: the full body or, for excerpt-only sources, the excerpt; then the Source line. */
  contentHtml: string;
  /** HTML of the excerpt then the Source line, for RSS's description. */
  summaryHtml: string;
  /** Plain-text excerpt. */
  summary: string | null;
  /** True when contentHtml is the whole article, false for excerpt-only sources. */
  fullText: boolean;
  /** ISO-8601 UTC. */
  published: string;
  updated: string;
  author: string | null;
  imageUrl: string | null;
  language: string | null;
  categories: string[];
  source: OutSource;
}

export interface OutFeed {
  title: string;
  description: string;
  /** The page this feed mirrors (the site, a source's or topic's page). */
  homeUrl: string;
  /** This feed's own URL in each format, for rel=self and the alternates. */
  selfUrls: { rss: string; atom: string; json: string };
  language: string | null;
  /** Newest item's update time, or `fallbackUpdated` for an empty feed (ISO-8601 UTC). */
  updated: string;
  /** Who publishes the feed (the site's title), for Atom's required author. */
  publisher: string;
  items: OutItem[];
}

/** The newest `updated` of the items, or `fallback` for none: the feed's updated and Last-Modified. */
export function newestUpdate(items: readonly OutItem[], fallback: string): string {
  let newest = "";
  for (const item of items) if (item.updated > newest) newest = item.updated;
  return newest || fallback;
}
