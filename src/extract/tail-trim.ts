/** @module Trims the article's ends: after its last real paragraph, short unpunctuated lines and link lines are furniture; before its first, dated meta lines. */
import type { AnyNode, Element } from "domhandler";
import { isTag } from "domhandler";
import { removeElement } from "domutils";
import {
  BYLINE_PREFIX,
  DATE_TOKEN,
  DATED_SENTENCE_MIN_WORDS,
  GOOD_BLOCK_CHARS,
  HEAD_META_MAX_CHARS,
  KICKER_MAX_CHARS,
  KICKER_MAX_WORDS,
  LABEL_MAX_WORDS,
  PROSE_MAX_LINK_DENSITY,
  TAIL_LINE_MAX_CHARS,
  TIME_ABBREVIATION_END,
} from "./constants.ts";
import { shortTextOf, textOf } from "./dom.ts";
import { isParagraphLike, linkDensityOf, measureTree } from "./measure.ts";
import { allElements } from "./prune.ts";

const BLOCKS = new Set([
  "p",
  "div",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "table",
  "blockquote",
  "pre",
  "dl",
  "section",
  "figure",
  "span",
]);
/** Lists and tables at the end (ingredients, facts, sources) are content more often than not. */
const KEEP_IN_TAIL = new Set(["li", "ul", "ol", "table", "dl", "pre"]);
const SENTENCE_END = /[.!?。！？…"”»)\]:：）」』]\s*$/;
/** A line with a comma and several words reads as prose even without a full stop. */
const PROSE_LIKE = (t: string) => /[,،、，]/.test(t) && t.split(/\s+/).length >= 8;

/**
 * A label whose list is gone: a few words and a colon, then nothing or only the separators that stood
 * between the removed items ("Topics:", "Filed under: , ,", "Tags: · ·"). Tag, topic and category
 * lists are removed as furniture on most sites while their label, plain text in the same line, stays.
 */
export function isOrphanLabel(t: string): boolean {
  const m = /^([^.!?。！？:：]+)[:：]([\s,;、，|·•/–—-]*)$/u.exec(t);
  const label = m?.[1]?.trim() ?? "";
  return /\p{L}/u.test(label) && label.split(/\s+/).length <= LABEL_MAX_WORDS;
}

/** Separators left behind by removed items ("Filed under: , ,"): something was between them. */
const LEFT_SEPARATORS = /[,;、，|·•/]\s*$/u;

/**
 * Whether the line's last words (before closing punctuation) are a link: "download our app <a>here</a>.",
 * "Source: <a>...</a>", "Bookmark the <a>permalink</a>." point elsewhere; a closing sentence of the
 * article rarely ends inside a link.
 */
function endsInLink(el: Element): boolean {
  let end: AnyNode | null = null;
  const stack: AnyNode[] = [el];
  // Depth first, last child first: the first text with a letter or digit met is the line's last.
  while (stack.length > 0 && !end) {
    const n = stack.pop()!;
    if (n.type === "text") {
      if (/[\p{L}\p{N}]/u.test((n as { data: string }).data)) end = n;
    } else if (isTag(n)) for (const c of n.children) stack.push(c);
  }
  for (let p = end?.parent; p && p !== el; p = p.parent) if (isTag(p) && p.name === "a") return true;
  return false;
}

/**
 * Whether the block is part of a list item, list or table inside the article (a <span> or <p> in an
 * <li>); the article's roots themselves do not count, so a page laid out in one table is still trimmed.
 */
function insideKept(el: Element, roots: Element[]): boolean {
  for (let p = el.parent; p && isTag(p) && !roots.includes(p); p = p.parent)
    if (KEEP_IN_TAIL.has(p.name)) return true;
  return false;
}

/** Leaf blocks (holding text, no block inside) of the article, in document order. */
function leafBlocks(roots: Element[]): Element[] {
  return allElements(roots).filter(
    (el) => BLOCKS.has(el.name) && !el.children.some((c) => isTag(c) && BLOCKS.has(c.name)),
  );
}

/**
 * After the last block of at least GOOD_BLOCK_CHARS with few links, removes the blocks that read as
 * furniture: mostly links, or short and without the punctuation that ends a sentence
 * ("Teilen", "Kommentare (0)", "Tags: ...", a date). A closing sentence stays.
 */
export function trimTail(roots: Element[]): void {
  const stats = measureTree(roots);
  let blocks = leafBlocks(roots);
  // In document order: a link inside the line must not move its text to the end.
  const text = (el: Element) => textOf(el).replace(/\s+/g, " ").trim();
  let lastGood = -1;
  blocks.forEach((b, i) => {
    const s = stats.get(b);
    if (s && s.chars >= GOOD_BLOCK_CHARS && linkDensityOf(s) < 0.3) lastGood = i;
  });
  if (lastGood < 0) return;
  const lastGoodBlock = blocks[lastGood]!;
  if (removeTailCards(roots, lastGoodBlock)) {
    blocks = leafBlocks(roots);
    lastGood = blocks.indexOf(lastGoodBlock);
  }
  // From the end back, so a subhead is kept when the list or table it introduces is.
  let keptAfter = false;
  // Lines whose items this pass removed: a "Topics: <span>a</span> <span>b</span>" line is not a leaf
  // block until its items are gone, then its label is all that is left.
  const emptied = new Set<Element>();
  for (const b of blocks.slice(lastGood + 1).reverse()) {
    if (!b.parent) continue;
    const s = stats.get(b);
    if (!s || s.chars === 0) continue;
    if (
      KEEP_IN_TAIL.has(b.name) ||
      insideKept(b, roots) ||
      b.children.some((c) => isTag(c) && (c.name === "img" || c.name === "picture"))
    ) {
      keptAfter = true;
      continue;
    }
    const t = text(b)
      .replace(/[\u200B-\u200F\u2060-\u2064\uFEFF]/g, "")
      .trim();
    const short = t.length < TAIL_LINE_MAX_CHARS;
    const furniture =
      linkDensityOf(s) > 0.3 ||
      (short && !SENTENCE_END.test(t) && !PROSE_LIKE(t)) ||
      (short && endsInLink(b));
    // A label ending the article introduced a list that is gone ("Topics:"); one followed by what it
    // introduces (a kept list, a quoted statement) stays.
    const label = isOrphanLabel(t) && (!keptAfter || LEFT_SEPARATORS.test(t));
    const heading = /^h[2-6]$/.test(b.name);
    // A heading with nothing after it introduced something that is gone (a map, a form, a list);
    // one that ends like a statement is a pull quote and stays.
    const dangling = heading && !keptAfter && t.length < TAIL_LINE_MAX_CHARS && !/[.!。！]["”»]?$/.test(t);
    if ((furniture || dangling || label) && !(heading && keptAfter)) {
      if (b.parent && isTag(b.parent) && !roots.includes(b.parent)) emptied.add(b.parent);
      removeElement(b);
    } else keptAfter = true;
  }
  for (const line of emptied) {
    if (line.parent && !roots.includes(line) && isOrphanLabel(text(line))) removeElement(line);
  }
}

/** Containers that may be a card of their own after the article. */
const CARD_TAGS = new Set(["div", "section", "li", "article", "aside"]);
/** A picture declared this small (width and height) is a thumbnail, an avatar or an icon. */
const THUMBNAIL_MAX_PX = 150;
const THUMBNAIL_NAME = /(^|[\W_])(avatar|thumb|thumbnail|headshot|mugshot)($|[\W_])/i;

function isThumbnail(img: Element): boolean {
  const px = (v: string | undefined) => (v && /^\s*\d+(px)?\s*$/.test(v) ? Number.parseInt(v, 10) : null);
  const w = px(img.attribs.width);
  const h = px(img.attribs.height);
  if (w !== null && w <= THUMBNAIL_MAX_PX && (h === null || h <= THUMBNAIL_MAX_PX)) return true;
  return THUMBNAIL_NAME.test(`${img.attribs.class ?? ""} ${(img.attribs.src ?? "").split("/").pop() ?? ""}`);
}

/**
 * After the article's last real paragraph, a block with a heading, a thumbnail and under
 * TAIL_LINE_MAX_CHARS of text is a card, not the article's end: a staff or team strip ("Our
 * midwives"), an author card, a teaser whose link is gone. Such a card's lines end like sentences,
 * so the line-by-line trim keeps them; the article's own picture is not thumbnail-sized, and a
 * closing section has more text than a line. Returns whether any was removed.
 */
function removeTailCards(roots: Element[], lastGood: Element): boolean {
  const order = allElements(roots);
  let removed = false;
  for (const el of order.slice(order.indexOf(lastGood) + 1)) {
    if (!el.parent || !CARD_TAGS.has(el.name) || isWithin(el, lastGood)) continue;
    const text = shortTextOf(el, TAIL_LINE_MAX_CHARS)?.trim() ?? "";
    if (text.length === 0 || text.length >= TAIL_LINE_MAX_CHARS) continue;
    const inside = allElements([el]);
    if (
      !inside.some((d) => /^h[2-6]$/.test(d.name)) ||
      !inside.some((d) => d.name === "img" && isThumbnail(d))
    )
      continue;
    removeElement(el);
    removed = true;
  }
  return removed;
}

function isWithin(el: Element, ancestor: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent && isTag(p.parent) ? p.parent : null)
    if (p === ancestor) return true;
  return false;
}

/** Elements that may hold a meta line; headings never do (a dated headline is still the headline). */
const HEAD_META_TAGS = new Set([
  "p",
  "div",
  "span",
  "time",
  "small",
  "li",
  "ul",
  "header",
  "section",
  "address",
]);

/**
 * A line that is one short link and nothing else (KICKER_MAX_CHARS): the section or category link
 * templates print over the headline, or a breadcrumb's last step. No picture: a linked lead image stays.
 */
/** Elements that sit inside a line of text: a link between them is part of a sentence, not a line of its own. */
const INLINE_TAGS = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "em",
  "font",
  "i",
  "mark",
  "q",
  "rb",
  "rp",
  "rt",
  "ruby",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
]);

