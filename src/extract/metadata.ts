/** @module Title, byline, date, site name, language and canonical URL from a page's metadata. */
import type { AnyNode } from "domhandler";
import { prevElementSibling } from "domutils";
import { decodeHTML } from "entities";
import { parseFeedDate } from "../util/dates.ts";
import { agencyIn } from "./agency.ts";
import { authorLinks } from "./author-links.ts";
import { bylineParts, cleanByline, isCreditLine, outletKeys, splitBylines, squash } from "./byline-names.ts";
import { agreedInstant } from "./date-votes.ts";
import { dayInText } from "./day-text.ts";
import {
  absoluteUrl,
  attr,
  type Document,
  type Element,
  FOREIGN_ITEM,
  inForeignItem,
  metaContent,
  selectAll,
  selectOne,
  shortTextOf,
  textOf,
  visibleTextNodes,
} from "./dom.ts";
import { findArticleJsonLd, type JsonObject, jsonLdNames, jsonLdString, jsonLdTypes } from "./json-ld.ts";
import type { ExtractedArticle } from "./types.ts";

/** The article fields that come from metadata, plus the page's declared share image. */
export type PageMetadata = Pick<
  ExtractedArticle,
  | "title"
  | "byline"
  | "bylines"
  | "agency"
  | "published"
  | "modified"
  | "siteName"
  | "lang"
  | "dir"
  | "canonicalUrl"
> & {
  imageUrl: string | null;
  /** The full text some pages put in their JSON-LD (articleBody), for pages that render the body with scripts. */
  jsonLdBody: string | null;
  /** The page's own summary (meta/OpenGraph description), without a trailing " - Site Name". */
  description: string | null;
};

/** Languages written right to left (ISO 639-1 / common BCP 47 primary tags). */
const RTL_LANGS = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ku", "ckb"]);

