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

export function childElements(el: XmlElement, local?: string, ns?: string | readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (local !== undefined && c.local !== local) continue;
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

/** Serializes an element's children back to markup, without namespace prefixes (for Atom xhtml content). */
export function innerXml(el: XmlElement): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") {
      out += escapeText(c);
      continue;
    }
    let attrs = "";
    for (const [k, v] of Object.entries(c.attrs)) {
      if (!k.includes("|")) attrs += ` ${k}="${escapeAttr(v)}"`;
    }
    out += `<${c.local}${attrs}>${innerXml(c)}</${c.local}>`;
  }
  return out;
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
  const lang = attrs["http://www.w3.org/XML/1998/namespace|lang"] ?? parent?.lang ?? null;
  return { base, lang };
}
