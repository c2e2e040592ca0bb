/** @module htmlToPlainText: untrusted HTML (a title, a caption) to plain text with entities decoded. */
import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";

/** The text of `html` with whitespace collapsed; markup is dropped, never interpreted. */
export function htmlToPlainText(html: string): string {
  const doc = parseDocument(html);
  return textContent(doc).replace(/\s+/g, " ").trim();
}
