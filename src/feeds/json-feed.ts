/** @module JSON Feed 1.0 and 1.1 to the common ParsedFeed shape. */
import { NewsdeskError } from "../errors.ts";
import { parseFeedDate } from "../util/dates.ts";
import { resolveWebUrl } from "../util/urls.ts";
import { itemIdentity } from "./fields.ts";
import { MAX_FEED_ITEMS } from "./tree-budget.ts";
import type { Enclosure, FeedItem, ParsedFeed, TextValue } from "./types.ts";

type Json = Record<string, unknown>;
const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
const obj = (v: unknown): Json | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function authorName(o: Json): string | null {
  const authors = arr(o.authors)
    .map(obj)
    .filter((a) => a !== null);
  const first = authors[0] ?? obj(o.author);
  return first ? str(first.name) : null;
}

function jsonItem(o: Json, base: string, feedAuthor: string | null): FeedItem {
  const id = str(o.id);
  const url = str(o.url) ? resolveWebUrl(str(o.url)!, base) : null;
  const titleText = str(o.title);
  const title: TextValue | null = titleText === null ? null : { value: titleText, type: "text" };
  const html = str(o.content_html);
  const text = str(o.content_text);
  const content: TextValue | null =
    html !== null ? { value: html, type: "html" } : text !== null ? { value: text, type: "text" } : null;
  const summaryText = str(o.summary);
  const published = parseFeedDate(str(o.date_published));
  // Only http(s) links survive, as in the XML formats: an attachment at any other address is dropped.
  const enclosures: Enclosure[] = arr(o.attachments)
    .map(obj)
    .flatMap((a) => {
      const attachmentUrl = a ? resolveWebUrl(str(a.url), base) : null;
      if (!a || !attachmentUrl) return [];
      const size = a.size_in_bytes;
      return [
        {
          url: attachmentUrl,
          type: str(a.mime_type),
          length: typeof size === "number" && Number.isFinite(size) && size >= 0 ? size : null,
        },
      ];
    });
  return {
    guid: itemIdentity(id, url, titleText ?? "", published, html ?? text ?? ""),
    id,
    url,
    title,
    published,
    updated: parseFeedDate(str(o.date_modified)) ?? published,
    author: authorName(o) ?? feedAuthor,
    content,
    summary: summaryText === null ? null : { value: summaryText, type: "text" },
    categories: arr(o.tags)
      .map(str)
      .filter((t): t is string => Boolean(t)),
    enclosures,
  };
}

/** Parses a JSON Feed document; throws feed.malformed for invalid JSON and feed.not_a_feed for other JSON. */
export function parseJsonFeed(text: string, baseUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new NewsdeskError("feed.malformed", `feed: the JSON is not valid: ${(err as Error).message}`);
  }
  const o = obj(data);
  const version = str(o?.version) ?? "";
  if (!o || !/jsonfeed\.org\/version\/1(\.1)?/.test(version)) {
    throw new NewsdeskError(
      "feed.not_a_feed",
      "feed: this JSON document is not a JSON Feed (no jsonfeed.org version)",
    );
  }
  const title = str(o.title);
  const description = str(o.description);
  const home = str(o.home_page_url);
  // The same item bound as the XML formats' (tree-budget.ts); JSON.parse has built them all already.
  const items = arr(o.items);
  return {
    format: "json",
    version: version.endsWith("1.1") ? "json11" : "json10",
    title: title === null ? null : { value: title, type: "text" },
    siteUrl: home ? resolveWebUrl(home, baseUrl) : null,
    description: description === null ? null : { value: description, type: "text" },
    language: str(o.language),
    updated: null,
    // Resolved and http(s) only, as the XML formats give them (the feed parser's contract).
    imageUrl: resolveWebUrl(str(o.icon), baseUrl) ?? resolveWebUrl(str(o.favicon), baseUrl),
    selfUrl: resolveWebUrl(str(o.feed_url), baseUrl),
    hubs: arr(o.hubs)
      .map(obj)
      .map((h) => (h ? resolveWebUrl(str(h.url), baseUrl) : null))
      .filter((u): u is string => u !== null),
    hints: { ttlMinutes: null, updatePeriodMinutes: null, skipHours: [], skipDays: [] },
    items: items
      .slice(0, MAX_FEED_ITEMS)
      .map(obj)
      .filter((i) => i !== null)
      .map((i) => jsonItem(i!, baseUrl, authorName(o))),
    recovered: false,
    itemsNotRead: Math.max(0, items.length - MAX_FEED_ITEMS),
  };
}
