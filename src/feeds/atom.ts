/** @module Atom 1.0 and 0.3 feeds and entries to the common ParsedFeed shape. */
import { parseFeedDate } from "./dates.ts";
import { absolute, enclosure, itemIdentity, personName, pick, pickText } from "./fields.ts";
import { NS } from "./namespaces.ts";
import { textValueToPlain } from "./text-value.ts";
import type { FeedItem, ParsedFeed, TextValue } from "./types.ts";
import { childElements, firstChild, innerXml, textOf, type XmlElement } from "./xml-tree.ts";

/** Both Atom namespaces, and no namespace for feeds that forgot to declare one. */
const ATOM: readonly string[] = [NS.atom10, NS.atom03, ""];

/** Namespaces an Atom <feed> root may carry. */
export const ATOM_ROOT = ATOM;

function links(el: XmlElement, rel: string): XmlElement[] {
  return childElements(el, "link", ATOM).filter(
    (l) => (l.attrs.rel ?? "alternate") === rel && l.attrs.href !== undefined,
  );
}

/** The alternate link, preferring an HTML one (Atom 0.3 feeds list several types). */
function alternate(el: XmlElement): string | null {
  const alts = links(el, "alternate");
  const html = alts.find((l) => !l.attrs.type || /html/i.test(l.attrs.type)) ?? alts[0];
  return html ? absolute(html.attrs.href, html) : null;
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
 * escaped/xml/base64 (0.3), MIME types; inline XML is re-serialized, base64 decoded.
 */
export function atomText(el: XmlElement | undefined): TextValue | null {
  if (!el) return null;
  const type = (el.attrs.type ?? "text").toLowerCase();
  const mode = el.attrs.mode?.toLowerCase();
  if (mode === "base64") {
    return { value: decodeBase64(textOf(el)), type: /html|xml/.test(type) ? "html" : "text" };
  }
  if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml") {
    const div = childElements(el).length === 1 ? firstChild(el, "div", [NS.xhtml, ""]) : undefined;
    const hasMarkup = childElements(el).length > 0;
    if (!hasMarkup) return { value: textOf(el).trim(), type: "html" };
    return { value: innerXml(div ?? el).trim(), type: "html" };
  }
  if (type === "html" || type === "text/html" || mode === "escaped")
    return { value: textOf(el).trim(), type: "html" };
  if (type === "text" || type === "text/plain" || type.startsWith("text/"))
    return { value: textOf(el).trim(), type: "text" };
  if (/[+/]xml$/.test(type)) return { value: innerXml(el).trim(), type: "html" };
  // Any other MIME type is base64 by the spec.
  return { value: decodeBase64(textOf(el)), type: "text" };
}

function author(el: XmlElement): string | null {
  const a = pick(el, ["author", ATOM], ["contributor", ATOM]);
  if (!a) return null;
  return personName(pickText(a, ["name", ATOM]) ?? pickText(a, ["email", ATOM]) ?? textOf(a).trim());
}

function atomEntry(entry: XmlElement, feedAuthor: string | null): FeedItem {
  const url = alternate(entry);
  const title = atomText(pick(entry, ["title", ATOM]));
  const published = parseFeedDate(
    pickText(entry, ["published", ATOM], ["issued", ATOM], ["created", ATOM], ["date", NS.dc]),
  );
  const updated = parseFeedDate(pickText(entry, ["updated", ATOM], ["modified", ATOM])) ?? published;
  const id = pickText(entry, ["id", ATOM]);
  const content = atomText(pick(entry, ["content", ATOM]));
  return {
    guid: itemIdentity(id, url, textValueToPlain(title), published ?? updated, content?.value ?? ""),
    id,
    url,
    title,
    published: published ?? updated,
    updated,
    author: author(entry) ?? feedAuthor,
    content,
    summary: atomText(pick(entry, ["summary", ATOM])),
    categories: childElements(entry, "category", ATOM)
      .map((c) => (c.attrs.term ?? textOf(c)).trim())
      .filter(Boolean),
    enclosures: links(entry, "enclosure")
      .map((l) => enclosure(absolute(l.attrs.href, l), l.attrs.type, l.attrs.length))
      .filter((e) => e !== null),
  };
}

/** Reads an Atom `<feed>` root, 1.0 or 0.3. */
export function parseAtom(root: XmlElement, version: string): ParsedFeed {
  const feedAuthor = author(root);
  const logo = pick(root, ["logo", ATOM], ["icon", ATOM]);
  return {
    format: "atom",
    version,
    title: atomText(pick(root, ["title", ATOM])),
    siteUrl: alternate(root),
    description: atomText(pick(root, ["subtitle", ATOM], ["tagline", ATOM], ["info", ATOM])),
    language: root.lang,
    updated: parseFeedDate(pickText(root, ["updated", ATOM], ["modified", ATOM])),
    imageUrl: logo ? absolute(textOf(logo).trim(), logo) : null,
    selfUrl: links(root, "self").map((l) => absolute(l.attrs.href, l))[0] ?? null,
    hubs: links(root, "hub")
      .map((l) => absolute(l.attrs.href, l))
      .filter((u): u is string => u !== null),
    hints: { ttlMinutes: null, updatePeriodMinutes: null, skipHours: [], skipDays: [] },
    items: childElements(root, "entry", ATOM).map((e) => atomEntry(e, feedAuthor)),
    recovered: false,
  };
}
