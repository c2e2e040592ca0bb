/** @module sanitizeCommentHtml: the narrow allowlist for readers' comments (no images, no headings, links marked ugc). */
import sanitize from "sanitize-html";
import { NON_TEXT_TAGS, untilStable } from "./sanitize-html.ts";

/** What the comment Markdown subset can produce; anything else is dropped with its markup. */
const COMMENT_TAGS = ["p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a"];

/** Every link a reader posts: no ranking credit (nofollow, ugc), no window.opener for the target. */
export const COMMENT_LINK_REL = "nofollow ugc noopener";

/**
 * Returns comment HTML with only the subset's tags; links keep an absolute http(s) or mailto href
 * (anything else loses the link and keeps the text) and get `rel="nofollow ugc noopener"`. Images,
 * styles, scripts, handlers, forms, frames and SVG never survive. Applied to markdown-it's output,
 * which escapes raw HTML already, so this is the second of two independent walls.
 */
export function sanitizeCommentHtml(html: string): string {
  return untilStable(html, sanitizeOnce);
}

function sanitizeOnce(html: string): string {
  return sanitize(html, {
    allowedTags: COMMENT_TAGS,
    allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (tagName, attribs): sanitize.Tag => {
        const href = safeHref(attribs.href);
        // A link without a usable address is left bare here and unwrapped to its text below. (Renaming
        // it to a disallowed tag instead left a stray "</span>" when an unclosed tag sat inside it.)
        if (!href) return { tagName, attribs: {} };
        return { tagName, attribs: { href, rel: COMMENT_LINK_REL } };
      },
    },
    exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
  });
}

/** An absolute http(s) or mailto URL, normalized by the URL parser, or null. */
function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:"
      ? url.toString()
      : null;
  } catch {
    return null;
  }
}
