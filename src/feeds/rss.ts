/** @module RSS 2.0 channel and items to the common ParsedFeed shape. */
import { parseFeedDate } from "./dates.ts";
import { resolveUrl } from "./resolve-url.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { childElements, firstChild, textOf, type XmlElement } from "./xml-tree.ts";

const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
const DC_NS = "http://purl.org/dc/elements/1.1/";

/**
 * RSS 2.0's <author> is an email address, often "jane@x.test (Jane Doe)". Returns the name,
 * or null for a bare address: a byline is a person's name, not a mailbox.
 */
export function rssAuthorName(raw: string): string | null {
  const s = raw.trim();
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(s) ?? /^(.+?)\s*<\S+@\S+>$/.exec(s);
  if (named?.[1]) return named[1].trim();
  return /^\S+@\S+$/.test(s) ? null : s || null;
}

function rssItem(item: XmlElement, base: string): FeedItem {
  const text = (local: string, ns = "") => textOf(firstChild(item, local, ns)).trim();
  const link = text("link");
  const url = link ? resolveUrl(link, base) : null;
  const title = text("title");
  const published = parseFeedDate(text("pubDate") || text("date", DC_NS));
  const guid = text("guid") || url || `${title}|${published ?? ""}`;
  return {
    guid,
    url,
    title,
    published,
    author: text("creator", DC_NS) || rssAuthorName(text("author")),
    contentHtml: text("encoded", CONTENT_NS) || null,
    summaryHtml: text("description") || null,
  };
}

/** Reads an `<rss>` root. `base` resolves relative links (the feed's final URL). */
export function parseRss(root: XmlElement, base: string): ParsedFeed {
  const channel = firstChild(root, "channel") ?? root;
  const link = textOf(firstChild(channel, "link", "")).trim();
  return {
    format: "rss",
    title: textOf(firstChild(channel, "title")).trim() || null,
    siteUrl: link ? resolveUrl(link, base) : null,
    items: childElements(channel, "item").map((i) => rssItem(i, base)),
  };
}
