/** @module Atom 1.0 (RFC 4287) from an OutFeed: ids, updated, authors, alternate and self links, HTML content. */
import type { OutFeed, OutItem } from "./feed-model.ts";
import { XML_DECLARATION, xmlAttr, xmlElement, xmlText } from "./xml.ts";

/** An RFC 3339 timestamp; a stored time that does not parse becomes the epoch rather than bad XML. */
function rfc3339(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString();
}

function link(rel: string, href: string, type?: string, title?: string): string {
  return `<link rel="${rel}" href="${xmlAttr(href)}"${type ? ` type="${type}"` : ""}${title ? ` title="${xmlAttr(title)}"` : ""}/>`;
}

function atomEntry(item: OutItem): string {
  const s = item.source;
  const parts = [
    xmlElement("id", item.id),
    `<title type="text">${xmlText(item.title)}</title>`,
    xmlElement("updated", rfc3339(item.updated)),
    xmlElement("published", rfc3339(item.published)),
    link("alternate", item.url, "text/html"),
    // The original on the outlet's site, beside our page.
    s.originalUrl ? link("related", s.originalUrl, "text/html", s.name) : "",
    `<author><name>${xmlText(item.author || s.name)}</name></author>`,
    ...item.categories.map((c) => `<category term="${xmlAttr(c)}"/>`),
    item.summary ? `<summary type="text">${xmlText(item.summary)}</summary>` : "",
    `<content type="html">${xmlText(item.contentHtml)}</content>`,
    // atom:source names the outlet's feed the entry came from (RFC 4287 section 4.2.11).
    s.feedUrl
      ? `<source>${xmlElement("id", s.feedUrl)}<title type="text">${xmlText(s.name)}</title>${
          s.homeUrl ? link("alternate", s.homeUrl, "text/html") : ""
        }${link("self", s.feedUrl)}</source>`
      : "",
  ];
  return `<entry${item.language ? ` xml:lang="${xmlAttr(item.language)}"` : ""}>${parts.join("")}</entry>`;
}

/** The feed as an Atom 1.0 document (served as application/atom+xml). Its id is its own URL. */
export function buildAtom(feed: OutFeed): string {
  const head = [
    xmlElement("id", feed.selfUrls.atom),
    `<title type="text">${xmlText(feed.title)}</title>`,
    feed.description ? `<subtitle type="text">${xmlText(feed.description)}</subtitle>` : "",
    xmlElement("updated", rfc3339(feed.updated)),
    link("alternate", feed.homeUrl, "text/html"),
    link("self", feed.selfUrls.atom, "application/atom+xml"),
    `<author><name>${xmlText(feed.publisher)}</name></author>`,
    "<generator>Newsdesk</generator>",
  ];
  const lang = feed.language ? ` xml:lang="${xmlAttr(feed.language)}"` : "";
  return `${XML_DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom"${lang}>${head.join("")}\n${feed.items.map(atomEntry).join("\n")}\n</feed>\n`;
}