/** Whether `el` is a line of its own: no text or inline element right before or after it among its siblings. */
function standsAlone(el: Element): boolean {
  const siblings = el.parent?.children ?? [];
  const i = siblings.indexOf(el);
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < siblings.length; j += step) {
      const n = siblings[j];
      if (!n) break;
      if (n.type === "text") {
        if ((n as { data: string }).data.trim() === "") continue;
        return false;
      }
      if (isTag(n) && INLINE_TAGS.has(n.name)) return false;
      break;
    }
  }
  return true;
}

function isKicker(el: Element, s: { chars: number; linkChars: number }, t: string): boolean {
  return (
    standsAlone(el) &&
    s.chars > 0 &&
    s.chars <= KICKER_MAX_CHARS &&
    s.linkChars >= s.chars &&
    t.split(" ").length <= KICKER_MAX_WORDS &&
    !allElements([el]).some((d) => d.name === "img" || d.name === "picture" || d.name === "svg")
  );
}

/**
 * Before the first paragraph of at least GOOD_BLOCK_CHARS with few links, removes the short elements
 * that carry a date or a time: the post's meta line ("15. Mai 2019, 05:28 Uhr", "2021-10-16 | News",
 * "Published: 2 February 2022", "By Jane Doe November 5, 2026 at 3:00 p.m."), which the page shows
 * above the text and metadata already holds; and the section link over the headline (isKicker).
 * `bylines` are the article's authors as metadata found them: a short dated line naming one repeats
 * the byline, even when it reads like a sentence ("Published by Jane Doe on 5 May 2021."), and so does
 * a "By Jane Doe" line without a date.
 * Returns the characters of the kicker links removed: they were in the article's container, so the
 * cascade still counts them when it asks whether that container was thin.
 */
