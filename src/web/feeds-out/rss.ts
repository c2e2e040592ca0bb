/** @module RSS 2.0 from an OutFeed: atom:link rel=self, permalink guids, RFC 822 dates, content:encoded. */
import type { OutFeed, OutItem } from "./feed-model.ts";
import { XML_DECLARATION, xmlAttr, xmlElement, xmlText } from "./xml.ts";

/** RFC 822 date with a four-digit year, as RSS 2.0 asks ("Thu, 19 Nov 2026 08:30:00 GMT"). */
export function rfc822(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(0).toUTCString() : d.toUTCString();
}

function rssItem(item: OutItem): string {
  const parts = [
    xmlElement("title", item.title),
    xmlElement("link", item.url),
    `<guid isPermaLink="true">${xmlText(item.id)}</guid>`,
    xmlElement("pubDate", rfc822(item.published)),
    xmlElement("dc:creator", item.author),
    // The summary (with the Source line) for readers that show description only; the body, when the
    // source allows full text, in content:encoded. Both are escaped text, never CDATA.
    `<description>${xmlText(item.summaryHtml)}</description>`,
    item.fullText ? `<content:encoded>${xmlText(item.contentHtml)}</content:encoded>` : "",
    ...item.categories.map((c) => xmlElement("category", c)),
    // RSS's <source url> names the channel the item came from: the outlet's feed.
    item.source.feedUrl
      ? `<source url="${xmlAttr(item.source.feedUrl)}">${xmlText(item.source.name)}</source>`
      : "",
  ];
  return `<item>${parts.join("")}</item>`;
}

/** The feed as an RSS 2.0 document (served as application/rss+xml). */
export function buildRss(feed: OutFeed): string {
  const head = [
    xmlElement("title", feed.title),
    xmlElement("link", feed.homeUrl),
    `<description>${xmlText(feed.description || feed.title)}</description>`,
    `<atom:link href="${xmlAttr(feed.selfUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    xmlElement("language", feed.language),
    xmlElement("lastBuildDate", rfc822(feed.updated)),
    "<generator>Newsdesk</generator>",
  ];
  return `${XML_DECLARATION}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${head.join("")}\n${feed.items.map(rssItem).join("\n")}\n</channel></rss>\n`;
}
