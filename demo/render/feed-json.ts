/** @module JSON Feed 1.1 (The Valley Dispatch): full HTML content, local-offset dates, authors and tags. */
import { outletUrls } from "./context.ts";
import { rfc3339 } from "./dates.ts";
import { feedContentHtml } from "./feed-content.ts";
import type { FeedInput } from "./feed-rss.ts";

export function renderJsonFeed(input: FeedInput): string {
  const { outlet } = input;
  const urls = outletUrls(outlet, input.baseUrl);
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: input.title ?? outlet.name,
    home_page_url: urls.home,
    feed_url: input.baseUrl + (input.selfPath ?? outlet.feed.path),
    description: outlet.tagline,
    language: outlet.language,
    items: input.articles.map((a) => ({
      id: `${outlet.idAuthority}:${a.slug}`,
      url: urls.article(a) + (input.linkQuery ? `?${input.linkQuery}` : ""),
      title: a.headline,
      summary: a.summary,
      content_html: feedContentHtml(a, urls.image),
      image: urls.image(a.leadImage.name),
      date_published: rfc3339(a.published, "local"),
      ...(a.updated ? { date_modified: rfc3339(a.updated, "local") } : {}),
      authors: [{ name: a.author }],
      tags: a.tags,
      language: a.language,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
