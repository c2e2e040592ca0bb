/** @module The XML tree both parsers build: namespace-aware elements with their xml:base and xml:lang resolved. */

export interface XmlElement {
  /** Local name, e.g. "item" for both <item> and <rss:item>. */
  local: string;
  /** Namespace URI (canonicalised), "" when none. */
  ns: string;
  /** Attributes by local name, or "uri|local" when namespaced (xml:base is "http://www.w3.org/XML/1998/namespace|base"). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The base URI in effect here (xml:base resolved against the document URL). */
  base: string;
  /** xml:lang in effect here, or null. */
  lang: string | null;
}
export type XmlNode = XmlElement | string;

/** Deeper elements are dropped: no real feed nests this far, and it bounds recursion everywhere. */
export const MAX_DEPTH = 256;

/** Children by local name (case-insensitive: feeds write <TITLE> and <pubdate>) and namespace(s). */
export function childElements(el: XmlElement, local?: string, ns?: string | readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const want = local?.toLowerCase();
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (want !== undefined && c.local.toLowerCase() !== want) continue;
    if (ns !== undefined && (typeof ns === "string" ? c.ns !== ns : !ns.includes(c.ns))) continue;
    out.push(c);
  }
  return out;
}

export function firstChild(
  el: XmlElement,
  local: string,
  ns?: string | readonly string[],
): XmlElement | undefined {
  return childElements(el, local, ns)[0];
}

/** All text inside `el`, concatenated (depth is bounded by MAX_DEPTH). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return "";
  let out = "";
  for (const c of el.children) out += typeof c === "string" ? c : textOf(c);
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

const XHTML_NS = "http://www.w3.org/1999/xhtml";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** An attribute as written in markup: "uri|local" keys become prefixed names for the namespaces HTML knows. */
function attrName(key: string): string | null {
  const bar = key.indexOf("|");
  if (bar < 0) return key;
  const uri = key.slice(0, bar);
  const local = key.slice(bar + 1);
  if (uri === XLINK_NS) return `xlink:${local}`;
  if (uri === "http://www.w3.org/XML/1998/namespace") return `xml:${local}`;
  return null;
}

/**
 * Serializes an element's children back to markup (for inline XHTML content). XHTML elements are
 * written without prefixes; an SVG or MathML island gets its xmlns, as HTML expects. Attributes are
 * sorted so the output is stable.
 */
export function innerXml(el: XmlElement, parentNs = el.ns): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") {
      out += escapeText(c);
      continue;
    }
    const attrs: Array<[string, string]> = [];
    let usesXlink = false;
    for (const [k, v] of Object.entries(c.attrs)) {
      const name = attrName(k);
      if (!name) continue;
      if (name.startsWith("xlink:")) usesXlink = true;
      attrs.push([name, v]);
    }
    const foreign = c.ns !== "" && c.ns !== XHTML_NS && c.ns !== parentNs;
    if (foreign) attrs.push(["xmlns", c.ns]);
    if (usesXlink) attrs.push(["xmlns:xlink", XLINK_NS]);
    attrs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const attrText = attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
    out += `<${c.local}${attrText}>${innerXml(c, c.ns)}</${c.local}>`;
  }
  return out;
}

/** Markup inside an element that holds child elements (naked XHTML in a description), else its text. */
export function markupOrText(el: XmlElement): { value: string; markup: boolean } {
  const hasElements = el.children.some((c) => typeof c !== "string");
  return hasElements
    ? { value: innerXml(el).trim(), markup: true }
    : { value: textOf(el).trim(), markup: false };
}

/** Resolves xml:base and xml:lang for a new element from its attributes and its parent. */
export function scopeOf(attrs: Record<string, string>, parent: XmlElement | undefined, docUrl: string) {
  const xmlBase = attrs["http://www.w3.org/XML/1998/namespace|base"];
  const parentBase = parent?.base ?? docUrl;
  let base = parentBase;
  if (xmlBase !== undefined) {
    try {
      base = new URL(xmlBase.trim(), parentBase).toString();
    } catch {
      base = parentBase;
    }
  }
  // "en_US" is a common misspelling of the BCP 47 tag "en-US".
  const lang =
    attrs["http://www.w3.org/XML/1998/namespace|lang"]?.trim().replace(/_/g, "-") ?? parent?.lang ?? null;
  return { base, lang };
}
