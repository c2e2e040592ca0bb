/** @module JSON Feed 1.1 from an OutFeed: our page as url, the original as external_url. */
import type { OutFeed, OutItem } from "./feed-model.ts";
import { stripIllegalXml } from "./xml.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

function jsonItem(item: OutItem): Record<string, unknown> {
  return {
    id: item.id,
    url: item.url,
    ...(item.source.originalUrl ? { external_url: item.source.originalUrl } : {}),
    title: item.title,
    content_html: item.contentHtml,
    ...(item.summary ? { summary: item.summary } : {}),
    ...(item.imageUrl ? { image: item.imageUrl } : {}),
    date_published: item.published,
    date_modified: item.updated,
    authors: [{ name: item.author || item.source.name }],
    ...(item.categories.length > 0 ? { tags: item.categories } : {}),
    ...(item.language ? { language: item.language } : {}),
    // JSON Feed extensions start with "_"; this one names the outlet (readers ignore what they do not know).
    _source: {
      name: item.source.name,
      ...(item.source.homeUrl ? { home_page_url: item.source.homeUrl } : {}),
      ...(item.source.feedUrl ? { feed_url: item.source.feedUrl } : {}),
      ...(item.source.originalUrl ? { url: item.source.originalUrl } : {}),
    },
  };
}

/** The feed as a JSON Feed 1.1 document (served as application/feed+json). */
export function buildJsonFeed(feed: OutFeed): string {
  const doc = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrls.json,
    ...(feed.description ? { description: feed.description } : {}),
    ...(feed.language ? { language: feed.language } : {}),
    authors: [{ name: feed.publisher }],
    items: feed.items.map(jsonItem),
  };
  // JSON can carry control characters escaped, but the same text is stripped as in the XML formats,
  // and "</" is escaped so the document is also safe if a reader embeds it in a <script>.
  return `${JSON.stringify(doc, (_k, v) => (typeof v === "string" ? stripIllegalXml(v) : v)).replace(/<\//g, "<\\/")}\n`;
}
