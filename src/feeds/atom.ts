/** @module Atom 1.0 and 0.3 feeds and entries to the common ParsedFeed shape. */
import { parseFeedDate } from "../util/dates.ts";
import { absolute, enclosure, itemIdentity, pick, pickText } from "./fields.ts";
import { NS } from "./namespaces.ts";
import { textValueToPlain } from "./text-value.ts";
import type { FeedItem, ParsedFeed, TextValue } from "./types.ts";
import { childElements, firstChild, innerXml, markupOrText, textOf, type XmlElement } from "./xml-tree.ts";

/** Both Atom namespaces, and no namespace for feeds that forgot to declare one. */
const ATOM: readonly string[] = [NS.atom10, NS.atom03, ""];

/** A link's target: its href, or (in broken feeds) its text. */
function href(l: XmlElement): string | null {
  return l.attrs.href ?? (textOf(l).trim() || null);
}

function links(el: XmlElement, rel: string, ns: readonly string[]): XmlElement[] {
  return childElements(el, "link", ns).filter(
    (l) => (l.attrs.rel ?? "alternate") === rel && href(l) !== null,
  );
}

/** The alternate link, preferring an HTML one (Atom 0.3 feeds list several types). */
function alternate(el: XmlElement, ns: readonly string[]): string | null {
  const alts = links(el, "alternate", ns);
  const html = alts.find((l) => !l.attrs.type || /html/i.test(l.attrs.type)) ?? alts[0];
  return html ? absolute(href(html), html) : null;
}

function decodeBase64(s: string): string {
  try {
    return Buffer.from(s.replace(/\s+/g, ""), "base64").toString("utf8");
  } catch {
    return s;
  }
}

/**
 * An Atom text construct or content element as a TextValue: type text/html/xhtml (1.0), mode
 * escaped/xml/base64 (0.3), MIME types; inline XML is re-serialized, base64 decoded. Atom 1.0's
 * xhtml wrapper div is not content and is dropped; Atom 0.3 inline XML keeps all of it.
 */
export function atomText(el: XmlElement | undefined, version = "atom10"): TextValue | null {
  if (!el) return null;
  const type = (el.attrs.type?.trim() || "text").toLowerCase();
  const mode = el.attrs.mode?.toLowerCase();
  if (mode === "base64") {
    return { value: decodeBase64(textOf(el)), type: /html|xml/.test(type) ? "html" : "text" };
  }
  const inner = markupOrText(el);
  const only = childElements(el);
  const soleDiv = only.length === 1 ? firstChild(el, "div", NS.xhtml) : undefined;
  if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml" || /[+/]xml$/.test(type)) {
    const unwrap = version === "atom10" && soleDiv !== undefined;
    return { value: unwrap ? innerXml(soleDiv).trim() : inner.value, type: "html" };
  }
  if (type === "html" || type === "text/html" || mode === "escaped") {
    // Escaped HTML wrapped in an XHTML div by mistake: the div's text is the HTML.
    return { value: soleDiv ? textOf(soleDiv).trim() : inner.value, type: "html" };
  }
  if (type === "text" || type.startsWith("text/"))
    return { value: inner.value, type: inner.markup ? "html" : "text" };
  // Any other MIME type is base64 by the spec.
  return { value: decodeBase64(textOf(el)), type: "text" };
}

/** "Name (email)" as feeds and feedparser write it; bylines later keep only the name. */
function author(el: XmlElement, ns: readonly string[]): string | null {
  const a = pick(el, ["author", ns], ["contributor", ns]);
  if (!a) return null;
  const name = pickText(a, ["name", ns]);
  const email = pickText(a, ["email", ns]);
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? (textOf(a).trim() || null);
}

/** The last value of a repeated date element wins, as publishers append corrections. */
function lastDate(el: XmlElement, ns: readonly string[], ...locals: string[]): string | null {
  for (const local of locals) {
    const all = childElements(el, local, ns);
    for (let i = all.length - 1; i >= 0; i--) {
      const d = parseFeedDate(textOf(all[i]));
      if (d) return d;
    }
  }
  return null;
}

function atomEntry(
  entry: XmlElement,
  feedAuthor: string | null,
  version: string,
  ns: readonly string[],
): FeedItem {
  const url = alternate(entry, ns);
  const title = atomText(pick(entry, ["title", ns]), version);
  const published = parseFeedDate(
    pickText(entry, ["published", ns], ["issued", ns], ["created", ns], ["date", NS.dc]),
  );
  const updated = lastDate(entry, ns, "updated", "modified") ?? published;
  const id = pickText(entry, ["id", ns]);
  const content = atomText(pick(entry, ["content", ns]), version);
  return {
    guid: itemIdentity(id, url, textValueToPlain(title), published ?? updated, content?.value ?? ""),
    id,
    url,
    title,
    published: published ?? updated,
    updated,
    author: author(entry, ns) ?? feedAuthor,
    content,
    summary: atomText(pick(entry, ["summary", ns]), version),
    categories: childElements(entry, "category", ns)
      .map((c) => (c.attrs.term ?? textOf(c)).trim())
      .filter(Boolean),
    enclosures: links(entry, "enclosure", ns)
      .map((l) => enclosure(absolute(href(l), l), l.attrs.type, l.attrs.length))
      .filter((e) => e !== null),
  };
}

/** Reads an Atom `<feed>` root, 1.0 or 0.3 (or a pre-standard draft in another namespace). */
export function parseAtom(root: XmlElement, version: string): ParsedFeed {
  const ns = ATOM.includes(root.ns) ? ATOM : [...ATOM, root.ns];
  const feedAuthor = author(root, ns);
  const logo = pick(root, ["logo", ns], ["icon", ns]);
  return {
    format: "atom",
    version,
    title: atomText(pick(root, ["title", ns]), version),
    siteUrl: alternate(root, ns),
    description: atomText(pick(root, ["subtitle", ns], ["tagline", ns], ["info", ns]), version),
    language: root.lang,
    updated: lastDate(root, ns, "updated", "modified"),
    imageUrl: logo ? absolute(textOf(logo).trim(), logo) : null,
    selfUrl: links(root, "self", ns).map((l) => absolute(href(l), l))[0] ?? null,
    hubs: links(root, "hub", ns)
      .map((l) => absolute(href(l), l))
      .filter((u): u is string => u !== null),
    hints: { ttlMinutes: null, updatePeriodMinutes: null, skipHours: [], skipDays: [] },
    items: childElements(root, "entry", ns).map((e) => atomEntry(e, feedAuthor, version, ns)),
    recovered: false,
    itemsNotRead: 0,
  };
}
