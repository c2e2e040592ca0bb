/** @module Parses XML into a small namespace-aware tree with saxes (no DTD, no external entities). */
import { SaxesParser } from "saxes";
import { NewsdeskError } from "../errors.ts";

export interface XmlElement {
  /** Local name, e.g. "item" for both <item> and <rss:item>. */
  local: string;
  /** Namespace URI, "" when none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Strictly parses `text`; throws feed.malformed with the line and column of the first error. */
export function parseXmlTree(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { local: "#document", ns: "", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let error: Error | null = null;
  parser.on("error", (err) => {
    error ??= err;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (typeof a === "string") continue;
      attrs[a.uri ? `${a.uri}|${a.local}` : a.local] = a.value;
    }
    const el: XmlElement = { local: tag.local ?? tag.name, ns: tag.uri ?? "", attrs, children: [] };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const onText = (t: string) => {
    stack.at(-1)?.children.push(t);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.write(text).close();
  if (error) {
    const msg = (error as Error).message.split("\n")[0];
    throw new NewsdeskError("feed.malformed", `feed: the XML is not well-formed: ${msg}`);
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new NewsdeskError("feed.not_a_feed", "feed: the document has no root element");
  return top;
}

export function childElements(el: XmlElement, local?: string, ns?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement =>
      typeof c !== "string" &&
      (local === undefined || c.local === local) &&
      (ns === undefined || c.ns === ns),
  );
}

export function firstChild(el: XmlElement, local: string, ns?: string): XmlElement | undefined {
  return childElements(el, local, ns)[0];
}

/** All text inside `el`, concatenated. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return "";
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Serializes an element's children back to markup (for Atom xhtml content). */
export function innerXml(el: XmlElement): string {
  return el.children
    .map((c) => {
      if (typeof c === "string") return escapeXml(c);
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => !k.includes("|"))
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join("");
      return `<${c.local}${attrs}>${innerXml(c)}</${c.local}>`;
    })
    .join("");
}
