/** @module Types for the demo newsroom's content data: outlets, events, articles and their body blocks. */

/** The markup family an outlet's pages are rendered with. */
export type OutletStyle = "wordpress" | "bem" | "jsonld" | "legacy";

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
  feed: { format: "rss" | "atom"; path: string };
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
  | { type: "figure"; image: DemoImage };

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
}
