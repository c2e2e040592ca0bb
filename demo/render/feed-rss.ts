/** @module RSS 2.0 feeds: WordPress flavour (dc:creator, content:encoded in CDATA) or plain wire flavour (author, enclosure). */
import type { DemoArticle, DemoOutlet } from "../content/index.ts";
import { outletUrls, sectionName } from "./context.ts";
import { localParts, rfc822 } from "./dates.ts";
import { cdata, escapeXml as x } from "./escape.ts";
import { feedContentHtml, newestTimestamp } from "./feed-content.ts";
import { fnv1a } from "./hash.ts";
import { renderSvg } from "./svg.ts";
import { wordpressPostId } from "./wordpress-style.ts";

export interface FeedInput {
  baseUrl: string;
  outlet: DemoOutlet;
  /** Newest first. */
  articles: readonly DemoArticle[];
  /** A section feed's own title and path (the main feed's otherwise). */
  title?: string;
  selfPath?: string;
  /** Query string appended to item links (tracking parameters), without the "?". */
  linkQuery?: string;
}

/** The item link: the article's URL, with the feed's tracking parameters if it adds any. */
export function itemLink(input: FeedInput, a: DemoArticle): string {
  const url = outletUrls(input.outlet, input.baseUrl).article(a);
  return input.linkQuery ? `${url}?${input.linkQuery}` : url;
}

function wordpressItem(input: FeedInput, a: DemoArticle): string {
  const urls = outletUrls(input.outlet, input.baseUrl);
  const link = urls.article(a);
  const categories = [sectionName(input.outlet, a.section), ...a.tags]
    .map((c) => `      <category>${cdata(c)}</category>`)
    .join("\n");
  return `    <item>
      <title>${x(a.headline)}</title>
      <link>${x(itemLink(input, a))}</link>
      <comments>${x(link)}#respond</comments>
      <dc:creator>${cdata(a.author)}</dc:creator>
      <pubDate>${rfc822(a.published, "utc")}</pubDate>
${categories}
      <guid isPermaLink="false">${x(`${input.outlet.idAuthority}/?p=${wordpressPostId(a.slug)}`)}</guid>
      <description>${cdata(a.summary)}</description>
      <content:encoded>${cdata(feedContentHtml(a, urls.image))}</content:encoded>
    </item>`;
}

function wireItem(input: FeedInput, a: DemoArticle): string {
  const urls = outletUrls(input.outlet, input.baseUrl);
  const { year, month, day } = localParts(a.published);
  const guid = `MBW-${year}${month}${day}-${String(fnv1a(a.slug) % 10000).padStart(4, "0")}`;
  const svgLength = Buffer.byteLength(renderSvg(a.leadImage, input.outlet.name));
  return `    <item>
      <title>${x(a.headline)}</title>
      <link>${x(itemLink(input, a))}</link>
      <description>${x(a.summary)}</description>
      <author>newsroom@${x(input.outlet.idAuthority)} (${x(a.author)})</author>
      <category>${x(sectionName(input.outlet, a.section))}</category>
      <pubDate>${rfc822(a.published, "local")}</pubDate>
      <guid isPermaLink="false">${guid}</guid>
      <enclosure url="${x(urls.image(a.leadImage.name))}" length="${svgLength}" type="image/svg+xml"/>
    </item>`;
}

export function renderRssFeed(input: FeedInput): string {
  const { outlet } = input;
  const urls = outletUrls(outlet, input.baseUrl);
  const wordpress = outlet.style === "wordpress";
  const namespaces = wordpress
    ? ` xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"`
    : ` xmlns:atom="http://www.w3.org/2005/Atom"`;
  const items = input.articles.map((a) => (wordpress ? wordpressItem(input, a) : wireItem(input, a)));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"${namespaces}>
  <channel>
    <title>${x(input.title ?? outlet.name)}</title>
    <atom:link href="${x(input.selfPath ? input.baseUrl + input.selfPath : urls.feed)}" rel="self" type="application/rss+xml"/>
    <link>${x(urls.home)}</link>
    <description>${x(outlet.tagline)}</description>
    <lastBuildDate>${rfc822(newestTimestamp(input.articles), wordpress ? "utc" : "local")}</lastBuildDate>
    <language>${x(outlet.language)}</language>
    <generator>${wordpress ? "https://wordpress.org/?v=6.9" : "MeridianPublisher 2.3"}</generator>
    <ttl>${wordpress ? 60 : 15}</ttl>
${items.join("\n")}
  </channel>
</rss>
`;
}
