/** @module Namespace URIs the feed parser understands, and the usual prefixes for when a feed forgets to declare them. */

export const NS = {
  atom10: "http://www.w3.org/2005/Atom",
  atom03: "http://purl.org/atom/ns#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rss10: "http://purl.org/rss/1.0/",
  rss090: "http://my.netscape.com/rdf/simple/0.9/",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  sy: "http://purl.org/rss/1.0/modules/syndication/",
  media: "http://search.yahoo.com/mrss/",
  itunes: "http://www.itunes.com/dtds/podcast-1.0.dtd",
  xhtml: "http://www.w3.org/1999/xhtml",
  xml: "http://www.w3.org/XML/1998/namespace",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

/** Prefix -> namespace for prefixes used without a declaration, as feedparser also accepts. */
export const KNOWN_PREFIXES: Record<string, string> = {
  atom: NS.atom10,
  rdf: NS.rdf,
  content: NS.content,
  dc: NS.dc,
  dcterms: NS.dcterms,
  sy: NS.sy,
  media: NS.media,
  itunes: NS.itunes,
  xhtml: NS.xhtml,
  xml: NS.xml,
};

/**
 * Alternative URIs publishers use for the same vocabulary (trailing slashes, old versions),
 * folded to one so lookups need not know them.
 */
const ALIASES: Record<string, string> = {
  "http://purl.org/dc/elements/1.0/": NS.dc,
  "http://purl.org/dc/elements/1.1": NS.dc,
  "http://purl.org/dc/terms": NS.dcterms,
  "http://purl.org/rss/1.0/modules/content": NS.content,
  "http://search.yahoo.com/mrss": NS.media,
  "http://www.itunes.com/dtds/podcast-1.0.dtd": NS.itunes,
  "http://example.com/DTDs/PodCast-1.0.dtd": NS.itunes,
  "http://www.w3.org/2005/atom": NS.atom10,
  "http://purl.org/atom/ns": NS.atom03,
  "http://backend.userland.com/rss2": "",
  "http://blogs.law.harvard.edu/tech/rss": "",
};

/** The canonical URI for `uri`. UserLand's RSS namespaces mean plain RSS. */
export function canonicalNs(uri: string): string {
  if (uri.startsWith("http://backend.userland.com/rss")) return "";
  return ALIASES[uri] ?? ALIASES[uri.toLowerCase()] ?? uri;
}
