/** @module Trims the article's ends: after its last real paragraph, short unpunctuated lines and link lines are furniture; before its first, dated meta lines. */
import type { Element } from "domhandler";
import { isTag } from "domhandler";
import { removeElement } from "domutils";
import {
  DATE_TOKEN,
  DATED_SENTENCE_MIN_WORDS,
  GOOD_BLOCK_CHARS,
  HEAD_META_MAX_CHARS,
  PROSE_MAX_LINK_DENSITY,
  TAIL_LINE_MAX_CHARS,
} from "./constants.ts";
import { textOf } from "./dom.ts";
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
  const blocks = leafBlocks(roots);
  const text = (el: Element) => {
    let t = "";
    for (const n of allElements([el])) for (const c of n.children) if (c.type === "text") t += c.data;
    return t.replace(/\s+/g, " ").trim();
  };
  let lastGood = -1;
  blocks.forEach((b, i) => {
    const s = stats.get(b);
    if (s && s.chars >= GOOD_BLOCK_CHARS && linkDensityOf(s) < 0.3) lastGood = i;
  });
  if (lastGood < 0) return;
  // From the end back, so a subhead is kept when the list or table it introduces is.
  let keptAfter = false;
  for (const b of blocks.slice(lastGood + 1).reverse()) {
    if (!b.parent) continue;
    const s = stats.get(b);
    if (!s || s.chars === 0) continue;
    if (
      KEEP_IN_TAIL.has(b.name) ||
      b.children.some((c) => isTag(c) && (c.name === "img" || c.name === "picture"))
    ) {
      keptAfter = true;
      continue;
    }
    const t = text(b)
      .replace(/[\u200B-\u200F\u2060-\u2064\uFEFF]/g, "")
      .trim();
    const furniture =
      linkDensityOf(s) > 0.3 || (t.length < TAIL_LINE_MAX_CHARS && !SENTENCE_END.test(t) && !PROSE_LIKE(t));
    const heading = /^h[2-6]$/.test(b.name);
    // A heading with nothing after it introduced something that is gone (a map, a form, a list);
    // one that ends like a statement is a pull quote and stays.
    const dangling = heading && !keptAfter && t.length < TAIL_LINE_MAX_CHARS && !/[.!。！]["”»]?$/.test(t);
    if ((furniture || dangling) && !(heading && keptAfter)) removeElement(b);
    else keptAfter = true;
  }
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
 * Before the first paragraph of at least GOOD_BLOCK_CHARS with few links, removes the short elements
 * that carry a date or a time: the post's meta line ("15. Mai 2019, 05:28 Uhr", "2021-10-16 | News",
 * "Published: 2 February 2022"), which the page shows above the text and metadata already holds.
 */
export function trimHeadMeta(roots: Element[]): void {
  const stats = measureTree(roots);
  for (const el of allElements(roots)) {
    const s = stats.get(el);
    if (!s || !el.parent || roots.includes(el)) continue;
    if (isParagraphLike(el) && s.chars >= GOOD_BLOCK_CHARS && linkDensityOf(s) < PROSE_MAX_LINK_DENSITY)
      return;
    if (s.chars === 0 || s.chars > HEAD_META_MAX_CHARS || !HEAD_META_TAGS.has(el.name)) continue;
    const t = textOf(el).replace(/\s+/g, " ").trim();
    // A dated sentence ("The next meeting is on 5 May at 19:00.") is text, not a meta line.
    const sentence = /[.!?。！？]$/.test(t) && t.split(" ").length >= DATED_SENTENCE_MIN_WORDS;
    if (DATE_TOKEN.test(t) && !sentence) removeElement(el);
  }
}
