/** @module The contract of extract/: what a page yields. */

export interface LeadImage {
  url: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO-8601 UTC. */
  published: string | null;
  siteName: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  leadImage: LeadImage | null;
  /** Cleaned but NOT yet sanitized: ingest/ passes it through sanitize/ before storage. */
  bodyHtml: string;
  /** Plain text with a blank line between blocks. */
  text: string;
  excerpt: string | null;
}
