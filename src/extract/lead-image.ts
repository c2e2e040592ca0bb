/** @module Finds the lead image with its caption and photo credit kept apart, and takes it out of the body. */
import { CREDIT_PREFIX } from "./constants.ts";
import {
  absoluteUrl,
  attr,
  type Document,
  type Element,
  isTag,
  removeElement,
  selectAll,
  selectOne,
  shortTextOf,
  textOf,
} from "./dom.ts";
import type { LeadImage } from "./types.ts";

/** Inside trailing brackets, these mark a credit rather than an aside. */
const CREDIT_IN_PARENS =
  /\/|photo|picture|foto|фото|bild|credit|©|agency|getty|\bap\b|reuters|afp|dpa|epa|تصوير|צילום|撮影|摄影|[A-Z]{2,}/i;
/** The label before a credit, dropped from the credit itself. */
const CREDIT_LABEL =
  /^\s*(photo(graph)?s?|picture|pic|image|foto|фото|bild|credit|©|\(c\)|تصوير|צילום|撮影|摄影|图片)(\s+by)?\s*[:：\-–—]?\s*/i;
const CREDIT_CLASS = /credit|copyright|photographer|byline|source|attribution/i;

/** Splits "Caption text. Photo: Jane Doe/Agency" into caption and credit. */
export function splitCaptionCredit(text: string): { caption: string | null; credit: string | null } {
  const t = text.replace(/\s+/g, " ").trim();
  if (!t) return { caption: null, credit: null };
  const prefixed = t.match(CREDIT_PREFIX);
  if (prefixed?.[1] && prefixed.index !== undefined && prefixed.index > 0) {
    const credit = prefixed[1].trim();
    return { caption: t.slice(0, prefixed.index).trim() || null, credit };
  }
  // "Caption text (Agency)", "Caption. (Jane Doe/Agency)", "(Photo: Jane Doe)", "（撮影：…）"
  const paren = t.match(/^(.*\S)\s*[(（]([^()（）]{2,80})[)）]\s*\.?$/);
  if (paren?.[1] && paren[2] && CREDIT_IN_PARENS.test(paren[2])) {
    return { caption: paren[1], credit: paren[2].replace(CREDIT_LABEL, "").trim() };
  }
  // A caption that is only a credit ("© Jane Doe", "Photo: Agency").
  if (CREDIT_LABEL.test(t)) return { caption: null, credit: t.replace(CREDIT_LABEL, "").trim() || t };
  return { caption: t, credit: null };
}

/** Containers that act as a figure without being one: WordPress's div.wp-caption, "Figure", "media", "photo" blocks. */
const FIGURE_CLASS =
  /(^|[\s_-])(wp-caption|figure|image|img|photo|media|picture)(-?(block|wrap|wrapper|container|figure))?($|[\s_-])/i;
/** A caption given as a div or paragraph rather than a figcaption. */
/** More text than this in a block named like a figure means it is a content block, not a figure. */
const FIGURE_MAX_TEXT = 400;
const CAPTION_CLASS = /(^|[\s_-])(wp-caption-text|caption|legend|img-?desc|image-?text)($|[\s_-])/i;

/**
 * The figure holding `img`: a <figure>, or the outermost of the blocks named like one within three
 * levels (an image wrapper inside a media block that also holds the caption and credit).
 */
function figureOf(img: Element): Element | null {
  let level = 0;
  let named: Element | null = null;
  for (let p = img.parent; p && isTag(p); p = p.parent, level++) {
    if (p.name === "figure") return p;
    if (level >= 3 || p.name === "body") break;
    // A figure holds a picture and a caption, not the article: a named block with much text is not one.
    if (FIGURE_CLASS.test(`${p.attribs.class ?? ""}`) && shortTextOf(p, FIGURE_MAX_TEXT) !== null) named = p;
    else if (named) break;
  }
  return named;
}

function captionAndCredit(figure: Element | null): { caption: string | null; credit: string | null } {
  if (!figure) return { caption: null, credit: null };
  const captionEl =
    selectOne("figcaption", figure) ??
    selectAll("*", figure).find((e) => CAPTION_CLASS.test(`${e.attribs.class ?? ""}`)) ??
    null;
  // The credit may sit inside the caption or beside it.
  const creditEl = selectAll("*", figure).find(
    (e) => e !== captionEl && CREDIT_CLASS.test(`${e.attribs.class ?? ""}`) && e.name !== "img",
  );
  if (creditEl) {
    const credit =
      textOf(creditEl)
        .replace(CREDIT_LABEL, "")
        .replace(/^[\s/|–—-]+/, "") || null;
    removeElement(creditEl);
    const caption = captionEl ? textOf(captionEl) || null : null;
    return { caption: caption ? splitCaptionCredit(caption).caption : null, credit };
  }
  return captionEl ? splitCaptionCredit(textOf(captionEl)) : { caption: null, credit: null };
}

