/** @module parseFeed: feed text in, ParsedFeed out; the format is detected from the document, not the URL. */
import { NewsdeskError } from "../errors.ts";
import { ATOM_NS, parseAtom } from "./atom.ts";
import { parseRss } from "./rss.ts";
import type { ParsedFeed } from "./types.ts";
import { parseXmlTree } from "./xml-tree.ts";

/** Cheap look at the start of a document to give a useful error for the commonest mistake. */
function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 2048));
}

/**
 * Parses an RSS 2.0 or Atom 1.0 document. `baseUrl` is where it was fetched from, for relative links.
 * Throws NewsdeskError feed.not_a_feed (an HTML page, another XML vocabulary) or feed.malformed.
 */
export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  if (looksLikeHtml(text)) {
    throw new NewsdeskError(
      "feed.not_a_feed",
      "feed: this URL returns an HTML page, not an RSS or Atom feed",
    );
  }
  if (!/^\s*</.test(text.replace(/^\uFEFF/, ""))) {
    throw new NewsdeskError("feed.not_a_feed", "feed: the response is not XML (it does not start with '<')");
  }
  const root = parseXmlTree(text);
  if (root.local === "rss") return parseRss(root, baseUrl);
  if (root.local === "feed" && root.ns === ATOM_NS) return parseAtom(root, baseUrl);
  if (root.local === "html") {
    throw new NewsdeskError(
      "feed.not_a_feed",
      "feed: this URL returns an HTML page, not an RSS or Atom feed",
    );
  }
  throw new NewsdeskError(
    "feed.not_a_feed",
    `feed: <${root.local}> documents are not a supported feed format`,
  );
}
