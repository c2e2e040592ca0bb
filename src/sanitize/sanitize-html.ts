/** @module sanitizeHtml: untrusted HTML to safe HTML by allowlist, with absolute URLs. The last step before storage. */
import sanitize from "sanitize-html";
import { withoutControlChars } from "../util/control-chars.ts";

/**
 * Tags dropped with everything inside them (the text of other dropped wrappers, such as div or span, is
 * kept): their content is code, form state or foreign markup, never prose. Every sanitizer uses it.
 */
export const NON_TEXT_TAGS = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "template",
  "iframe",
  "object",
  "svg",
  "math",
];

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "code",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "small",
  "mark",
  "q",
  "cite",
  "abbr",
  "time",
  "a",
  "img",
  "figure",
  "figcaption",
  "picture",
  "source",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
];

function absolute(value: string | undefined, base: string): string | undefined {
  if (!value) return value;
  try {
    return new URL(value.trim(), base).toString();
  } catch {
    return undefined;
  }
}

/** `srcset` candidates each made absolute; anything unparseable is dropped. */
function absoluteSrcset(value: string | undefined, base: string): string | undefined {
  if (!value) return value;
  const parts = value
    .split(",")
    .map((c) => c.trim().split(/\s+/))
    .map(([url, size]) => {
      const abs = url ? absolute(url, base) : undefined;
      return abs && /^https?:/.test(abs) ? `${abs}${size ? ` ${size}` : ""}` : null;
    })
    .filter((c): c is string => c !== null);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/**
 * Returns `html` with only the tags, attributes and URL schemes an article body needs.
 * Scripts, styles, event handlers, forms, iframes and `javascript:`/`data:` URLs never survive.
 * Relative links and image sources are resolved against `baseUrl`; links open as plain links.
 */
export function sanitizeHtml(html: string, baseUrl: string): string {
  // Controls go before parsing and again after it: a character reference ("&#1;") decodes to one.
  return untilStable(html, (h) => withoutControlChars(sanitizeOnce(withoutControlChars(h), baseUrl)));
}

/** Passes after the first; in practice one more is enough (the property tests check idempotence). */
const MAX_EXTRA_PASSES = 3;

/**
 * `pass` applied until its output no longer changes. One pass can leave nesting the next one reads
 * differently: htmlparser2 closes an open <p> at the next <p> or block only when the <p> is the
 * innermost open element, so a discarded tag between them ("<p><x><p>") gives "<p><p></p></p>",
 * which a second parse (and a browser) reads as three paragraphs. Shared by both sanitizers.
 */
export function untilStable(html: string, pass: (html: string) => string): string {
  let out = pass(html);
  for (let i = 0; i < MAX_EXTRA_PASSES; i++) {
    const next = pass(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function sanitizeOnce(html: string, baseUrl: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "srcset", "alt", "title", "width", "height"],
      source: ["srcset", "media", "type"],
      time: ["datetime"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      abbr: ["title"],
      blockquote: ["cite"],
      q: ["cite"],
      ol: ["start", "reversed"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"], source: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, href: absolute(attribs.href, baseUrl) ?? "" },
      }),
      img: (tagName, attribs) => {
        const out: Record<string, string> = { ...attribs };
        const src = absolute(attribs.src, baseUrl);
        const srcset = absoluteSrcset(attribs.srcset, baseUrl);
        if (src) out.src = src;
        else delete out.src;
        if (srcset) out.srcset = srcset;
        else delete out.srcset;
        return { tagName, attribs: out };
      },
      source: (tagName, attribs) => {
        const srcset = absoluteSrcset(attribs.srcset, baseUrl);
        const out: Record<string, string> = { ...attribs };
        if (srcset) out.srcset = srcset;
        else delete out.srcset;
        return { tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs.srcset,
  });
}
