/** @module Escaping helpers for HTML text/attributes, XML and CDATA sections. */

const htmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEntities[ch] ?? ch);
}

/** Escapes text for XML character data or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => (ch === "'" ? "&apos;" : (htmlEntities[ch] ?? ch)));
}

/** Wraps text in a CDATA section, splitting any "]]>" it contains. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** Serializes a value as JSON that is safe inside an HTML <script> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}
