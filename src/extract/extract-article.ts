/** @module extractArticle: a page's HTML in, the article in it out (the first, simple extractor). */
import render from "dom-serializer";
import { parseDocument } from "htmlparser2";
import { blockText, findContentRoot, removeFurniture, tidyContent } from "./body.ts";
import { EXCERPT_CHARS } from "./constants.ts";
import { resolveLazyImages } from "./lazy-images.ts";
import { takeLeadImage } from "./lead-image.ts";
import { readMetadata } from "./metadata.ts";
import type { ExtractedArticle } from "./types.ts";

/** Pages larger than this are cut before parsing, so one huge page cannot stall the worker. */
const MAX_HTML_CHARS = 5_000_000;

function excerptOf(text: string): string | null {
  const first = text.split("\n\n").find((p) => p.length > 40) ?? text;
  if (!first) return null;
  return first.length <= EXCERPT_CHARS ? first : `${first.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…`;
}

/**
 * Extracts the article from `html`, fetched from `url`. Pure: no network, no database.
 * Steps: 1. metadata (JSON-LD, OpenGraph, meta, visible markup); 2. lazy images made real;
 * 3. lead image with caption and credit taken out; 4. furniture removed; 5. the best-scoring
 * container chosen and tidied; 6. text and excerpt derived from it.
 * Returns null when no article text is found.
 */
export function extractArticle(html: string, url: string): ExtractedArticle | null {
  const doc = parseDocument(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  const meta = readMetadata(doc, url);
  resolveLazyImages(doc);
  const leadImage = takeLeadImage(doc, url, meta.imageUrl);
  removeFurniture(doc);
  const root = findContentRoot(doc);
  if (!root) return null;
  tidyContent(root, meta.title);
  const text = blockText(root);
  if (!text) return null;
  return {
    title: meta.title,
    byline: meta.byline,
    published: meta.published,
    siteName: meta.siteName,
    lang: meta.lang,
    canonicalUrl: meta.canonicalUrl,
    leadImage,
    bodyHtml: render(root.children, { encodeEntities: "utf8" }),
    text,
    excerpt: excerptOf(text),
  };
}
