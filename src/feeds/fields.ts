/** @module Reading common fields from feed elements: picking by name and namespace, links, text, people, identity. */
import { createHash } from "node:crypto";
import { resolveWebUrl } from "../util/urls.ts";
import { looksLikeHtml } from "./text-value.ts";
import type { Enclosure, TextValue } from "./types.ts";
import { childElements, markupOrText, textOf, type XmlElement } from "./xml-tree.ts";

/** A name in a namespace; "" is no namespace. */
export type QName = readonly [local: string, ns: string | readonly string[]];

/** The first child matching any of `names`, in the order given (which is the precedence). */
export function pick(el: XmlElement, ...names: QName[]): XmlElement | undefined {
  for (const [local, ns] of names) {
    const found = childElements(el, local, ns)[0];
    if (found) return found;
  }
  return undefined;
}

export function pickAll(el: XmlElement, ...names: QName[]): XmlElement[] {
  return names.flatMap(([local, ns]) => childElements(el, local, ns));
}

/** Trimmed text of the first matching child, or null when absent or empty. */
export function pickText(el: XmlElement, ...names: QName[]): string | null {
  for (const [local, ns] of names) {
    for (const c of childElements(el, local, ns)) {
      const t = textOf(c).trim();
      if (t) return t;
    }
  }
  return null;
}

/** RSS-style text: HTML if it looks like markup, else plain text. Present-but-empty gives "". */
export function rssText(el: XmlElement | undefined, assumeHtml: boolean): TextValue | null {
  if (!el) return null;
  const { value, markup } = markupOrText(el);
  return { value, type: markup || assumeHtml || looksLikeHtml(value) ? "html" : "text" };
}

/** `href` resolved against the element's xml:base. */
export function absolute(href: string | null | undefined, el: XmlElement): string | null {
  if (href === null || href === undefined) return null;
  return resolveWebUrl(href, el.base);
}

/** "Jane Doe (jane@x.test)", "jane@x.test (Jane Doe)", or a name: the name, never a bare mailbox. */
export function personName(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, " ").trim();
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(s) ?? /^(.+?)\s*[(<]\S+@\S+[)>]$/.exec(s);
  if (named?.[1]) return named[1].trim();
  return s || null;
}

export function enclosure(
  url: string | null,
  type: string | null | undefined,
  length: string | null | undefined,
): Enclosure | null {
  if (!url) return null;
  const n = length ? Number(length.trim()) : Number.NaN;
  return { url, type: type?.trim() || null, length: Number.isFinite(n) && n >= 0 ? n : null };
}

/**
 * Identity that survives refetches: the feed's own id, else the link, else a hash of title and
 * date, so an item without either is still stored once.
 */
export function itemIdentity(
  id: string | null,
  url: string | null,
  title: string,
  date: string | null,
  body: string,
): string {
  if (id) return id;
  if (url) return url;
  return `sha1:${createHash("sha1")
    .update(`${title}\n${date ?? ""}\n${title || date ? "" : body}`)
    .digest("hex")}`;
}
