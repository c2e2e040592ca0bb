/** @module Small DOM helpers over htmlparser2's tree, shared by the extractor's steps. */
import { selectAll as cssSelectAll, selectOne as cssSelectOne } from "css-select";
import type { AnyNode, Document, Element, Text } from "domhandler";
import { isTag } from "domhandler";
import { getAttributeValue, removeElement, textContent } from "domutils";
import { resolveWebUrl } from "../util/urls.ts";

export { isTag, removeElement };

/** Every element under `root` matching `selector`. */
export function selectAll(selector: string, root: AnyNode | AnyNode[]): Element[] {
  return cssSelectAll<AnyNode, Element>(selector, root);
}

/** The first element under `root` matching `selector`. */
export function selectOne(selector: string, root: AnyNode | AnyNode[]): Element | null {
  return cssSelectOne<AnyNode, Element>(selector, root);
}
export type { AnyNode, Document, Element };

/** Trimmed text with whitespace collapsed. */
export function textOf(node: AnyNode | AnyNode[] | null | undefined): string {
  if (!node) return "";
  return textContent(node).replace(/\s+/g, " ").trim();
}

export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  const v = getAttributeValue(el, name);
  return v === undefined ? null : v.trim() || null;
}

/** schema.org properties whose items are other works or people's contributions, not the page's article. */
export const FOREIGN_ITEM = /^(citation|review|comment|mentions|isBasedOn)$/;

/** Whether `el` sits in a microdata item the page cites, reviews or carries as a comment. */
export function inForeignItem(el: Element): boolean {
  for (let p: Element | null = el; p && p.type === "tag"; p = p.parent as Element | null)
    if (p.attribs.itemscope !== undefined && FOREIGN_ITEM.test(p.attribs.itemprop ?? "")) return true;
  return false;
}

const metaCache = new WeakMap<Document, Map<string, string>>();

/** The page's <meta> tags by lower-cased property, name or itemprop (first one wins), read once per page. */
function metaMap(doc: Document): Map<string, string> {
  let map = metaCache.get(doc);
  if (!map) {
    map = new Map();
    for (const m of selectAll("meta[content]", doc)) {
      const content = attr(m, "content");
      if (!content) continue;
      // Microdata of a work the page cites, reviews or carries a comment on is not the page's own.
      const itemprop = m.attribs.itemprop && !inForeignItem(m) ? m.attribs.itemprop : undefined;
      for (const k of [m.attribs.property, m.attribs.name, itemprop]) {
        if (k && !map.has(k.toLowerCase())) map.set(k.toLowerCase(), content);
      }
    }
    metaCache.set(doc, map);
  }
  return map;
}

/** `content` of the first `<meta>` whose property or name is one of `keys` (in the order given). */
export function metaContent(doc: Document, ...keys: string[]): string | null {
  const map = metaMap(doc);
  for (const key of keys) {
    const v = map.get(key.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** `value` as an absolute http(s) URL against `base`, or null (see util/urls.ts). */
export function absoluteUrl(value: string | null, base: string): string | null {
  return resolveWebUrl(value, base);
}

/**
 * The element's text with whitespace collapsed, or null as soon as it is longer than `max`
 * characters: for scanning many elements for short lines without reading whole subtrees.
 */
export function shortTextOf(el: AnyNode, max: number): string | null {
  let out = "";
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") {
      out += (n as { data: string }).data;
      // Collapse now and then, so the check stays cheap and whitespace-heavy markup is judged fairly.
      if (out.length > max * 2) {
        out = out.replace(/\s+/g, " ").trimStart();
        if (out.trimEnd().length > max) return null;
      }
    } else if (isTag(n)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  const t = out.replace(/\s+/g, " ").trim();
  return t.length > max ? null : t;
}

/** Elements whose text a reader never sees. */
const INVISIBLE = new Set(["head", "script", "style", "template", "noscript", "svg"]);

/**
 * The text nodes a reader can see (none from the head, scripts, styles or templates), in document
 * order. Nodes, not a string: a caller that rarely needs the text joins them only then, and their
 * data survives later edits of the tree.
 */
export function visibleTextNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === "text") out.push(n as Text);
    else if (isTag(n) && !INVISIBLE.has(n.name))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return out;
}
