/** @module Atom 1.0 feeds: summary-only (TVPR, UTC times) or with full HTML content and enclosures (Circuit Ledger, local offsets). */
import type { DemoArticle } from "../content/index.ts";
import { outletUrls, sectionName } from "./context.ts";
import { localParts, rfc3339 } from "./dates.ts";
import { escapeXml as x } from "./escape.ts";
import { feedContentHtml, newestTimestamp } from "./feed-content.ts";
import type { FeedInput } from "./feed-rss.ts";
import { renderSvg } from "./svg.ts";

function entryId(input: FeedInput, a: DemoArticle): string {
  const { year, month, day } = localParts(a.published);
  return `tag:${input.outlet.idAuthority},${year}-${month}-${day}:${a.slug}`;
}

function entry(input: FeedInput, a: DemoArticle, full: boolean): string {
  const { outlet } = input;
  const urls = outletUrls(outlet, input.baseUrl);
  const zone = full ? "local" : "utc";
  const lang = a.language === outlet.language.split("-")[0] ? "" : ` xml:lang="${x(a.language)}"`;
  const lines = [
    `  <entry${lang}>`,
    `    <title type="text">${x(a.headline)}</title>`,
    `    <link rel="alternate" type="text/html" href="${x(urls.article(a))}"/>`,
    `    <id>${x(entryId(input, a))}</id>`,
    `    <published>${rfc3339(a.published, zone)}</published>`,
    `    <updated>${rfc3339(a.updated ?? a.published, zone)}</updated>`,
    full
      ? `    <author><name>${x(a.author)}</name><uri>${x(urls.author(a.author))}</uri></author>`
      : `    <author><name>${x(a.author)}</name></author>`,
    `    <category term="${x(a.section)}" label="${x(sectionName(outlet, a.section))}"/>`,
    `    <summary type="text">${x(a.summary)}</summary>`,
  ];
  if (full) {
    const svgLength = Buffer.byteLength(renderSvg(a.leadImage, outlet.name));
    lines.push(
      `    <link rel="enclosure" type="image/svg+xml" length="${svgLength}" href="${x(urls.image(a.leadImage.name))}"/>`,
      ...a.tags.map((t) => `    <category term="${x(t)}"/>`),
      `    <content type="html">${x(feedContentHtml(a, urls.image))}</content>`,
    );
  }
  lines.push("  </entry>");
  return lines.join("\n");
}

export function renderAtomFeed(input: FeedInput): string {
  const { outlet } = input;
  const urls = outletUrls(outlet, input.baseUrl);
  const full = outlet.style === "jsonld";
  const updated = rfc3339(newestTimestamp(input.articles), full ? "local" : "utc");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(outlet.language)}">
  <title type="text">${x(outlet.name)}</title>
  <subtitle type="text">${x(outlet.tagline)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(urls.feed)}"/>
  <link rel="alternate" type="text/html" href="${x(urls.home)}"/>
  <id>tag:${x(outlet.idAuthority)},2026:feed</id>
  <updated>${updated}</updated>
  <generator uri="${x(urls.home)}" version="1.0">${x(outlet.shortName)} CMS</generator>
  <rights>© 2026 ${x(outlet.name)} (fictional)</rights>
${input.articles.map((a) => entry(input, a, full)).join("\n")}
</feed>
`;
}
