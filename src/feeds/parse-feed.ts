/** @module parseFeed: feed text in, ParsedFeed out; the format is detected from the document, not the URL. */
import { NewsdeskError } from "../errors.ts";
import { MAX_ATTRIBUTES_PER_ELEMENT, mostAttributesInATag } from "../util/markup-bounds.ts";
import { parseAtom } from "./atom.ts";
import { parseCdf } from "./cdf.ts";
import { parseJsonFeed } from "./json-feed.ts";
import { NS } from "./namespaces.ts";
import { parseRss } from "./rss.ts";
import { TreeBudget, TreeTooLargeError } from "./tree-budget.ts";
import type { ParsedFeed } from "./types.ts";
import { parseXmlStrict } from "./xml-strict.ts";
import { parseXmlTolerant } from "./xml-tolerant.ts";
import type { XmlElement } from "./xml-tree.ts";

/** Cheap look at the start of a document to give a useful error for the commonest mistake. */
function looksLikeHtmlPage(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 2048));
}

/** Share of replacement and control characters above which a response is binary data, not text. */
const BINARY_SHARE = 0.1;
const BINARY_SAMPLE_CHARS = 4096;

/** Binary data decoded as text is full of U+FFFD and C0 controls; real feeds, even mis-encoded, are not. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) odd++;
  }
  return sample.length > 0 && odd / sample.length > BINARY_SHARE;
}

function dispatch(root: XmlElement): ParsedFeed | null {
  const local = root.local.toLowerCase();
  if (local === "rss") {
    const v = (root.attrs.version ?? "2.0").trim();
    return parseRss(root, v.startsWith("0.9") ? `rss${v.replace(".", "")}` : "rss20");
  }
  if (local === "rdf") {
    const channelNs = root.children.find((c) => typeof c !== "string" && c.local === "channel");
    const version =
      channelNs && typeof channelNs !== "string" && channelNs.ns === NS.rss090 ? "rss090" : "rss10";
    return parseRss(root, version);
  }
  // Any <feed> root: Atom 1.0, 0.3, and the pre-standard drafts that used other namespaces.
  if (local === "feed") {
    const version = root.ns === NS.atom10 && root.attrs.version !== "0.3" ? "atom10" : "atom03";
    return parseAtom(root, version);
  }
  // A bare <channel>: CDF when it carries CDF's attributes or items, else RSS without its <rss> wrapper.
  if (local === "channel") {
    const cdf = Object.keys(root.attrs).some((k) => /^(href|lastmod)$/i.test(k)) || root.local === "CHANNEL";
    return cdf ? parseCdf(root) : parseRss(root, "rss");
  }
  return null;
}

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1. XML is read strictly first;
 * a document that is not well-formed is read again by the tolerant parser (and marked `recovered`).
 * `baseUrl` is where it was fetched from, for relative links.
 * Throws NewsdeskError feed.not_a_feed (an HTML page, another vocabulary), feed.malformed or
 * feed.too_complex (markup no feed needs, which would cost the parsers hundreds of megabytes).
 */
export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, "");
  if (/^\s*[{[]/.test(body)) return parseJsonFeed(body, baseUrl);
  if (looksLikeHtmlPage(body)) {
    throw new NewsdeskError(
      "feed.not_a_feed",
      "feed: this URL returns an HTML page, not an RSS or Atom feed",
    );
  }
  if (looksBinary(body)) {
    throw new NewsdeskError("feed.not_a_feed", "feed: the response is binary data, not XML or JSON");
  }
  if (!/^\s*</.test(body)) {
    throw new NewsdeskError(
      "feed.not_a_feed",
      "feed: the response is not XML or JSON (it does not start with '<' or '{')",
    );
  }
  if (mostAttributesInATag(body, MAX_ATTRIBUTES_PER_ELEMENT) > MAX_ATTRIBUTES_PER_ELEMENT) {
    throw new NewsdeskError(
      "feed.too_complex",
      `feed: an element carries more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes; a feed needs a handful, so it was not read`,
    );
  }
  let budget = new TreeBudget();
  let strict: ReturnType<typeof parseXmlStrict>;
  let root: XmlElement | null;
  try {
    strict = parseXmlStrict(body, baseUrl, budget);
    if ("root" in strict) root = strict.root;
    else {
      budget = new TreeBudget();
      root = parseXmlTolerant(body, baseUrl, budget);
    }
  } catch (err) {
    if (!(err instanceof TreeTooLargeError)) throw err;
    throw new NewsdeskError("feed.too_complex", `feed: ${err.message}`);
  }
  if (!root) throw new NewsdeskError("feed.malformed", "feed: the document has no root element");
  const feed = dispatch(root);
  if (!feed) {
    if (root.local.toLowerCase() === "html") {
      throw new NewsdeskError(
        "feed.not_a_feed",
        "feed: this URL returns an HTML page, not an RSS or Atom feed",
      );
    }
    if ("error" in strict && root.children.length === 0) {
      throw new NewsdeskError("feed.malformed", `feed: the XML is not well-formed: ${strict.error}`);
    }
    throw new NewsdeskError(
      "feed.not_a_feed",
      `feed: <${root.local}> documents are not a supported feed format`,
    );
  }
  return { ...feed, recovered: "error" in strict, itemsNotRead: budget.skippedItems };
}
