/** @module Title, byline, date, site name, language and canonical URL from a page's metadata. */
import { prevElementSibling } from "domutils";
import { parseFeedDate } from "../util/dates.ts";
import { agencyIn } from "./agency.ts";
import { BYLINE_PREFIX } from "./constants.ts";
import {
  absoluteUrl,
  attr,
  type Document,
  type Element,
  metaContent,
  selectAll,
  selectOne,
  shortTextOf,
  textOf,
} from "./dom.ts";
import { findArticleJsonLd, jsonLdNames, jsonLdString } from "./json-ld.ts";
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

/** "Jane Doe and John Roe", "A, B & C": the people, one by one. */
export function splitBylines(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1);
}

function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const ms = Date.parse(raw.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** What follows a name in a byline line and is not a name: dates, times, reading time, counters. */
const BYLINE_NOISE =
  /\s*(»|\||[-–—]\s*\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(st|nd|rd|th)?\s+\p{L}+\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d+\s*(min|minutes?|minuten?|mins?)\b|\d{1,2}:\d{2}|updated|aktualisiert|publi[ée]|published).*$/iu;

/** Words that make a byline part an organisation (a wire service, a paper) rather than a person. */
const ORGANISATION =
  /\b(press|news|agency|agentur|agence|agencia|associated|reuters|times|post|herald|tribune|gazette|journal|media|wire|zeitung|presse|prensa|network|radio|tv|television|online)\b/i;
const OUTLET_PREPOSITION = /^(da|de|do|dos|das|del|of|from|for|für|pour|para|per)\s+/i;
/** A job title after the name ("Ray Castillo Staff Writer"). */
const JOB_TITLE =
  /\s+(staff writer|senior writer|staff reporter|reporter|correspondent|editor|contributor|columnist|redakteur(in)?|korrespondent(in)?)$/i;

/** "JANE DOE" -> "Jane Doe": wire services shout names; we show them as names. */
function unshout(name: string): string {
  if (!/\p{Lu}{2}/u.test(name) || name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Strips "By", the outlet's own name ("By JANE DOE, The Wire") and trailing separators from a byline. */
function cleanByline(raw: string | null, siteName: string | null): string | null {
  if (!raw) return null;
  const site = siteName?.toLowerCase();
  // A profile URL or a mailbox is not a name.
  if (/^\s*(https?:\/\/|www\.)|^\S+@\S+$/.test(raw.trim())) return null;
  const parts = bylineParts(raw).filter((p) => agencyIn(p) === null);
  if (parts.length === 0) return null;
  // "Jane Doe, da Folha do Vale": the outlet, with or without a preposition, is not a person.
  const people = parts.filter(
    (p) => p.toLowerCase().replace(OUTLET_PREPOSITION, "") !== site && !ORGANISATION.test(p),
  );
  const kept = people.length > 0 ? people : parts;
  const names = splitBylines(kept.map(unshout).join(", "))
    .map((n) => n.replace(JOB_TITLE, "").trim())
    .filter((n) => n && n.split(/\s+/).length <= 5 && !/\d|profile|profil|http/i.test(n));
  const s = names.join(", ");
  return s.length > 0 && s.length < 120 && /\p{L}/u.test(s) ? s : null;
}

/** A byline line's comma- or bar-separated parts, "By" and trailing dates and counters removed. */
function bylineParts(raw: string): string[] {
  return raw
    .replace(/\s+/g, " ")
    .replace(BYLINE_PREFIX, "")
    .replace(BYLINE_NOISE, "")
    .split(/\s*[,|]\s*/)
    .map((p) => p.replace(/[\s–—-]+$/, "").trim())
    .filter(Boolean);
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

/** A credit to a desk or an agency rather than to people: a visible "By ..." line may name the people. */
const GENERIC_AUTHOR =
  /\b(staff|desk|newsroom|services?|editors?|editorial|redaktion|rédaction|redacción|agency|wire|team|admin|reporters?)\b/i;

/** A short visible line such as "By Jane Doe" near the top of the page. */
function visibleByline(doc: Document, accept: (line: string) => boolean = () => true): string | null {
  for (const el of selectAll("p, div, span, address, li, b, strong, font, em, small, td", doc)) {
    const text = shortTextOf(el, 100);
    if (!text || text.length < 6 || !BYLINE_PREFIX.test(text)) continue;
    // The innermost element holding the line, not a wrapper around it.
    if (el.children.some((c) => c.type === "tag" && textOf(c) === text)) continue;
    if (!accept(text)) continue;
    return text;
  }
  return null;
}

const DATE_CLASS = /(^|[\s_-])(date|dateline|time|timestamp|posted|published|pubdate|storydate)($|[\s_-])/i;
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
      if (iso) return iso;
    }
    // Without a zone the time of day is unknowable; the day is not: keep the date at 00:00 UTC.
    const day = dateOnly(text, usDates);
    if (day) return day;
  }
  return null;
}

/** A line that says when it was posted: "Posted on September 14th, 2026 by ...". */
const POSTED_LABEL =
  /^\s*(posted|published|veröffentlicht|publié|publicado|pubblicato)\s*(on|am|le|el|il)?\b/i;

/** "Wednesday, 11 February 2026", "September 14th, 2026", "11/02/2026" (month first on US-English pages): the day. */
function dateOnly(text: string, usDates: boolean): string | null {
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [month, day] = usDates ? [a, b] : [b, a];
    return parseFeedDate(`${numeric[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  }
  const words = text
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, "$1")
    .replace(/\s*(,|at)?\s*\d{1,2}:\d{2}.*$/i, "")
    .trim();
  return parseFeedDate(words);
}

/** A meta tag naming the publication time in a publisher's own vocabulary (govuk:first-published-at, DC.date.issued ...). */
function publishedMeta(doc: Document): string | null {
  for (const m of selectAll("meta[content]", doc)) {
    const key = `${m.attribs.name ?? ""}${m.attribs.property ?? ""}${m.attribs.itemprop ?? ""}`;
    if (!PUBLISHED_META.test(key) || /modif|updat/i.test(key)) continue;
    const iso = isoDate(m.attribs.content ?? null);
    if (iso) return iso;
  }
  return null;
}

const PUBLISHED_META =
  /(first-?published|published|publish|pubdate|pub-date|issued|created|release-?date)([-_:.]?(at|date|time|datetime))?$/i;

/** A <time datetime> that marks publication, not an update. */
function publishedTime(doc: Document): string | null {
  const times = selectAll("time[datetime]", doc);
  // What marks a <time>: its own attributes, its parent's class, and the label just before it.
  const context = (t: Element) => {
    const parent = t.parent && t.parent.type === "tag" ? (t.parent as Element) : null;
    const label = prevElementSibling(t);
    return `${t.attribs.itemprop ?? ""} ${t.attribs.class ?? ""} ${parent?.attribs.class ?? ""} ${label ? textOf(label).slice(0, 30) : ""}`;
  };
  const published = times.find((t) => /published|datePublished|posted|pubdate/i.test(context(t)));
  const plain = times.find((t) => !/updated|modified|aktualisiert/i.test(context(t)));
  return isoDate(attr(published ?? plain ?? null, "datetime"));
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
export function cleanTitle(raw: string, siteName: string | null): string {
  const title = raw.replace(/\s+/g, " ").trim();
  const parts = title.split(/\s+[|–—·»:-]\s+/);
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
function chooseTitle(raw: string | null, h1: string | null, siteName: string | null): string | null {
  if (!raw) return h1;
  const cleaned = cleanTitle(raw, siteName);
  if (!h1 || h1.length < 10 || h1.length > 300) return cleaned;
  // "Headline | Site": whichever side the h1 repeats, the headline is the longer side.
  const parts = raw.split(/\s+[|–—·»:-]\s+/);
  if (parts.length > 1 && parts.some((p) => norm(p) === norm(h1))) {
    return parts.reduce((a, b) => (b.length > a.length ? b : a)).trim();
  }
  if (norm(raw).includes(norm(h1))) return h1;
  if ((siteName && norm(cleaned) === norm(siteName)) || !/\s/.test(cleaned)) return h1;
  return cleaned;
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
  const h1 = textOf(selectOne("h1", doc)) || null;
  const docTitle = textOf(selectOne("title", doc)) || null;
  const rawTitle =
    (typeof ld?.headline === "string" ? ld.headline : null) ??
    metaContent(doc, "og:title", "twitter:title") ??
    docTitle;
  const title = chooseTitle(rawTitle, h1, siteName);

  const outlet = siteName ?? titleSuffix(docTitle, title);
  // Where pages credit authors, most reliable first; read lazily (the visible line walks the page).
  const credits: Array<() => string | null> = [
    () => jsonLdNames(ld?.author).join(", ") || null,
    () => metaContent(doc, "author", "article:author", "dc.creator", "byl"),
    () =>
      [
        ...new Set(
          selectAll('[rel="author"], [itemprop="author"]', doc)
            .map((e) => textOf(e))
            .filter(Boolean),
        ),
      ].join(", ") || null,
    () =>
      shortText(
        selectAll(
          '.byline, .author, .author-name, .article-author, [class*="authors"], [class*="byline"]',
          doc,
        ),
      ),
    () => visibleByline(doc),
  ];
  const read: Array<string | null> = [];
  let declared: string | null = null;
  for (const credit of credits) {
    const line = credit();
    read.push(line);
    declared = cleanByline(line, outlet);
    if (declared) break;
  }
  // An agency credited where the authors are ("Jane Doe, AP"; "AFP" alone).
  const agency = agencyOf(read);
  // "Wire Services" in the metadata, "By MARTA KOVAC" on the page: the people win.
  const visible =
    declared && GENERIC_AUTHOR.test(declared)
      ? cleanByline(
          visibleByline(doc, (line) => !GENERIC_AUTHOR.test(line)),
          outlet,
        )
      : null;
  const byline = visible ?? declared;

  const published =
    isoDate(typeof ld?.datePublished === "string" ? ld.datePublished : null) ??
    isoDate(metaContent(doc, "article:published_time", "datePublished", "date", "dc.date", "pubdate")) ??
    publishedMeta(doc) ??
    publishedTime(doc) ??
    visibleDate(doc, /^en-us/i.test(langOf(doc) ?? ""));

  const modified =
    isoDate(typeof ld?.dateModified === "string" ? ld.dateModified : null) ??
    isoDate(metaContent(doc, "article:modified_time", "dateModified", "og:updated_time", "last-modified"));

  const html = selectOne("html", doc);
  const lang =
    attr(html, "lang") ??
    attr(html, "xml:lang") ??
    metaContent(doc, "og:locale", "content-language", "language");

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
