/** @module Escaping text for HTML, shared by the stages that build markup from plain text. */

/** `s` safe as HTML text content (not for attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `s` safe as HTML text and inside a double-quoted attribute value. */
export function escapeHtmlAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, "&quot;");
}
