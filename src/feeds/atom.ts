/** @module Atom 1.0 feed and entries to the common ParsedFeed shape. */
import { parseFeedDate } from "./dates.ts";
import { resolveUrl } from "./resolve-url.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { childElements, firstChild, innerXml, textOf, type XmlElement } from "./xml-tree.ts";

export const ATOM_NS = "http://www.w3.org/2005/Atom";

/** The rel=alternate link (the default rel), as an absolute URL. */
function alternateLink(el: XmlElement, base: string): string | null {
  for (const link of childElements(el, "link", ATOM_NS)) {
    const rel = link.attrs.rel ?? "alternate";
    if (rel === "alternate" && link.attrs.href) return resolveUrl(link.attrs.href, base);
  }
  return null;
}

/** An Atom text construct as HTML: type="text" is escaped, "html" is as is, "xhtml" is re-serialized. */
function textConstructHtml(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const type = el.attrs.type ?? "text";
  if (type === "xhtml") {
    const div = firstChild(el, "div");
    return div ? innerXml(div) : innerXml(el);
  }
  const t = textOf(el);
  if (type === "html" || type === "text/html") return t.trim() || null;
  const escaped = t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").trim();
  return escaped ? `<p>${escaped}</p>` : null;
}

function atomEntry(entry: XmlElement, base: string): FeedItem {
  const url = alternateLink(entry, base);
  const title = textOf(firstChild(entry, "title", ATOM_NS)).trim();
  const published = parseFeedDate(
    textOf(firstChild(entry, "published", ATOM_NS)) || textOf(firstChild(entry, "updated", ATOM_NS)),
  );
  const id = textOf(firstChild(entry, "id", ATOM_NS)).trim();
  const author = firstChild(entry, "author", ATOM_NS);
  return {
    guid: id || url || `${title}|${published ?? ""}`,
    url,
    title,
    published,
    author: author ? textOf(firstChild(author, "name", ATOM_NS)).trim() || null : null,
    contentHtml: textConstructHtml(firstChild(entry, "content", ATOM_NS)),
    summaryHtml: textConstructHtml(firstChild(entry, "summary", ATOM_NS)),
  };
}

/** Reads an Atom `<feed>` root. */
export function parseAtom(root: XmlElement, base: string): ParsedFeed {
  return {
    format: "atom",
    title: textOf(firstChild(root, "title", ATOM_NS)).trim() || null,
    siteUrl: alternateLink(root, base),
    items: childElements(root, "entry", ATOM_NS).map((e) => atomEntry(e, base)),
  };
}