/** The page's direction: its own dir attribute, else what its language implies. */
function directionOf(dirAttr: string | null, lang: string | null): "ltr" | "rtl" | null {
  const d = dirAttr?.toLowerCase();
  if (d === "rtl" || d === "ltr") return d;
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  return primary ? (RTL_LANGS.has(primary) ? "rtl" : "ltr") : null;
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  // The feed parser's reader knows RFC 822, zone names and "... UTC"; Date.parse is the fallback.
  const strict = parseFeedDate(raw);
  if (strict) return strict;
  const ms = Date.parse(raw.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A date as a page gives it: the instant, and whether it named a time of day with its zone or only a day. */
interface Dated {
  iso: string;
  timed: boolean;
}

/** "14:46:12-04:00", "10:47 AM EST", and ISO 8601's basic form "20210504T132005+0200". */
const TIME_WITH_ZONE =
  /(\d{1,2}:\d{2}.*(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|[A-Z]{2,4}T)\b)|^\d{8}T\d{4,6}(Z|[+-]\d{4}))\s*$/;

/** "2022-05-04T05:49:00", "2022-05-04 05:49": a time of day without a zone. */
const ZONELESS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function dated(raw: string | null | undefined, timed?: boolean, zone?: () => string | null): Dated | null {
  const text = raw?.trim() ?? "";
  // A zone-less time is read in the zone the page's other dates name, when one does.
  if (ZONELESS_TIME.test(text)) {
    const z = zone?.() ?? null;
    if (z) {
      const iso = isoDate(`${text.replace(" ", "T")}${z}`);
      if (iso) return { iso, timed: true };
    }
  }
  const iso = isoDate(raw ?? null);
  return iso ? { iso, timed: timed ?? TIME_WITH_ZONE.test(text) } : null;
}

/** The UTC offset ("+02:00") the page's machine-readable dates name, if any does. */
function pageZoneOf(doc: Document, ld: JsonObject | null): () => string | null {
  let zone: string | null | undefined;
  return () => {
    if (zone !== undefined) return zone;
    const raws = [
      ld?.datePublished,
      ld?.dateModified,
      metaContent(doc, "article:published_time"),
      metaContent(doc, "article:modified_time"),
      ...selectAll("time[datetime]", doc).map((t) => t.attribs.datetime),
    ];
    zone = null;
    for (const r of raws) {
      const m =
        typeof r === "string"
          ? /(?:\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?|T\d{4,6})([+-]\d{2}:?\d{2})$/.exec(r.trim())
          : null;
      if (m?.[1]) {
        zone = m[1].includes(":") ? m[1] : `${m[1].slice(0, 3)}:${m[1].slice(3)}`;
        break;
      }
    }
    return zone;
  };
}

/** Day D in some zone (UTC-12 to UTC+14) contains `iso`: what a day-only date allows. */
function onDay(day: string, iso: string): boolean {
  const start = Date.parse(day.slice(0, 10));
  const t = Date.parse(iso);
  return t >= start - 14 * 3_600_000 && t < start + 36 * 3_600_000;
}

/**
 * The first date the sources give, most reliable first; when it is a day only (a date without a
 * time or zone), a later source's instant on that same day says when in the day.
 */
function firstDate(sources: ReadonlyArray<() => Dated | null>, untimed = 0): string | null {
  let first: Dated | null = null;
  for (const [i, source] of sources.entries()) {
    // The last `untimed` sources give days only: they cannot say when in a day already found.
    if (first && i >= sources.length - untimed) break;
    const d = source();
    if (!d) continue;
    if (!first) {
      if (d.timed) return d.iso;
      first = d;
    } else if (d.timed && onDay(first.iso, d.iso)) return d.iso;
  }
  return first?.iso ?? null;
}

/** The first wire agency named among the parts of these byline lines ("Jane Doe, AP", "dpa"). */
function agencyOf(lines: ReadonlyArray<string | null>): string | null {
  for (const line of lines) {
    if (!line) continue;
    for (const part of bylineParts(line).flatMap((p) => p.split(/\s+(?:and|und|et|y|&)\s+/i))) {
      const agency = agencyIn(part);
      if (agency) return agency;
    }
  }
  return null;
}

/** The first of `els` with a short text (a byline, not an author box with a biography). */
function shortText(els: Element[]): string | null {
  for (const el of els) {
    const t = textOf(el);
    if (t && t.length <= 120) return t;
  }
  return null;
}

/** Elements that hold an author's name by their class, on most sites. */
const AUTHOR_CLASSES = '.byline, [class*="author"], [class*="byline"]';
/** The address of a user's profile page on a site: "/user/...", "/profile/12", "/members/...", "/@handle". */
const PROFILE_LINK =
  /(^|\/|[,_-])(users?|profiles?|members?|benutzer|mitglied(er)?)([/,_.-]|$)|\/@[\w.-]+\/?$/i;
/** Elements with such a class looked at, in page order: the article's byline comes early. */
const AUTHOR_CLASS_TRIES = 12;
/** Where other articles' teasers and authors sit: not this article's credits. */
const ELSEWHERE_TAG = new Set(["aside", "footer", "nav"]);
/** A class token that names such a box ("related-posts", "comment-list", "widget"), not one that merely mentions it ("comments-open"). */
const ELSEWHERE_CLASS =
  /(^|\s)(related|([\w]+[-_]+)?teaser|recommend|sidebar|widget|more-|([\w]+[-_])?comment(s|-list|list|-body|-content|s-container|s-section|s-area)?(\s|$))/i;

/** Whether `el` sits inside `box`, walking up from it (cheaper than listing the box's elements). */
function within(el: Element, box: Element): boolean {
  for (let p = el.parent; p && p.type === "tag"; p = p.parent) if (p === box) return true;
  return false;
}

/** Whether `el` or an element around it passes `test`. */
function inside(el: Element, test: (box: Element) => boolean): boolean {
  for (let p: Element | null = el; p && p.type === "tag"; p = p.parent as Element | null)
    if (test(p)) return true;
  return false;
}

/** Whether `el` sits in an aside, footer, navigation, teaser, sidebar or comment. */
function elsewhere(el: Element): boolean {
  return inside(el, (p) => ELSEWHERE_TAG.has(p.name) || ELSEWHERE_CLASS.test(p.attribs.class ?? ""));
}

/** Boxes of other articles or of comments, by class: their dates are theirs ("related-inner", "comment-list"). */
const OTHERS_CLASS =
  /(^|\s)(related[\w-]*|([\w]+[-_]+)?teaser([-_][\w-]*)?|recommend[\w-]*|sidebar|([\w]+[-_])?comment(s|-list|list|-body|-content|s-container|s-section|s-area)?)(\s|$)/i;

/**
 * Whether a date sits in an aside, a related teaser, a sidebar or a comment. Not footers or widgets:
 * themes put the post's own date in an entry footer, and Blogger's post column is a "widget".
 */
function othersDate(el: Element): boolean {
  return inside(el, (p) => p.name === "aside" || OTHERS_CLASS.test(p.attribs.class ?? ""));
}

/**
 * Of the candidates, those in this article: inside the <article> (or Article microdata) that holds
 * the page's headline when there is one, else outside asides, footers, teasers and comments.
 */
function inArticleOf(doc: Document, title: string | null): (els: Element[]) => Element[] {
  let box: Element | null | undefined;
  return (els) => {
    if (els.length === 0) return els;
    if (box === undefined) {
      box = null;
      const h1 = headlineHeading(doc, title);
      for (let p = h1?.parent ?? null; p && p.type === "tag"; p = p.parent) {
        const el = p as Element;
        if (el.name === "article" || /Article|BlogPosting/.test(el.attribs.itemtype ?? "")) {
          box = el;
          break;
        }
      }
    }
    const b = box;
    const inside = b ? els.filter((e) => within(e, b)) : [];
    return firstArticleOnly(inside.length > 0 ? inside : els.filter((e) => !elsewhere(e)));
  };
}

/** The nearest <article> around `el`, or null. */
function articleAround(el: Element): Element | null {
  for (let p = el.parent; p && p.type === "tag"; p = p.parent)
    if ((p as Element).name === "article") return p as Element;
  return null;
}

/**
 * Of candidates in several <article> elements, those in the first: on a page of one article, later
 * <article>s are teasers of others ("by Ben Popper" under a related post).
 */
function firstArticleOnly(els: Element[]): Element[] {
  const first = els.map(articleAround).find((a) => a !== null);
  if (!first || els.every((e) => articleAround(e) === first || articleAround(e) === null)) return els;
  return els.filter((e) => articleAround(e) === first || articleAround(e) === null);
}

/** A site named for a person's own writing: "Daniel Lemire's blog", "Gregory Szorc's Digital Home". */
const POSSESSIVE_SITE =
  /^(\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{Ll}\p{Lu}]+)['’]s\s+(?:(?:[Pp]ersonal|[Dd]igital|[Ll]ittle|[Oo]wn|[Tt]ech|[Dd]ev)\s+)?(?:[Bb]log|[Ww]eblog|[Hh]ome|[Hh]omepage|[Ww]ebsite|[Ss]ite|[Jj]ournal|[Nn]otes|[Cc]orner|[Nn]otebook|[Pp]age)$/u;

/** A credit to a desk or an agency rather than to people: a visible "By ..." line may name the people. */
const GENERIC_AUTHOR =
  /\b(staff|desk|newsroom|services?|editors?|editorial|redaktion|rédaction|redacción|agency|wire|team|admin|reporters?)\b/i;

/** A short visible line such as "By Jane Doe" near the top of the page. */
function visibleByline(
  doc: Document,
  accept: (line: string) => boolean = () => true,
  /** Look only this far into the page's elements (the rules that merely refine a credit stay cheap). */
  within = Number.POSITIVE_INFINITY,
): string | null {
  const lines = creditLinesOf(doc);
  for (let i = 0; ; i++) {
    const line = lines.at(i, within);
    if (!line) return null;
    if (!accept(line.text)) continue;
    // Not another article's teaser, a sidebar's or a comment's credit.
    if (othersDate(line.el)) continue;
    return line.text;
  }
}

/** The page's short credit lines, read as far as a caller asks and kept for the next. */
class CreditLines {
  private readonly found: Array<{ el: Element; text: string; at: number }> = [];
  private readonly els: Element[];
  private next = 0;
  constructor(doc: Document) {
    this.els = selectAll("p, div, span, address, li, b, strong, font, em, i, small, td", doc);
  }
  /** The i-th credit line in page order, each in the innermost element holding it, or undefined past the last. */
  at(i: number, within = Number.POSITIVE_INFINITY): { el: Element; text: string } | undefined {
    while (this.found.length <= i && this.next < Math.min(this.els.length, within)) {
      const at = this.next;
      const el = this.els[this.next++] as Element;
      const text = shortTextOf(el, 100);
      if (!text || text.length < 6 || !isCreditLine(text)) continue;
      // The innermost element holding the line, not a wrapper around it.
      if (el.children.some((c) => c.type === "tag" && textOf(c) === text)) continue;
      this.found.push({ el, text, at });
    }
    const line = this.found[i];
    return line && line.at < within ? line : undefined;
  }
}

const creditLineCache = new WeakMap<Document, CreditLines>();

/**
 * How many of the page's block and inline elements the refining credit rules (a credit line's date, a
 * first name's surname) look through: an article's credit sits in its header or at the start of its
 * text, and a full scan of a long page costs milliseconds.
 */
const REFINING_REACH = 400;

function creditLinesOf(doc: Document): CreditLines {
  let lines = creditLineCache.get(doc);
  if (!lines) {
    lines = new CreditLines(doc);
    creditLineCache.set(doc, lines);
  }
  return lines;
}

const DATE_CLASS =
  /(^|[\s_-])(date|dateline|time|timestamp|posted|published|pubdate|storydate|created|submitted)($|[\s_-])/i;
/** Only visible dates that name their zone are trusted; a bare local time would be read in the server's zone. */
const HAS_ZONE = /(\b(GMT|UTC|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*$)/;

/** A date shown as text ("Posted: Fri Nov 20, 2026 11:10 AM PST") in an element named for dates. */
function visibleDate(doc: Document, usDates: boolean): string | null {
  for (const el of selectAll("[class], [id], small, p, span", doc)) {
    const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
    const short = shortTextOf(el, 120);
    if (!short) continue;
    const labelled = !DATE_CLASS.test(names) && POSTED_LABEL.test(short.slice(0, 30));
    if ((!DATE_CLASS.test(names) && !labelled) || /updated|modified/i.test(names)) continue;
    const text = short
      .replace(
        /^(posted|published|post date|date|veröffentlicht|publié|publicado|pubblicato)\s*(on|at|am|le|el|il)?\s*:?\s*/i,
        "",
      )
      .replace(/\s+by\s+.*$/i, "")
      .replace(/\s+at\s+/i, " ");
    if (text.length > 60 || /updated|aktualisiert|mis à jour|actualizado/i.test(text)) continue;
    if (HAS_ZONE.test(text)) {
      const iso = isoDate(text);
      if (iso && placeOf(el) !== "furniture") return iso;
    }
    // Without a zone the time of day is unknowable; the day is not: keep the date at 00:00 UTC.
    const day = dayInText(text, usDates);
    // Not a masthead's, a navigation's or a footer's date (today's, or other articles').
    if (day && placeOf(el) !== "furniture") return day;
  }
  return null;
}

/**
 * The day a blog-style address carries ("/2013/09/12/slug", "/20261103/slug.html"): the last resort,
 * when the page shows no date, since such addresses are made from the publication day.
 */
function dayInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/.exec(path) ??
    /\/((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path);
  if (!m) return null;
  return parseFeedDate(`${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`);
}

/** The heading that shows the headline (an h2 or h4 on pages without one in an h1), else the first h1. */
function headlineHeading(doc: Document, title: string | null): Element | null {
  const shown = title ? norm(title) : null;
  const all = headingsOf(doc);
  return (
    (shown ? all.find((h) => norm(textOf(h)) === shown && placeOf(h) !== "furniture") : undefined) ??
    all.find((h) => h.name === "h1") ??
    null
  );
}

const headingCache = new WeakMap<Document, Element[]>();

/** The page's h1-h4 headings in page order, found once per page. */
function headingsOf(doc: Document): Element[] {
  let hs = headingCache.get(doc);
  if (!hs) {
    hs = selectAll("h1, h2, h3, h4", doc);
    headingCache.set(doc, hs);
  }
  return hs;
}

/** Elements looked at after the headline for a dateline: the article's header, not its body. */
const HEADLINE_NEIGHBOURHOOD = 40;

/**
 * A short line close after the headline that holds a date ("01. November 2021 | Naturschutz",
 * "12. Januar 2022,"): where most pages without date markup show when the article was published.
 * A line saying "updated" is not the publication.
 */
function dateNearHeadline(doc: Document, usDates: boolean, title: string | null): string | null {
  const heading = headlineHeading(doc, title);
  if (!heading) return null;
  const all = selectAll("*", doc);
  const at = all.indexOf(heading);
  const after = all.slice(at + 1, at + 1 + HEADLINE_NEIGHBOURHOOD);
  const stop = after.findIndex(
    (el) => el.name === "h1" || el.name === "h2" || (el.name === "p" && textOf(el).length > 200),
  );
  // After the headline first (a dateline under it), then just before it (a date over a headline).
  const before = all.slice(Math.max(0, at - HEADLINE_NEIGHBOURHOOD / 2), at).reverse();
  for (const el of [...(stop < 0 ? after : after.slice(0, stop)), ...before]) {
    if (el.name === "h1" || el.name === "h2" || el.name === "nav" || el.name === "header") continue;
    const short = shortTextOf(el, 100);
    if (!short || el.children.some((c) => c.type === "tag" && textOf(c) === short)) continue;
    if (/updated|aktualisiert|mis à jour|actualizado|aggiornato|geändert|stand/i.test(short)) continue;
    // An event's own dates (schema.org Event microdata: when it begins and ends) are not the page's.
    if (inEvent(el)) continue;
    const day = dayInText(short, usDates);
    if (day) return day;
  }
  // The text's first paragraph opening with its dateline ("27.1.2022 - ...", "(21. November 2022) ...").
  const first = stop >= 0 ? after[stop] : undefined;
  if (first?.name === "p") {
    const m = DATELINE_OPENING.exec(textOf(first).slice(0, 60));
    if (m?.[1] && /\d/.test(m[1])) return dayInText(m[1], usDates);
  }
  return null;
}

/** A dateline that opens a paragraph: a short place-and-date part closed by a dash, a bracket or a colon. */
const DATELINE_OPENING = /^\(?([^()–—:-]{6,45}?)(?:\)\s*|\s+[-–—]\s+|:\s+)/;

/** Whether `el` sits in schema.org Event microdata, whose dates say when the event happens. */
function inEvent(el: Element): boolean {
  return inside(el, (p) => /schema\.org\/\w*Event\b/.test(p.attribs.itemtype ?? ""));
}

/** A text that opens a line saying when the page was published: "Veröffentlicht am", "Erschienen am:", "Published on". */
const PUBLISHED_LINE =
  /^\s*(veröffentlicht|erschienen|published|publié|publicado|pubblicato)\s*(am|on|le|el|em|il)?\s*:?\s*/i;

/**
 * A date on a line of its own that says it is the publication ("Veröffentlicht am 16.08.2019<br>Dauer:
 * ..."), read from the text up to the line's end, where the element around it holds more lines.
 */
function labelledDateLine(doc: Document, usDates: boolean): string | null {
  for (const t of visibleTextNodes(doc)) {
    if (!PUBLISHED_LINE.test(t.data)) continue;
    let line = t.data;
    for (let n = t.next; n && line.length < 80; n = n.next) {
      if (n.type === "tag" && ((n as Element).name === "br" || BLOCK_TAG.test((n as Element).name))) break;
      line += textOf(n);
    }
    const el = t.parent as Element | null;
    if (el?.type !== "tag" || placeOf(el) === "furniture" || othersDate(el)) continue;
    if (UPDATED_LINE.test(line)) continue;
    const day = dayInText(line.slice(0, 80), usDates);
    if (day) return day;
  }
  return null;
}

const BLOCK_TAG = /^(p|div|li|ul|ol|h[1-6]|table|tr|td|section|article|header|footer)$/;
const UPDATED_LINE = /updated|aktualisiert|geändert|mis à jour|actualizado|aggiornato/i;

/** A line that says when it was posted: "Posted on September 14th, 2026 by ...". */
const POSTED_LABEL =
  /^\s*(posted|published|veröffentlicht|publié|publicado|pubblicato)\s*(on|am|le|el|il)?\b/i;

/** A meta tag naming the publication time in a publisher's own vocabulary (govuk:first-published-at, DC.date.issued ...). */
function publishedMeta(doc: Document): { raw: string } | null {
  for (const m of selectAll("meta[content]", doc)) {
    const key = `${m.attribs.name ?? ""}${m.attribs.property ?? ""}${m.attribs.itemprop ?? ""}`;
    if (!PUBLISHED_META.test(key) || /modif|updat/i.test(key)) continue;
    const raw = m.attribs.content ?? "";
    if (isoDate(raw)) return { raw };
  }
  return null;
}

/** Date marks found in one walk of the page: schema.org microdata/RDFa and microformats, by kind. */
interface DateMarks {
  /** itemprop/property datePublished, then dateCreated. */
  item: { datePublished: string[]; dateCreated: string[]; dateModified: string[] };
  /** hAtom `<abbr class="published" title=...>`, h-entry `dt-published`, `<time class="published">`. */
  micro: { published: string[]; updated: string[] };
}

const ITEM_PROPS = ["datePublished", "dateCreated", "dateModified"] as const;
/** RDFa's Dublin Core terms for when a page was made: "dc:date dc:created", "dcterms:issued", "dc:date.created". */
const DUBLIN_CORE_CREATED = /(^|\s)(dc|dcterms):(date|created|issued|date\.created|date\.issued)(\s|$)/;

/**
 * Every element that marks a date: `<p itemprop="datePublished" content="...">`, `<span
 * property="schema:dateCreated" content="...">`, `<time itemprop=... datetime=...>`, hAtom's and
 * h-entry's published and updated. One walk of the page, read lazily by the date sources.
 */
function dateMarksOf(doc: Document): () => DateMarks {
  let marks: DateMarks | undefined;
  return () => {
    if (marks) return marks;
    const found: DateMarks = {
      item: { datePublished: [], dateCreated: [], dateModified: [] },
      micro: { published: [], updated: [] },
    };
    const stack: AnyNode[] = [...doc.children];
    while (stack.length > 0) {
      const node = stack.pop() as AnyNode;
      if (node.type !== "tag" && node.type !== "script" && node.type !== "style") continue;
      const el = node as Element;
      const a = el.attribs;
      // A cited work's, a review's or a comment's dates are their own.
      if (a.itemscope !== undefined && FOREIGN_ITEM.test(a.itemprop ?? "")) continue;
      const raw = a.content ?? a.datetime ?? (el.name === "abbr" ? a.title : undefined);
      const prop = a.itemprop ?? a.property;
      if (raw && prop) {
        for (const p of ITEM_PROPS) if (prop === p || prop.endsWith(`:${p}`)) found.item[p].push(raw);
        // Dublin Core in RDFa (Drupal's "dc:date dc:created"): when the item was made.
        if (DUBLIN_CORE_CREATED.test(prop)) found.item.dateCreated.push(raw);
      }
      const cls = a.class;
      if (cls) {
        const value = a.datetime ?? a.title;
        if (value && !othersDate(el)) {
          if (
            /(^|\s)(dt-)?published(\s|$)/.test(cls) &&
            (el.name === "abbr" || el.name === "time" || /dt-/.test(cls))
          )
            found.micro.published.push(value);
          if (
            /(^|\s)(dt-)?updated(\s|$)/.test(cls) &&
            (el.name === "abbr" || el.name === "time" || /dt-/.test(cls))
          )
            found.micro.updated.push(value);
        }
      }
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
    }
    marks = found;
    return found;
  };
}

/** The first of the raw dates that reads as a date. */
function firstReadable(raws: readonly string[]): string | null {
  return raws.find((r) => isoDate(r) !== null) ?? null;
}

/** Meta tags that state the publication time in the common vocabularies (OpenGraph, Dublin Core, schema.org). */
const PUBLISHED_TIME_META =
  /^(article:published_time|og:published_time|datepublished|pubdate|dc\.date\.issued)$/i;

const PUBLISHED_META =
  /(first-?published|published|publish|pubdate|pub-date|issued|created|release-?date)([-_:.]?(at|date|time|datetime))?$/i;

/** A <time datetime> that marks publication, not an update. */
function publishedTime(doc: Document): string | null {
  // Not a comment's, a related teaser's or a sidebar's time.
  const times = selectAll("time[datetime]", doc).filter((t) => !othersDate(t));
  // What marks a <time>: its own attributes, its parent's class, and the label just before it.
  const context = (t: Element) => {
    const parent = t.parent && t.parent.type === "tag" ? (t.parent as Element) : null;
    const label = prevElementSibling(t);
    return `${t.attribs.itemprop ?? ""} ${t.attribs.class ?? ""} ${parent?.attribs.class ?? ""} ${label ? textOf(label).slice(0, 30) : ""}`;
  };
  const published = times.find((t) => /published|datePublished|posted|pubdate/i.test(context(t)));
  const plain = times.find((t) => !/updated|modified|aktualisiert/i.test(context(t)));
  return attr(published ?? plain ?? null, "datetime");
}

/** The page's language: html lang, xml:lang, Content-Language, og:locale. */
function langOf(doc: Document): string | null {
  const html = selectOne("html", doc);
  return (
    attr(html, "lang") ??
    attr(html, "xml:lang") ??
    attr(selectOne('meta[http-equiv="content-language" i]', doc), "content") ??
    metaContent(doc, "og:locale", "content-language", "language")
  );
}

/** The part of "Headline | Outlet" that cleanTitle dropped, as a fallback site name. */
function titleSuffix(docTitle: string | null, title: string | null): string | null {
  if (!docTitle || !title || docTitle === title) return null;
  const rest = docTitle
    .replace(title, "")
    .replace(/^[\s|–—·»:-]+|[\s|–—·»:-]+$/g, "")
    .trim();
  return rest && rest.length < 60 ? rest : null;
}

/**
 * Removes a site-name suffix or prefix ("Headline | Outlet", "Outlet – Headline") from a document
 * title, keeping the longer side, which is the headline on news sites.
 */
/** What separates a headline from the site's name or a section in a document title. */
const TITLE_SEPARATOR = /\s+[|–—·»:-]\s+/;

export function cleanTitle(raw: string, siteName: string | null): string {
  const title = raw.replace(/\s+/g, " ").trim();
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  if (siteName) {
    const kept = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (kept.length > 0 && kept.length < parts.length) return kept.join(" - ");
  }
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The headline: the declared title cleaned of a site name, unless the page's h1 says better. An
 * h1 found inside the declared title is the headline without decoration ("Place: Headline",
 * "Headline - Medium"), and it settles whether a dash belongs to the headline; a declared title
 * that is only the site's name gives way to the h1.
 */
function chooseTitle(
  raw: string | null,
  candidates: ReadonlyArray<{ text: string; inContent: boolean }>,
  siteName: string | null,
  keys: readonly string[],
  /** The first-level headings of the article's content other than h1 (h2), for pages whose headline is not an h1. */
  lesser: () => ReadonlyArray<{ text: string; inContent: boolean }>,
  others: readonly string[] = [],
): string | null {
  if (!raw) return visibleHeadline(candidates, null, true);
  const cleaned = cleanTitle(raw, siteName);
  // "Headline | Site", "Headline › Site": the part an article h1 repeats is the headline (the h1
  // candidates exclude logos and site names).
  const parts = raw.split(/\s+[|–—·»:›•-]\s+/);
  const siteish = (t: string) => {
    const q = squash(t);
    return keys.some((k) => q === k || (k.length >= 4 && q.includes(k)));
  };
  for (const c of candidates) {
    const same = parts.length > 1 ? parts.find((p) => norm(p) === norm(c.text)) : undefined;
    // An h1 repeating the part that names the site ("Valve Bench Forum") is the site's heading.
    if (same && !siteish(same)) return same.trim();
  }
  // A declared title that names the site, not the article ("ICON Magazine", "energieverbraucher.de").
  const squashed = squash(cleaned);
  const siteTitle =
    (siteName !== null && norm(cleaned) === norm(siteName)) ||
    !/\s/.test(cleaned) ||
    /^[\p{L}\d-]+\.[a-z]{2,6}$/iu.test(cleaned) ||
    keys.some((k) => squashed === k || (k.length >= 5 && squashed.includes(k)));
  // A page whose title names the site and which has no h1: its article's first h2 is the headline.
  const headings =
    siteTitle && candidates.length === 0
      ? lesser()
          .filter((c) => c.inContent)
          .slice(0, 1)
      : candidates;
  const h1 = visibleHeadline(headings, cleaned, siteTitle, others);
  if (!h1) return cleaned;
  // "Thema Verbraucherschutz Mehr Transparenz ...": an h1 that is the declared headline after a few
  // words of kicker or section gives the declared headline.
  if (!siteTitle && norm(h1).endsWith(norm(cleaned)) && h1.length > cleaned.length) {
    const kicker = h1.slice(0, h1.length - cleaned.length).trim();
    // Not "Tram line opens – two years late": a part split off at a dash belongs to the headline.
    if (kicker.split(/\s+/).length <= 5 && !/[|–—·»:›•-]$/.test(kicker)) return cleaned;
  }
  // A one- or two-word h1 beside a longer declared headline is a section label ("Aktuelles", "Blog").
  // Not when the declared title opens with it: "Koncesjonowana opozycja -Leszek Jażdżewski" adds the author.
  if (
    !siteTitle &&
    h1.split(/\s+/).length <= 2 &&
    cleaned.split(/\s+/).length >= 4 &&
    !(h1.split(/\s+/).length === 2 && norm(cleaned).startsWith(`${norm(h1)} `))
  )
    return cleaned;
  // The headline the reader sees wins over a social card's or a teaser's wording.
  return h1;
}

/** Classes of a headline's first part when it is a kicker ("Klimaschutz:" over "Bohren, bis es heiß wird"). */
const KICKER =
  /kicker|overline|topline|dachzeile|roofline|eyebrow|spitzmarke|rubric|supertitle|pretitle|headline-intro|label/i;
/** Classes of an h1 that is the site's name or logo, not an article's headline. */
const SITE_HEADING = /logo|site-?title|site-?name|blog-?title|brand|masthead|header-title/i;

/** Headings hidden for screen readers, or printed only for them ("Navigation und Service"). */
const HIDDEN_HEADING = /sr-only|visually-hidden|screen-?reader|offscreen|hidden|skip/i;

/** Where an element (a heading, a dated line) sits: in the article's content, in the page's masthead, navigation, footer or asides, or elsewhere. */
function placeOf(el: Element): "content" | "furniture" | "page" {
  let furniture = false;
  for (let p = el.parent; p && p.type === "tag"; p = p.parent) {
    const a = p as Element;
    // An article's own <header> holds its headline: content wins over any header around it.
    if (a.name === "article" || a.name === "main" || /Article|BlogPosting/.test(a.attribs.itemtype ?? ""))
      return "content";
    if (a.name === "nav" || a.name === "footer" || a.name === "aside") furniture = true;
    // A <header> is the page's masthead when it holds the navigation or the logo; else an article's.
    if (a.name === "header" && selectOne(`nav, [class*="logo"], [id*="logo"], [class*="brand"]`, a))
      furniture = true;
    // Not the body's classes: they describe the whole page (WordPress's "wp-custom-logo").
    if (a.name !== "body" && SITE_HEADING.test(`${a.attribs.class ?? ""} ${a.attribs.id ?? ""}`))
      furniture = true;
  }
  return furniture ? "furniture" : "page";
}

/** A heading's text without a kicker element leading it, entities left encoded by the CMS decoded. */
function headingText(h: Element): string {
  const parts = h.children.filter((c) => c.type === "tag" || (c.type === "text" && textOf(c).trim() !== ""));
  const first = parts[0];
  let nodes: AnyNode[] = h.children;
  if (
    first &&
    first.type === "tag" &&
    parts.length > 1 &&
    KICKER.test((first as Element).attribs.class ?? "")
  ) {
    nodes = parts.slice(1);
  }
  // Words printed only for screen readers ("<span class="aural">Thema </span>"), and a topline after the
  // headline, are not the headline the reader sees.
  const shown = shownText(nodes);
  return headingText0(shown.length >= 3 ? shown : textOf(nodes).replace(/^[\s:|–—-]+/, ""));
}

function headingText0(raw: string): string {
  let text = /&[#a-z\d]+;/i.test(raw) ? decodeHTML(raw) : raw;
  text = text.replace(/\s+/g, " ").trim();
  // "Local News | Headline", "Headline | SITE.NET": a bar inside a heading sets off a section or the site.
  const barred = text.split(/\s+\|\s+/);
  return barred.length > 1 ? barred.reduce((a, b) => (b.length > a.length ? b : a)) : text;
}

/** Classes of text printed only for screen readers. */
const SCREEN_READER_ONLY =
  /(^|\s)(sr-only|visually-hidden|visuallyhidden|screen-reader-text|aural|element-invisible|offscreen)(\s|$)/i;

/**
 * A heading's text without what is printed for screen readers only, and without a kicker or topline
 * element after its first words (a kicker leading it is headingText's).
 */
function shownText(nodes: readonly AnyNode[]): string {
  let out = "";
  let seen = false;
  const walk = (n: AnyNode): void => {
    if (n.type === "text") {
      out += (n as { data: string }).data;
      if ((n as { data: string }).data.trim()) seen = true;
      return;
    }
    if (n.type !== "tag") return;
    const cls = (n as Element).attribs.class ?? "";
    if (SCREEN_READER_ONLY.test(cls) || (seen && KICKER.test(cls))) return;
    for (const c of (n as Element).children) walk(c);
  };
  for (const c of nodes) walk(c);
  return out
    .replace(/\s+/g, " ")
    .replace(/^[\s:|–—,-]+|[\s:|–—,-]+$/g, "")
    .trim();
}

/**
 * Whether a link goes to the site's home or a section above the page ("/", "https://site/", an archived
 * copy's "https://archive/.../http://site/"): a heading that is such a link names the site or section.
 */
function linksAbove(href: string, url: string): boolean {
  if (/^(\/|https?:\/\/[^/]+\/?)$/.test(href)) return true;
  const target = absoluteUrl(href, url);
  if (!target) return false;
  const page = url.replace(/[?#].*$/, "");
  const up = target.replace(/[?#].*$/, "");
  return up.endsWith("/") && up.length < page.length && page.startsWith(up);
}

/**
 * Whether a heading is the last step of a breadcrumb trail ("RTL > news > Headline", a list of section
 * links ending in the headline): an element named "breadcrumb" around it, or a list item after links.
 */
function inTrail(h: Element): boolean {
  let p: Element | null = h;
  for (let i = 0; i < 4 && p && p.type === "tag"; i++, p = p.parent as Element | null) {
    if (/breadcrumb/i.test(`${p.attribs.class ?? ""} ${p.attribs.id ?? ""}`)) return true;
    if (p.name === "li") {
      const list = p.parent as Element | null;
      const items = list
        ? list.children.filter((c): c is Element => c.type === "tag" && c.name === "li")
        : [];
      return (
        items.length >= 3 &&
        items.indexOf(p) === items.length - 1 &&
        items.slice(0, -1).every((li) => selectOne("a[href]", li) !== null)
      );
    }
  }
  return false;
}

/** The page's h1 headings that can be an article's headline: not the logo, not hidden, not in the header or navigation. */
function headlineCandidates(
  doc: Document,
  url: string,
  keys: readonly string[],
  tag: "h1" | "h2" = "h1",
  /** Headings skipped for sitting in a breadcrumb trail, for the caller to know the page had them. */
  trail: Element[] = [],
): Array<{ text: string; inContent: boolean }> {
  const out: Array<{ text: string; inContent: boolean }> = [];
  for (const h1 of headingsOf(doc).filter((h) => h.name === tag)) {
    const names = `${h1.attribs.class ?? ""} ${h1.attribs.id ?? ""}`;
    if (SITE_HEADING.test(names) || HIDDEN_HEADING.test(names)) continue;
    const place = placeOf(h1);
    if (place === "furniture") continue;
    if (inTrail(h1)) {
      trail.push(h1);
      continue;
    }
    const link = selectOne("a[href]", h1);
    if (link && textOf(link) === textOf(h1) && linksAbove(link.attribs.href ?? "", url)) continue;
    const text = headingText(h1);
    if (!text || text.length > 300 || keys.includes(squash(text))) continue;
    out.push({ text, inContent: place === "content" });
  }
  return out;
}

/**
 * The post's title as the hAtom microformat marks it (class "entry-title": WordPress, Blogger and most
 * blog themes), when the page has exactly one and a declared title holds it whole ("Blog Name: Post
 * Title", "Post Title › Site"): on such pages an h1 is often the blog's name.
 */
function entryTitle(doc: Document, declared: ReadonlyArray<string | null>): string | null {
  const marked = headingsOf(doc).filter((e) => /(^|\s)entry-title(\s|$)/.test(e.attribs.class ?? ""));
  const el = marked.length === 1 ? marked[0] : undefined;
  if (!el || placeOf(el) === "furniture") return null;
  const text = headingText(el);
  const t = norm(text);
  if (t.length < 3) return null;
  return declared.some((d) => d && norm(/&[#a-z\d]+;/i.test(d) ? decodeHTML(d) : d).includes(t))
    ? text
    : null;
}

/** Share of `a`'s words (three letters or more) found in `b`. */
function overlap(a: string, b: string): number {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length >= 3);
  const wa = words(a);
  const wb = new Set(words(b));
  return wa.length === 0 ? 0 : wa.filter((w) => wb.has(w)).length / wa.length;
}

/** An h1 shares at least this share of its words with the declared title to be taken as its visible form. */
const HEADLINE_OVERLAP = 0.3;

/**
 * The article's visible headline among the h1 candidates: the one sharing most words with the
 * declared title (the same headline, perhaps reworded for the page); when the declared title names
 * only the site, the candidate in the article's content, else the first. Null when none fits.
 */
function visibleHeadline(
  candidates: ReadonlyArray<{ text: string; inContent: boolean }>,
  declared: string | null,
  siteTitle: boolean,
  /** The page's other declared titles (og:title, <title>...): an h1 may repeat any of them. */
  others: readonly string[] = [],
): string | null {
  if (candidates.length === 0) return null;
  if (!declared || siteTitle) return (candidates.find((c) => c.inContent) ?? candidates[0])?.text ?? null;
  let best: { text: string; score: number } | null = null;
  for (const c of candidates) {
    const score = Math.max(
      ...[declared, ...others].map((d) => Math.max(overlap(c.text, d), overlap(d, c.text))),
    );
    if (!best || score > best.score) best = { text: c.text, score };
  }
  if (best && best.score >= HEADLINE_OVERLAP) return best.text;
  // One headline in the article's content that says something else than the social card: the reader's wins.
  const inContent = candidates.filter((c) => c.inContent);
  return inContent.length === 1 && candidates.length === 1 ? (inContent[0]?.text ?? null) : null;
}

/** The meta or OpenGraph description, whitespace collapsed, a trailing " - Site Name" cut off. */
function descriptionOf(doc: Document, siteName: string | null): string | null {
  const raw = metaContent(doc, "og:description", "description", "twitter:description");
  if (!raw) return null;
  let text = raw.replace(/\s+/g, " ").trim();
  if (siteName) {
    const suffix = new RegExp(`\\s+[-–—|:]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "i");
    text = text.replace(suffix, "");
  }
  return text || null;
}

/** Reads every metadata source in order of reliability: JSON-LD, OpenGraph/meta, then visible markup. */
export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = findArticleJsonLd(doc);
  const siteName =
    metaContent(doc, "og:site_name", "application-name") ?? jsonLdNames(ld?.publisher)[0] ?? null;
  const headingKeys = outletKeys(metaContent(doc, "og:site_name", "application-name"), url);
  const trail: Element[] = [];
  const h1s0 = headlineCandidates(doc, url, headingKeys, "h1", trail);
  // A page whose h1 is only the end of its breadcrumb trail shows its headline in an h2 of the article.
  const h1s = h1s0.length === 0 && trail.length > 0 ? headlineCandidates(doc, url, headingKeys, "h2") : h1s0;
  const docTitle = textOf(selectOne("title", doc)) || null;
  const rawTitle =
    (typeof ld?.headline === "string" ? ld.headline : null) ??
    metaContent(doc, "og:title", "twitter:title") ??
    docTitle;
  const declared0 = rawTitle && /&[#a-z\d]+;/i.test(rawTitle) ? decodeHTML(rawTitle) : rawTitle;
  const otherTitles = [metaContent(doc, "og:title", "twitter:title"), docTitle].flatMap((t) =>
    t && t !== rawTitle ? [cleanTitle(/&[#a-z\d]+;/i.test(t) ? decodeHTML(t) : t, siteName)] : [],
  );
  const title =
    entryTitle(doc, [declared0, ...otherTitles, docTitle]) ??
    chooseTitle(
      declared0,
      h1s,
      siteName,
      outletKeys(siteName, url),
      () => headlineCandidates(doc, url, headingKeys, "h2"),
      otherTitles,
    );

  const outlet = siteName ?? titleSuffix(docTitle, title);
  const keys = outletKeys(outlet, url, true);
  const inArticle = inArticleOf(doc, title);
  // Where pages credit authors, most reliable first; read lazily (the visible line walks the page).
  const credits: Array<() => string | null> = [
    () => jsonLdNames(ld?.author).join(", ") || null,
    () => metaContent(doc, "author", "article:author", "dc.creator", "byl"),
    () =>
      [
        ...new Set(
          inArticle(selectAll('[rel="author"], [itemprop="author"]', doc).filter((e) => !inForeignItem(e)))
            .map((e) => textOf(e))
            .filter(Boolean),
        ),
      ].join(", ") || null,
    // An element whose class mentions authors, the first that names a person in full.
    () => {
      const lines = inArticle(selectAll(AUTHOR_CLASSES, doc))
        .slice(0, AUTHOR_CLASS_TRIES)
        .map((e) => shortText([e]));
      // Lines that name no person may still credit an agency ("Reuters").
      scanned.push(...lines);
      return lines.find((t) => cleanByline(t, keys, false) !== null) ?? null;
    },
    // The first "By ..." line that names a person (not "by Wire Services").
    () => visibleByline(doc, (line) => cleanByline(line, keys) !== null),
    // Links to the writers' own pages on this site ("/author/jane-doe/"), when nothing else credits anyone.
    () => {
      const links = authorLinks(doc, url, inArticle);
      // The writers' own accounts ("/author/gnaddrig/"): their names count even when they echo the site's.
      accounts = links.length > 0 && links.every((l) => l.account);
      return links.map((l) => l.name).join(", ") || null;
    },
    // A user name shown as the link to its profile in an author box ("/user,profile,30,lars.html", "/@handle").
    () => {
      for (const box of inArticle(selectAll(AUTHOR_CLASSES, doc)).slice(0, AUTHOR_CLASS_TRIES)) {
        for (const a of selectAll("a[href]", box)) {
          const name = textOf(a);
          if (
            name &&
            PROFILE_LINK.test((a.attribs.href ?? "").replace(/[?#].*$/, "")) &&
            cleanByline(name, keys) !== null
          )
            return name;
        }
      }
      return null;
    },
  ];
  const read: Array<string | null> = [];
  let accounts = false;
  const scanned: Array<string | null> = [];
  let declared: string | null = null;
  for (const credit of credits) {
    const line = credit();
    read.push(line);
    declared = cleanByline(line, accounts ? [] : keys);
    // An account that is the site's own name ("stylegart" on Stylegart) is the outlet's, not a person's.
    if (accounts && declared && outlet && squash(declared) === squash(outlet)) declared = null;
    accounts = false;
    if (declared) break;
  }
  // JSON-LD naming one of a team whom the author meta tag names in full ("April Roach" / "April Roach, Daniel O'Mahony").
  if (declared && read.length === 1) {
    const meta = cleanByline(credits[1]?.() ?? null, keys);
    const have = splitBylines(declared).map((n) => n.toLowerCase());
    const more = splitBylines(meta).map((n) => n.toLowerCase());
    if (meta && more.length > have.length && have.every((n) => more.includes(n))) declared = meta;
  }
  // A first name alone in the metadata ("Nils"), the full name on the page's credit line ("Eine Kolumne von Nils Pickert").
  if (declared && !/[\s,]/.test(declared)) {
    const first = declared.toLowerCase();
    const full = cleanByline(
      visibleByline(
        doc,
        (line) => cleanByline(line, keys)?.toLowerCase().startsWith(`${first} `) === true,
        REFINING_REACH,
      ),
      keys,
    );
    if (full && !full.includes(",")) declared = full;
  }
  // A personal site named for its owner ("Daniel Lemire's blog", "Gregory Szorc's Digital Home"), when nothing credits anyone.
  if (!declared) {
    const owner = outlet ? POSSESSIVE_SITE.exec(outlet.trim())?.[1] : undefined;
    if (owner) declared = cleanByline(owner, []);
  }
  // An agency credited where the authors are ("Jane Doe, AP"; "AFP" alone).
  const agency = agencyOf([...read, ...scanned]);
  // "Wire Services" in the metadata, "By MARTA KOVAC" on the page: the people win.
  const visible =
    declared && GENERIC_AUTHOR.test(declared)
      ? cleanByline(
          visibleByline(doc, (line) => !GENERIC_AUTHOR.test(line)),
          keys,
        )
      : null;
  const byline = visible ?? declared;

  const usDates = /^en-us/i.test(langOf(doc) ?? "");
  const zone = pageZoneOf(doc, ld);
  const marks = dateMarksOf(doc);
  const ldPublished = () =>
    dated(typeof ld?.datePublished === "string" ? ld.datePublished : null, undefined, zone);
  const metaPublished = () =>
    dated(
      metaContent(doc, "article:published_time", "datePublished", "date", "dc.date", "pubdate"),
      undefined,
      zone,
    );
  // A recipe card's date is the card plugin's; the post's own metadata, when it has some, says when it was published.
  const recipe = ld !== null && jsonLdTypes(ld).includes("Recipe");
  const firstPublished = firstDate(
    [
      ...(recipe ? [metaPublished, ldPublished] : [ldPublished, metaPublished]),
      () =>
        dated(
          firstReadable(marks().item.datePublished) ?? firstReadable(marks().item.dateCreated),
          undefined,
          zone,
        ),
      () => dated(publishedMeta(doc)?.raw, undefined, zone),
      () => dated(firstReadable(marks().micro.published)),
      () => dated(publishedTime(doc), undefined, zone),
      () => dated(visibleDate(doc, usDates), false),
      () => dated(labelledDateLine(doc, usDates), false),
      () => dated(dateNearHeadline(doc, usDates, title), false),
      // A credit line that carries its date ("06.11.2023 13:30 von Olga", "Posted on May 2, 2021 by ...").
      () =>
        dated(
          dayInText(
            visibleByline(doc, (line) => dayInText(line, usDates) !== null, REFINING_REACH) ?? "",
            usDates,
          ),
          false,
        ),
      () => dated(dayInUrl(url), false),
    ],
    5,
  );

  // The page's timed statements of publication, one per element: they outvote a source off by a zone.
  const statedTimes = () =>
    [
      typeof ld?.datePublished === "string" ? ld.datePublished : null,
      ...selectAll("meta[content]", doc)
        .filter((m) => PUBLISHED_TIME_META.test(`${m.attribs.property ?? ""}${m.attribs.name ?? ""}`))
        .map((m) => m.attribs.content ?? null),
      ...marks().item.datePublished,
      ...marks().micro.published,
    ].flatMap((raw) => {
      const d = dated(raw, undefined, zone);
      return d?.timed ? [d.iso] : [];
    });
  const published = agreedInstant(firstPublished, statedTimes());

  const modified = firstDate([
    () => dated(typeof ld?.dateModified === "string" ? ld.dateModified : null, undefined, zone),
    () =>
      dated(metaContent(doc, "article:modified_time", "dateModified", "og:updated_time", "last-modified")),
    () => dated(firstReadable(marks().item.dateModified)),
    () => dated(firstReadable(marks().micro.updated)),
  ]);

  const html = selectOne("html", doc);
  // The page's declared language (langOf: html lang, xml:lang, a Content-Language http-equiv, og:locale).
  const lang = langOf(doc);

  const canonical =
    absoluteUrl(attr(selectOne('link[rel~="canonical" i]', doc), "href"), url) ??
    absoluteUrl(metaContent(doc, "og:url"), url);

  return {
    title,
    byline,
    bylines: splitBylines(byline),
    agency,
    published,
    modified,
    siteName: outlet,
    lang: lang ? lang.replace(/_/g, "-") : null,
    dir: directionOf(attr(html, "dir") ?? attr(selectOne("body", doc), "dir"), lang),
    canonicalUrl: canonical,
    jsonLdBody: typeof ld?.articleBody === "string" ? ld.articleBody.trim() || null : null,
    description: descriptionOf(doc, outlet),
    imageUrl:
      absoluteUrl(metaContent(doc, "og:image", "twitter:image", "twitter:image:src"), url) ??
      absoluteUrl(jsonLdString(ld?.image), url),
  };
}
