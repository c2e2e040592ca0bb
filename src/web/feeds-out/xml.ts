/** @module Text and attribute values made safe for XML 1.0, whatever the stored data holds. */

/**
 * Characters XML 1.0 forbids anywhere (C0 controls but tab, newline and CR; lone surrogates;
 * U+FFFE and U+FFFF). Escaping cannot make them legal, so they are dropped; with the `u` flag a lone
 * surrogate is one code point outside every range and is matched, a valid pair is not.
 */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Anything xmlText would change: markup characters or a character XML 1.0 forbids. */
const NEEDS_ESCAPING = /[&<>]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** `s` without the characters XML 1.0 forbids. Also right for JSON, so every format carries the same text. */
export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL_XML, "");
}

/**
 * `s` as XML character data. HTML bodies go through here too (escaped text, never CDATA), so a
 * stored "]]>" or "</content>" is just text to the reader's parser.
 */
export function xmlText(s: string): string {
  // Most text (URLs, dates, plain headlines) needs nothing: one scan instead of four replaces.
  if (!NEEDS_ESCAPING.test(s)) return s;
  return stripIllegalXml(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `s` as a double-quoted XML attribute value (quotes and whitespace kept as they are). */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** `<name>text</name>`, or nothing when the value is null or empty, for optional elements. */
export function xmlElement(name: string, value: string | null | undefined): string {
  return value ? `<${name}>${xmlText(value)}</${name}>` : "";
}

/** The XML declaration every output document starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