/** A pixel size from a width/height attribute ("800", "800px"); null for percentages and junk. */
function dimension(raw: string | null): number | null {
  const m = raw ? /^\s*(\d{1,5})(px)?\s*$/.exec(raw) : null;
  return m ? Number(m[1]) : null;
}

/** The same picture: same file, allowing for the size and crop variants CMSs add ("-og", "-1200x630", "_large"). */
function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  const file = (u: string) =>
    (u.split(/[?#]/)[0]?.split("/").pop() ?? u)
      .toLowerCase()
      .replace(
        /[-_](og|share|social|facebook|twitter|\d{2,4}x\d{2,4}|large|medium|small|thumb(nail)?|crop(ped)?|scaled|full)(?=[-_.])/g,
        "",
      );
  return file(a) === file(b) && file(a).length > 4;
}

/**
 * Picks the lead image: the page's declared share image if it appears in the page, else the first
 * image inside a <figure>. Removes its figure from `doc` so the body does not repeat it.
 */
export function takeLeadImage(doc: Document, url: string, declared: string | null): LeadImage | null {
  const imgs = selectAll("img", doc).filter((i) => isPhoto(i, absoluteUrl(attr(i, "src"), url)));
  const byDeclared = declared
    ? imgs.find((i) => sameImage(absoluteUrl(attr(i, "src"), url)!, declared))
    : undefined;
  const img = byDeclared ?? imgs.find((i) => figureOf(i) !== null);
  if (!img) {
    return declared
      ? { url: declared, alt: null, caption: null, credit: null, width: null, height: null }
      : null;
  }
  const figure = figureOf(img);
  const { caption, credit } = captionAndCredit(figure);
  const lead: LeadImage = {
    url: absoluteUrl(attr(img, "src"), url)!,
    alt: attr(img, "alt"),
    caption,
    credit,
    width: dimension(attr(img, "width")),
    height: dimension(attr(img, "height")),
  };
  removeElement(figure ?? img);
  return lead;
}

/** Icons, avatars, logos, spacers and emoji are never a lead image. */
const NOT_A_PHOTO = /(icon|avatar|logo|emoji|spinner|pixel|blank|spacer|badge|button|sprite|gravatar)/i;
/** Smaller than this (declared width) is a thumbnail or an icon, not a lead picture. */
const MIN_LEAD_WIDTH = 300;

/** A picture worth leading with: has an address, is not an icon or spacer, is not thumbnail-sized. */
function isPhoto(img: Element, src: string | null): src is string {
  if (!src) return false;
  const width = dimension(attr(img, "width"));
  return (
    !NOT_A_PHOTO.test(`${img.attribs.class ?? ""} ${src}`) && (width === null || width >= MIN_LEAD_WIDTH)
  );
}

/**
 * A captioned picture in the article's body is the article's own even when narrower than
 * MIN_LEAD_WIDTH, down to this: pages of the 2000s set 150-250px photos in a 480px text column.
 */
const MIN_CAPTIONED_LEAD_WIDTH = 150;

/** A picture in a figure with a caption, not an icon, and at least MIN_CAPTIONED_LEAD_WIDTH wide. */
function captionedPhoto(img: Element, src: string, figure: Element | null): boolean {
  const width = dimension(attr(img, "width"));
  if (!figure || NOT_A_PHOTO.test(`${img.attribs.class ?? ""} ${src}`)) return false;
  if (width !== null && width < MIN_CAPTIONED_LEAD_WIDTH) return false;
  const caption =
    selectOne("figcaption", figure) ??
    selectAll("*", figure).find((e) => CAPTION_CLASS.test(`${e.attribs.class ?? ""}`)) ??
    null;
  return caption !== null && textOf(caption).trim() !== "";
}

/**
 * For pages with no declared share image and no figure: the first real picture in the article body
 * becomes the lead (its caption, when the next block is one, kept with it), and leaves the body.
 */
export function takeLeadFromBody(roots: Element[], url: string): LeadImage | null {
  for (const root of roots) {
    for (const img of selectAll("img", root)) {
      const src = absoluteUrl(attr(img, "src"), url);
      if (!src) continue;
      const width = dimension(attr(img, "width"));
      const figure = figureOf(img);
      if (!isPhoto(img, src) && !captionedPhoto(img, src, figure)) continue;
      const { caption, credit } = captionAndCredit(figure);
      removeElement(figure ?? img);
      return {
        url: src,
        alt: attr(img, "alt"),
        caption,
        credit,
        width,
        height: dimension(attr(img, "height")),
      };
    }
  }
  return null;
}
