/** @module Microsoft's Channel Definition Format (CDF, 1997): <CHANNEL HREF LASTMOD> with <ITEM>s, still met in old archives. */
import { parseFeedDate } from "../util/dates.ts";
import { absolute, itemIdentity, pickText } from "./fields.ts";
import type { FeedItem, ParsedFeed, TextValue } from "./types.ts";
import { childElements, type XmlElement } from "./xml-tree.ts";

/** CDF attributes are upper-case in practice but case-insensitive in spirit. */
function attr(el: XmlElement, name: string): string | null {
  for (const [k, v] of Object.entries(el.attrs)) if (k.toLowerCase() === name) return v;
  return null;
}

function text(el: XmlElement, local: string): TextValue | null {
  const t = pickText(el, [local, ""]);
  return t === null ? null : { value: t, type: "text" };
}

function cdfItem(item: XmlElement): FeedItem {
  const url = absolute(attr(item, "href"), item);
  const title = text(item, "title");
  const date = parseFeedDate(attr(item, "lastmod"));
  const abstract = text(item, "abstract");
  return {
    guid: itemIdentity(null, url, title?.value ?? "", date, abstract?.value ?? ""),
    id: null,
    url,
    title,
    published: date,
    updated: date,
    author: null,
    content: null,
    summary: abstract,
    categories: [],
    enclosures: [],
  };
}

/** Reads a CDF `<CHANNEL>` root. */
export function parseCdf(root: XmlElement): ParsedFeed {
  return {
    format: "rss",
    version: "cdf",
    title: text(root, "title"),
    siteUrl: absolute(attr(root, "href"), root),
    description: text(root, "abstract"),
    language: root.lang,
    updated: parseFeedDate(attr(root, "lastmod")),
    imageUrl: null,
    selfUrl: null,
    hubs: [],
    hints: { ttlMinutes: null, updatePeriodMinutes: null, skipHours: [], skipDays: [] },
    items: childElements(root, "item", "").map(cdfItem),
    recovered: false,
    itemsNotRead: 0,
  };
}
