/** @module RSS 0.9x and 2.0, and RDF-based RSS 0.90 and 1.0, to the common ParsedFeed shape. */
import { parseFeedDate } from "../util/dates.ts";
import {
  absolute,
  enclosure,
  itemIdentity,
  personName,
  pick,
  pickAll,
  pickText,
  type QName,
  rssText,
} from "./fields.ts";
import { NS } from "./namespaces.ts";
import { textValueToPlain } from "./text-value.ts";
import type { FeedItem, ParsedFeed, PollingHints } from "./types.ts";
import { childElements, firstChild, textOf, type XmlElement } from "./xml-tree.ts";

/** Plain RSS elements live in no namespace (2.0), or in the RSS 1.0 / 0.90 RDF namespaces. */
const RSS: readonly string[] = ["", NS.rss10, NS.rss090];
const r = (local: string): QName => [local, RSS];

function atomLinks(el: XmlElement, rel: string): string[] {
  return childElements(el, "link", NS.atom10)
    .filter((l) => (l.attrs.rel ?? "alternate") === rel && l.attrs.href)
    .map((l) => absolute(l.attrs.href, l))
    .filter((u): u is string => u !== null);
}

/** itunes:category text="..." with its nested subcategories, in document order. */
function itunesCategories(el: XmlElement): string[] {
  return childElements(el, "category", NS.itunes).flatMap((c) => [
    c.attrs.text ?? "",
    ...itunesCategories(c),
  ]);
}

/** "en_US" -> "en-US": BCP 47 uses hyphens. */
function language(raw: string | null): string | null {
  return raw ? raw.trim().replace(/_/g, "-") : null;
}

function rssItem(item: XmlElement): FeedItem {
  const title = rssText(pick(item, r("title"), ["title", NS.dc], ["title", NS.media]), false);
  const guidEl = pick(item, r("guid"));
  const guid = guidEl ? textOf(guidEl).trim() : null;
  const rdfAbout = item.attrs[`${NS.rdf}|about`] ?? null;
  const linkText = pickText(item, r("link"));
  const permalink =
    guidEl && guid && guidEl.attrs.isPermaLink?.toLowerCase() !== "false" && /^https?:\/\//i.test(guid);
  const url =
    absolute(linkText, pick(item, r("link")) ?? item) ??
    atomLinks(item, "alternate")[0] ??
    (permalink ? absolute(guid, guidEl) : null) ??
    absolute(rdfAbout, item);
  const published = parseFeedDate(
    pickText(item, r("pubDate"), ["date", NS.dc], ["issued", NS.dcterms], ["created", NS.dcterms]),
  );
  const updated =
    parseFeedDate(pickText(item, ["modified", NS.dcterms], ["updated", NS.atom10])) ?? published;
  const summary = rssText(pick(item, r("description"), ["description", NS.dc], ["summary", NS.itunes]), true);
  const content = rssText(
    pick(item, ["encoded", NS.content], ["body", NS.xhtml], r("body"), r("fullitem"), ["content", NS.atom10]),
    true,
  );
  const categories = [
    ...pickAll(item, r("tags")).flatMap((t) => textOf(t).split(",")),
    ...pickAll(item, r("category"), ["subject", NS.dc], ["category", NS.media]).map((c) => textOf(c)),
    ...itunesCategories(item),
  ]
    .map((c) => c.trim())
    .filter(Boolean);
  const enclosures = pickAll(item, r("enclosure"))
    .map((e) => enclosure(absolute(e.attrs.url, e), e.attrs.type, e.attrs.length))
    .filter((e) => e !== null);
  const plainTitle = textValueToPlain(title);
  return {
    guid: itemIdentity(guid || rdfAbout, url, plainTitle, published, textOf(item)),
    id: guid || rdfAbout,
    url,
    title,
    published,
    updated,
    author: personName(
      pickText(item, r("author"), ["creator", NS.dc], ["author", NS.itunes], ["author", NS.dc]),
    ),
    content,
    summary,
    categories,
    enclosures,
  };
}

function hintsOf(channel: XmlElement): PollingHints {
  const ttl = Number(pickText(channel, r("ttl")));
  const period = pickText(channel, ["updatePeriod", NS.sy])?.toLowerCase();
  const frequency = Number(pickText(channel, ["updateFrequency", NS.sy]) ?? 1) || 1;
  const periodMinutes: Record<string, number> = {
    hourly: 60,
    daily: 1440,
    weekly: 10080,
    monthly: 43200,
    yearly: 525600,
  };
  const skipHours = childElements(firstChild(channel, "skipHours", RSS) ?? channel, "hour", RSS)
    .map((h) => Number(textOf(h).trim()))
    .filter((h) => Number.isInteger(h) && h >= 0 && h <= 24)
    .map((h) => h % 24);
  const skipDays = childElements(firstChild(channel, "skipDays", RSS) ?? channel, "day", RSS)
    .map((d) => textOf(d).trim())
    .filter(Boolean);
  return {
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    updatePeriodMinutes: period && periodMinutes[period] ? periodMinutes[period] / frequency : null,
    skipHours: skipHours.length < 24 ? skipHours : [],
    skipDays,
  };
}

/** Reads an `<rss>` or `<rdf:RDF>` root. Items may sit in the channel (RSS 2.0) or beside it (RDF). */
export function parseRss(root: XmlElement, version: string): ParsedFeed {
  const channel = firstChild(root, "channel", RSS) ?? root;
  const itemEls = childElements(channel, "item", RSS);
  const items = (itemEls.length > 0 ? itemEls : childElements(root, "item", RSS)).map(rssItem);
  const imageEl = firstChild(channel, "image", RSS) ?? firstChild(root, "image", RSS);
  const itunesImage = firstChild(channel, "image", NS.itunes);
  const itunesImageLink = childElements(channel, "link", NS.itunes).find((l) => l.attrs.rel === "image");
  const linkEl = pick(channel, r("link"));
  return {
    format: version.startsWith("rss1") || version === "rss090" ? "rdf" : "rss",
    version,
    title: rssText(pick(channel, r("title"), ["title", NS.dc]), false),
    siteUrl:
      absolute(linkEl ? textOf(linkEl).trim() : null, linkEl ?? channel) ??
      atomLinks(channel, "alternate")[0] ??
      null,
    description: rssText(
      pick(
        channel,
        r("description"),
        ["description", NS.dc],
        ["summary", NS.itunes],
        ["subtitle", NS.itunes],
      ),
      true,
    ),
    language: language(pickText(channel, r("language"), ["language", NS.dc]) ?? channel.lang),
    updated: parseFeedDate(
      pickText(channel, r("lastBuildDate"), r("pubDate"), ["date", NS.dc], ["modified", NS.dcterms]),
    ),
    imageUrl:
      absolute(imageEl ? pickText(imageEl, r("url")) : null, imageEl ?? channel) ??
      absolute(itunesImage?.attrs.href ?? itunesImage?.attrs.url, itunesImage ?? channel) ??
      absolute(itunesImageLink?.attrs.href, itunesImageLink ?? channel),
    selfUrl: atomLinks(channel, "self")[0] ?? null,
    hubs: atomLinks(channel, "hub"),
    hints: hintsOf(channel),
    items,
    recovered: false,
    itemsNotRead: 0,
  };
}
