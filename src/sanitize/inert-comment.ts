/**
 * @module inertCommentHtml: a stored comment body as the moderation page shows it. The stored HTML is
 * sanitized already; this passes it through the same narrow allowlist again and turns every link into
 * plain text that shows its address, so a moderator sees where a spam link goes and cannot follow it
 * by accident.
 */
import sanitize from "sanitize-html";
import { NON_TEXT_TAGS } from "./sanitize-html.ts";

/** The comment subset's tags, with <span> for the links made inert. */
const INERT_TAGS = ["p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "span"];

/**
 * Comment HTML with links as `<span class="inert-link" data-href="...">text</span>`; the stylesheet
 * prints the address after the text. Nothing clickable, no script, no handler survives.
 */
export function inertCommentHtml(html: string): string {
  return sanitize(html, {
    allowedTags: INERT_TAGS,
    allowedAttributes: { span: ["class", "data-href"], ol: ["start"] },
    allowedSchemes: [],
    disallowedTagsMode: "discard",
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (_tagName, attribs): sanitize.Tag => ({
        tagName: "span",
        // The stored links are http(s) or mailto already; anything else is not even shown as an address.
        attribs: /^(https?:|mailto:)/i.test(attribs.href ?? "")
          ? { class: "inert-link", "data-href": attribs.href ?? "" }
          : {},
      }),
      // A span the stored HTML already had is plain text here: only links get the class.
      span: (): sanitize.Tag => ({ tagName: "span", attribs: {} }),
    },
  });
}
