/** @module The contract of feeds/: a parsed feed, whatever format it came in. */

export type FeedFormat = "rss" | "atom";

export interface FeedItem {
  /** Stable identity across fetches: guid/id, else the link, else a hash of title and date. */
  guid: string;
  /** Absolute URL of the item's page, or null if the item has none. */
  url: string | null;
  title: string;
  /** ISO-8601 UTC, or null when absent or unreadable. */
  published: string | null;
  author: string | null;
  /** Untrusted HTML from the feed: the full content if given, else the summary. Sanitize before storing. */
  contentHtml: string | null;
  summaryHtml: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link). */
  siteUrl: string | null;
  items: FeedItem[];
}
