/** @module The contract of feeds/: a parsed feed, whatever format it came in. */

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

/** Text from a feed with what kind it is: "text" is plain text, "html" is (untrusted) markup. */
export interface TextValue {
  value: string;
  type: "text" | "html";
}

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

export interface FeedItem {
  /** Stable identity across fetches: guid/id, else the link, else a hash of title and date. */
  guid: string;
  /** The guid/id exactly as the feed gave it, or null. */
  id: string | null;
  /** Absolute URL of the item's page, or null if the item has none. */
  url: string | null;
  title: TextValue | null;
  /** ISO-8601 UTC, or null when absent or unreadable. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** The full content if the feed gives it (untrusted: sanitize before storing). */
  content: TextValue | null;
  /** The summary or description (untrusted). */
  summary: TextValue | null;
  categories: string[];
  enclosures: Enclosure[];
}

/** Publisher hints for polling: how often the feed says it changes, and when not to ask. */
export interface PollingHints {
  ttlMinutes: number | null;
  /** sy:updatePeriod x sy:updateFrequency, in minutes. */
  updatePeriodMinutes: number | null;
  /** Hours (0-23, GMT) in which the feed asks not to be fetched. */
  skipHours: number[];
  /** Days ("Monday" ...) on which the feed asks not to be fetched. */
  skipDays: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  /** e.g. "rss20", "rss091", "rss10", "atom10", "atom03", "json11". */
  version: string;
  title: TextValue | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON home_page_url). */
  siteUrl: string | null;
  description: TextValue | null;
  language: string | null;
  updated: string | null;
  imageUrl: string | null;
  /** The feed's own URL as it declares it (atom:link rel=self, JSON feed_url). */
  selfUrl: string | null;
  /** WebSub hubs it advertises (link rel=hub). */
  hubs: string[];
  hints: PollingHints;
  items: FeedItem[];
  /** True when the document was not well-formed and the tolerant parser read it. */
  recovered: boolean;
  /** Items past MAX_FEED_ITEMS (tree-budget.ts), skipped unread. */
  itemsNotRead: number;
}
