/** @module Finds the element that holds the article: paragraph-like blocks vote for their ancestors (Readability's idea). */
import type { Element } from "domhandler";
import { isTag } from "domhandler";
import {
  ANCESTOR_LEVELS,
  CLASS_WEIGHT,
  MAX_LENGTH_POINTS,
  MIN_PARAGRAPH_CHARS,
  NEGATIVE_CLASS_ID,
  POSITIVE_CLASS_ID,
  SEMANTIC_BONUS,
} from "./constants.ts";
import { textOf } from "./dom.ts";
import { isLeafTextBlock, isParagraphLike, linkDensityOf, type Stats } from "./measure.ts";

/**
 * The class/id words that say what an element is, without those that say what it holds or how it
 * looks: "has-sharing", "with-sidebar" (it holds share buttons, it sits beside a sidebar), "js-..."
 * script hooks, and BEM modifiers ("section--has-ads", "outer--nav": a variant of the block before
 * the "--").
 */
export function whatItIs(names: string): string {
  // Most names have neither; skip the split for them (this runs on every element of the page).
  if (!HOLDS_OR_LOOKS.test(names)) return names;
  return names
    .split(/\s+/)
    .filter((t) => !/^(has|with|js)-/i.test(t))
    .map((t) => t.replace(/--.*$/, ""))
    .join(" ");
}
const HOLDS_OR_LOOKS = /--|(^|\s)(has|with|js)-/i;

/** class/id weight: prose containers up, furniture down (Readability's _getClassWeight). */
export function classWeight(el: Element): number {
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  let w = 0;
  if (NEGATIVE_CLASS_ID.test(whatItIs(names))) w -= CLASS_WEIGHT;
  if (POSITIVE_CLASS_ID.test(names)) w += CLASS_WEIGHT;
  return w;
}

function tagWeight(name: string): number {
  switch (name) {
    case "div":
    case "article":
    case "main":
    case "section":
      return 5;
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

/** Semantic markers of the article body in the page's own markup. */
function isSemanticBody(el: Element): boolean {
  return (
    el.name === "article" ||
    el.attribs.itemprop === "articleBody" ||
    el.attribs.role === "main" ||
    el.name === "main"
  );
}

/** Readability's points for one paragraph: one, plus its commas, plus a point per 100 characters (up to 3). */
function pointsFor(chars: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(chars / 100), MAX_LENGTH_POINTS);
}

/**
 * A text block written as paragraphs separated by <br> (common in older CMSs) scores as those
 * paragraphs, not as one long one.
 */
function paragraphPoints(el: Element, s: Stats): number {
  if (!isLeafTextBlock(el) || !el.children.some((c) => isTag(c) && c.name === "br"))
    return pointsFor(s.chars, s.commas);
  let total = 0;
  let seg = "";
  const close = () => {
    const t = seg.replace(/\s+/g, " ").trim();
    if (t.length >= MIN_PARAGRAPH_CHARS) total += pointsFor(t.length, t.match(/[,،、，]/g)?.length ?? 0);
    seg = "";
  };
  for (const c of el.children) {
    if (isTag(c) && c.name === "br") close();
    else seg += textOf(c);
  }
  close();
  return Math.max(total, 1);
}

export interface ScoredCandidate {
  el: Element;
  score: number;
}

/**
 * Scores every ancestor of a paragraph-like block by that block's length and commas, spread over
 * ANCESTOR_LEVELS levels, then discounts each by its link density. Returns candidates best first.
 */
export function scoreCandidates(stats: Map<Element, Stats>): ScoredCandidate[] {
  const scores = new Map<Element, number>();
  const init = (el: Element) => {
    if (!scores.has(el))
      scores.set(el, tagWeight(el.name) + classWeight(el) + (isSemanticBody(el) ? SEMANTIC_BONUS : 0));
  };
  for (const [el, s] of stats) {
    if (!isParagraphLike(el)) continue;
    if (s.chars < MIN_PARAGRAPH_CHARS) continue;
    const points = paragraphPoints(el, s) * (1 - linkDensityOf(s));
    let node = el.parent;
    for (let level = 0; node && isTag(node) && level < ANCESTOR_LEVELS; level++, node = node.parent) {
      if (node.name === "html") break;
      init(node);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, scores.get(node)! + points / divider);
    }
    // A paragraph-like div is itself a candidate: text written straight into the container.
    if (isLeafTextBlock(el)) {
      init(el);
      scores.set(el, scores.get(el)! + points);
    }
  }
  const out: ScoredCandidate[] = [];
  for (const [el, score] of scores) out.push({ el, score: score * (1 - linkDensityOf(stats.get(el))) });
  out.sort((a, b) => b.score - a.score);
  return out;
}
