/** @module discoverFeeds: a URL in, the working feeds it is or leads to out, each fetched and parsed once. */
import { NewsdeskError, oneLine } from "../errors.ts";
import { commonFeedUrls, findFeedLinks } from "../feeds/discover.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import type { ParsedFeed } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import { htmlToPlainText } from "../sanitize/plain-text.ts";
import { mapLimit } from "./map-limit.ts";

export interface DiscoveredFeed {
  /** The feed's URL: the one given when it is a feed itself, else the one the page linked or guessed. */
  url: string;
  title: string | null;
  format: ParsedFeed["format"];
  itemCount: number;
  /** How it was found: the URL itself, a link on the page, or a common path on the site. */
  foundBy: "url" | "link" | "common-path";
}

export interface DiscoverDeps {
  fetcher: Fetcher;
  log: Logger;
}

const PAGE_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, application/xml;q=0.8, */*;q=0.5";
const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
/** Candidates validated at once; the fetcher's per-host limits pace them further. */
const VALIDATE_CONCURRENCY = 4;
/** Page failures after which the site's common feed paths are still worth trying (the feed may be open). */
const FALL_BACK_ON = new Set(["fetch.http_status", "fetch.bot_challenge", "fetch.bad_content_type"]);

interface Parsed {
  feed: ParsedFeed;
  finalUrl: string;
}

function tryParse(text: string, url: string, deps: DiscoverDeps): ParsedFeed | null {
  try {
    return parseFeed(text, url);
  } catch (err) {
    deps.log.debug({ url, error: oneLine(err) }, "not a feed");
    return null;
  }
}

async function fetchFeed(url: string, deps: DiscoverDeps): Promise<Parsed | null> {
  try {
    const res = await deps.fetcher.fetch(url, { expect: "feed", accept: FEED_ACCEPT });
    const feed = tryParse(decodeText(res.bytes, res.contentType), res.finalUrl, deps);
    return feed ? { feed, finalUrl: res.finalUrl } : null;
  } catch (err) {
    deps.log.debug({ url, error: oneLine(err) }, "feed candidate unavailable");
    return null;
  }
}

/** The feed's title as plain text, whether the parser gives a string or a typed text value. */
function plainTitle(title: unknown): string | null {
  if (typeof title === "string") return title.trim() || null;
  if (title && typeof title === "object" && "value" in title && typeof title.value === "string") {
    const text = "type" in title && title.type === "html" ? htmlToPlainText(title.value) : title.value;
    return text.trim() || null;
  }
  return null;
}

function describe(url: string, parsed: ParsedFeed, foundBy: DiscoveredFeed["foundBy"]): DiscoveredFeed {
  const title = plainTitle(parsed.title);
  return { url, title, format: parsed.format, itemCount: parsed.items.length, foundBy };
}

/** Same format, title and first item ids: /feed and /rss.xml serving one feed count once. Empty feeds have none. */
function fingerprint(feed: ParsedFeed): string[] {
  if (feed.items.length === 0) return [];
  return [
    `feed:${JSON.stringify([feed.format, plainTitle(feed.title), feed.items.slice(0, 5).map((i) => i.guid)])}`,
  ];
}

/**
 * Finds the feeds behind `url`:
 * 1. fetch it; if it parses as a feed, that is the answer;
 * 2. otherwise collect the feeds its HTML links to (rel="alternate" of a feed type, rel="feed");
 * 3. if it links to none, or could not be fetched for an HTTP reason, guess the site's common paths;
 * 4. fetch and parse every candidate, keeping those that work, once each, in candidate order.
 * Returns [] when nothing works; throws the page's own fetch error when the site is unreachable.
 */
export async function discoverFeeds(url: string, deps: DiscoverDeps): Promise<DiscoveredFeed[]> {
  let candidates: string[];
  let foundBy: DiscoveredFeed["foundBy"] = "link";
  let pageError: unknown = null;
  try {
    const res = await deps.fetcher.fetch(url, { expect: "any", accept: PAGE_ACCEPT });
    const text = decodeText(res.bytes, res.contentType);
    const itself = tryParse(text, res.finalUrl, deps);
    if (itself) return [describe(url, itself, "url")];
    candidates = findFeedLinks(text, res.finalUrl).map((c) => c.url);
    if (candidates.length === 0) {
      candidates = commonFeedUrls(res.finalUrl);
      foundBy = "common-path";
    }
  } catch (err) {
    if (!(err instanceof NewsdeskError && FALL_BACK_ON.has(err.id))) throw err;
    deps.log.debug({ url, error: oneLine(err) }, "page unavailable, trying common feed paths");
    pageError = err;
    candidates = commonFeedUrls(url);
    foundBy = "common-path";
  }

  const results = await mapLimit(candidates, VALIDATE_CONCURRENCY, (c) => fetchFeed(c, deps));
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if (!r) return;
    const keys = [`url:${candidates[i]}`, `url:${r.finalUrl}`, ...fingerprint(r.feed)];
    if (keys.some((k) => seen.has(k))) return;
    for (const k of keys) seen.add(k);
    found.push(describe(candidates[i]!, r.feed, foundBy));
  });
  if (found.length === 0 && pageError) throw pageError;
  return found;
}
