/** @module Types for the demo newsroom's content data: outlets, events, articles and their body blocks. */

/** The markup family an outlet's pages are rendered with. */
export type OutletStyle = "wordpress" | "bem" | "jsonld" | "legacy" | "hentry";

/** The syndication format of a feed. */
export type FeedFormat = "rss" | "atom" | "json";

/** A second, narrower feed of one outlet (e.g. a WordPress category feed) that repeats some main-feed items. */
export interface DemoSectionFeed {
  /** Section slug whose articles the feed lists. */
  section: string;
  path: string;
  title: string;
  /** Query string the feed appends to its item links (tracking parameters), without the "?". */
  linkQuery: string;
}

export interface DemoSection {
  slug: string;
  name: string;
}

export interface DemoOutlet {
  slug: string;
  name: string;
  /** Short brand used in page titles and mastheads. */
  shortName: string;
  /** What kind of outlet this is, e.g. "city daily". */
  kind: string;
  tagline: string;
  style: OutletStyle;
  feed: { format: FeedFormat; path: string };
  /** Extra section feeds, advertised beside the main feed. */
  sectionFeeds: DemoSectionFeed[];
  /** BCP 47 language tag of the outlet's main language. */
  language: string;
  /** Authority used in tag: URIs and guids, e.g. "harbor-herald.example". */
  idAuthority: string;
  sections: DemoSection[];
}

/** One real-world-style event covered by several outlets (ground truth for story clustering). */
export interface DemoEvent {
  id: string;
  title: string;
  /** Day the event happened, YYYY-MM-DD. */
  date: string;
}

/** Two events that are easy to confuse (ground truth that clustering must keep apart). */
export interface DemoConfusablePair {
  events: [string, string];
  /** What every article of both events names, e.g. the company. */
  subject: string;
  /** A word some article of events[0] uses in passing about events[1], and one the other way round. */
  mentions: [string, string];
}

export interface DemoImage {
  /** File name without extension; served as /<outlet>/images/<name>.svg. Unique across the demo. */
  name: string;
  alt: string;
  caption: string;
  /** Photo credit, e.g. "Sam Ferreira/Harbor Herald" or an agency name. */
  credit: string;
  width: number;
  height: number;
}

export type DemoBlock =
  | { type: "p"; text: string }
  | { type: "h2"; text: string }
  | { type: "ul"; items: string[] }
  | { type: "ol"; items: string[] }
  | { type: "quote"; text: string; cite: string | null }
  | { type: "figure"; image: DemoImage }
  /** A credit line at the end of rerun copy, e.g. "Source: Meridian Business Wire" (not story text). */
  | { type: "credit"; text: string };

/**
 * A later version of an article (same guid and link): the origin serves it once the outlet's main feed
 * has been requested once (see demo/edits.ts).
 */
export interface DemoRevision {
  headline: string;
  /** When the revision was made, ISO 8601 with offset; becomes the article's `updated`. */
  updated: string;
  /** Sentence appended to the body as a last paragraph, e.g. a correction note; null for none. */
  note: string | null;
}

export interface DemoArticle {
  slug: string;
  outletSlug: string;
  /** Event this article reports on, or null for a single-outlet story. */
  eventId: string | null;
  headline: string;
  author: string;
  /** ISO 8601 with offset, e.g. "2026-11-03T07:05:00-08:00". */
  published: string;
  /** Last update, ISO 8601 with offset, or null if never updated. */
  updated: string | null;
  /** Section slug; one of the outlet's sections. */
  section: string;
  summary: string;
  leadImage: DemoImage;
  body: DemoBlock[];
  tags: string[];
  /** BCP 47 language tag; "en" for most articles. */
  language: string;
  direction: "ltr" | "rtl";
  /**
   * Ground truth for near-duplicate detection: "<outlet>/<slug>" of the article this one reprints nearly
   * verbatim (wire copy rerun by another outlet), or null for an original write-up.
   */
  reprintOf: string | null;
  /** The edited version the origin switches to after the first feed request, or null if never edited. */
  revision: DemoRevision | null;
}
