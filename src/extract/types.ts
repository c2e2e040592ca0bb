/** @module The contract of extract/: what a page yields. */

export interface LeadImage {
  url: string;
  alt: string | null;
  /** The caption without the photo credit. */
  caption: string | null;
  /** "Photo: Jane Doe/Agency" and the like, kept apart from the caption. */
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface ExtractedArticle {
  kind: "article";
  title: string | null;
  /** Each person named as an author. */
  bylines: string[];
  /** The same names joined with ", " (null when none), for display. */
  byline: string | null;
  /** A wire agency the page credits for the article (AP, Reuters, dpa...): never one of `bylines`. */
  agency: string | null;
  /** ISO-8601 UTC. */
  published: string | null;
  modified: string | null;
  siteName: string | null;
  lang: string | null;
  /** Text direction when the page declares or its language implies one. */
  dir: "ltr" | "rtl" | null;
  canonicalUrl: string | null;
  leadImage: LeadImage | null;
  /** Cleaned but NOT yet sanitized: ingest/ passes it through sanitize/ before storage. */
  bodyHtml: string;
  /** Plain text with a blank line between blocks. */
  text: string;
  markdown: string;
  excerpt: string | null;
  wordCount: number;
}

/** A page with no article in it (an index, a login wall, an empty or binary page), and why. */
export interface NotAnArticle {
  kind: "not-article";
  reason: string;
}

export type ExtractionResult = ExtractedArticle | NotAnArticle;

/** The article, or null for a page that has none: for callers that only need to know whether. */
export function articleOrNull(result: ExtractionResult): ExtractedArticle | null {
  return result.kind === "article" ? result : null;
}
