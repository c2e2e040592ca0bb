/** @module htmlToPlainText: untrusted HTML (a title, a caption) to plain text with entities decoded. */
import { findAll, removeElement, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { withoutControlChars } from "../util/control-chars.ts";

const NON_TEXT = new Set(["script", "style", "template", "noscript"]);

/** The text of `html` with whitespace collapsed; markup is dropped, never interpreted. */
export function htmlToPlainText(html: string): string {
  const doc = parseDocument(html);
  for (const el of findAll((e) => NON_TEXT.has(e.name), doc.children)) removeElement(el);
  return withoutControlChars(textContent(doc)).replace(/\s+/g, " ").trim();
}