export function trimHeadMeta(roots: Element[], bylines: readonly string[] = []): number {
  const stats = measureTree(roots);
  let kickerChars = 0;
  const names = bylines.map((n) => n.toLowerCase()).filter((n) => n.length > 2);
  // A kicker is over the headline: once a line of running text has passed, a short link is not one.
  let textSeen = false;
  for (const el of allElements(roots)) {
    const s = stats.get(el);
    if (!s || !el.parent || roots.includes(el)) continue;
    if (isParagraphLike(el) && s.chars >= GOOD_BLOCK_CHARS && linkDensityOf(s) < PROSE_MAX_LINK_DENSITY)
      return kickerChars;
    if (isParagraphLike(el) && s.chars > s.linkChars + KICKER_MAX_CHARS) textSeen = true;
    if (s.chars === 0 || s.chars > HEAD_META_MAX_CHARS) continue;
    if (!HEAD_META_TAGS.has(el.name) && el.name !== "a") continue;
    const t = textOf(el).replace(/\s+/g, " ").trim();
    if (!textSeen && isKicker(el, s, t)) {
      kickerChars += t.length;
      removeElement(el);
      continue;
    }
    if (el.name === "a") continue;
    // A dated sentence ("The next meeting is on 5 May at 19:00.") is text, not a meta line; a time's
    // "p.m." ends no sentence.
    const sentence =
      /[.!?。！？]$/.test(t) &&
      !TIME_ABBREVIATION_END.test(t) &&
      t.split(" ").length >= DATED_SENTENCE_MIN_WORDS;
    const namesAuthor = names.some((n) => t.toLowerCase().includes(n));
    // "By Jane Doe" on its own line below a short standfirst repeats the byline as much as above it.
    const bylineLine = namesAuthor && BYLINE_PREFIX.test(t) && !sentence;
    if ((DATE_TOKEN.test(t) && (!sentence || namesAuthor)) || bylineLine) removeElement(el);
  }
  return kickerChars;
}
