/** @module From the top candidate to the article's root: climb to a better parent, pull in related siblings. */
import type { Element } from "domhandler";
import { isTag } from "domhandler";
import {
  COUSIN_LEVELS,
  COUSIN_SCORE_RATIO,
  DATE_TOKEN,
  EXPAND_PROSE_RATIO,
  HEAD_META_MAX_CHARS,
  PARENT_SCORE_RATIO,
  PROSE_MIN_CHARS,
  RECIPE_MARK,
  RECIPE_PART,
  SIBLING_PROSE_SHARE,
  SIBLING_SCORE_RATIO,
} from "./constants.ts";
import { shortTextOf, textOf } from "./dom.ts";
import { linkDensityOf, type Stats } from "./measure.ts";
import { allElements } from "./prune.ts";
import type { ScoredCandidate } from "./score.ts";
import { findStandfirst } from "./standfirst.ts";

/**
 * Climbs from the top candidate while a parent scores nearly as well (the article's text is spread
 * over several children of that parent) or while the candidate is its parent's only child.
 */
export function climb(top: ScoredCandidate, scores: Map<Element, number>): Element {
  let el = top.el;
  let score = top.score;
  for (
    let parent = el.parent;
    parent && isTag(parent) && parent.name !== "body" && parent.name !== "html";
    parent = parent.parent
  ) {
    const onlyChild = parent.children.filter(isTag).length === 1;
    const parentScore = scores.get(parent) ?? 0;
    if (!onlyChild && parentScore < score * PARENT_SCORE_RATIO) break;
    el = parent;
    score = Math.max(score, parentScore);
  }
  return el;
}

/**
 * The article: the root plus those siblings that belong with it (Readability's sibling join):
 * siblings scoring at least SIBLING_SCORE_RATIO of the root, or prose paragraphs with few links.
 */
export function joinSiblings(
  root: Element,
  scores: Map<Element, number>,
  stats: Map<Element, Stats>,
): Element[] {
  const parent = root.parent;
  if (!parent || !isTag(parent) || parent.name === "html") return [root];
  const rootScore = scores.get(root) ?? 0;
  const threshold = Math.max(10, rootScore * SIBLING_SCORE_RATIO);
  const rootClass = root.attribs.class ?? "";
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (!isTag(sib)) continue;
    if (sib === root) {
      out.push(sib);
      continue;
    }
    const bonus = rootClass && sib.attribs.class === rootClass ? rootScore * SIBLING_SCORE_RATIO : 0;
    const s = stats.get(sib);
    const density = linkDensityOf(s);
    const chars = s?.chars ?? 0;
    if ((scores.get(sib) ?? 0) + bonus >= threshold) out.push(sib);
    // Beside a cell, the other cells of its row are the page's other columns (a sidebar, the
    // classifieds of a table layout): only their score brings them in, never their prose alone.
    else if (root.name === "td" || root.name === "th") continue;
    // A standfirst or teaser block beside the body: mostly prose, whatever its score.
    else if (s && s.prose >= PROSE_MIN_CHARS && s.prose >= s.chars * SIBLING_PROSE_SHARE) out.push(sib);
    else if (sib.name === "p" && chars > 80 && density < 0.25) out.push(sib);
    else if (
      sib.name === "p" &&
      chars > 0 &&
      chars <= 80 &&
      density === 0 &&
      /[.!?。！？]\s*$/.test(textOfShallow(sib))
    )
      out.push(sib);
  }
  return out;
}

function textOfShallow(el: Element): string {
  let t = "";
  for (const c of el.children) if (c.type === "text") t += c.data;
  return t;
}

/**
 * Grows the root to the highest ancestor whose extra prose outweighs its extra other text
 * (menus, teasers, buttons) EXPAND_PROSE_RATIO to one, judged against the root, not step by step,
 * so thin wrappers on the way up do not stop it: an article split over sibling blocks, or the
 * posts of a listing page, are taken whole.
 */
export function expandToProse(root: Element, stats: Map<Element, Stats>): Element {
  const base = stats.get(root);
  if (!base) return root;
  let best = root;
  for (let a = root.parent; a && isTag(a) && a.name !== "body" && a.name !== "html"; a = a.parent) {
    const s = stats.get(a);
    if (!s) break;
    const gain = s.prose - base.prose;
    const cost = s.chars - base.chars - gain;
    if (gain > 0 && gain >= cost * EXPAND_PROSE_RATIO) best = a;
  }
  return best;
}

/** The article's root elements: the top candidate climbed to its best ancestor, with its siblings. */
export function assembleArticle(
  top: ScoredCandidate,
  candidates: ScoredCandidate[],
  stats: Map<Element, Stats>,
): Element[] {
  const scores = new Map(candidates.map((c) => [c.el, c.score]));
  const root = expandToProse(climb(top, scores), stats);
  const joined = joinCousins(joinSiblings(root, scores, stats), candidates, stats);
  const standfirst = findStandfirst(joined[0] ?? root, stats).filter(
    (el) => !joined.some((j) => isWithin(el, j)),
  );
  return [...standfirst, ...joined];
}

/** Ancestors of `el` up to `levels` above it. */
function ancestors(el: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (let p = el.parent, i = 0; p && isTag(p) && i < levels; p = p.parent, i++) out.push(p);
  return out;
}

/**
 * Other strong, prose-rich candidates that sit close to the article root (sharing an ancestor within
 * COUSIN_LEVELS) join it: a body interrupted by a layout wrapper is taken whole.
 */
function joinCousins(roots: Element[], candidates: ScoredCandidate[], stats: Map<Element, Stats>): Element[] {
  const best = candidates[0];
  const first = roots[0];
  if (!best || !first) return roots;
  const near = new Set(ancestors(first, COUSIN_LEVELS));
  const extra: Element[] = [];
  for (const c of candidates.slice(1, 10)) {
    if (c.score < best.score * COUSIN_SCORE_RATIO) break;
    if ([...roots, ...extra].some((r) => isWithin(c.el, r) || isWithin(r, c.el))) continue;
    const common = ancestors(c.el, COUSIN_LEVELS + 2).find((a) => near.has(a));
    if (!common) continue;
    const s = stats.get(c.el);
    if (!s || s.prose < s.chars * 0.7) continue;
    // The article is the first of several dated units (a thread's opening post, a post above its
    // comments) and the candidate sits in a later one: a reply, not the body split by a layout
    // wrapper. When the article is not the first (a later page of a thread, a listing), the units
    // are the page's text together and stay.
    if (opensDatedUnits(childTowards(common, first)) && isDatedUnit(childTowards(common, c.el))) continue;
    extra.push(c.el);
  }
  if (extra.length === 0) return roots;
  // Keep document order, so the text reads as the page does.
  let top = first;
  while (top.parent && isTag(top.parent)) top = top.parent;
  const order = new Map(allElements([top]).map((e, i) => [e, i]));
  return [...roots, ...extra].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The child of `ancestor` on the way down to `el` (`el` itself when it is a child). */
function childTowards(ancestor: Element, el: Element): Element {
  let n = el;
  while (n.parent && n.parent !== ancestor && isTag(n.parent)) n = n.parent;
  return n;
}

/**
 * Whether a block carries its own date: a <time> or datetime attribute, or a short line with a date
 * in it (a post's "by X » Sun Jan 25, 2026 9:37 pm" header).
 */
function isDatedUnit(el: Element): boolean {
  return allElements([el]).some(
    (d) =>
      d.name === "time" ||
      d.attribs.datetime !== undefined ||
      (DATED_LINE_TAGS.has(d.name) && DATE_TOKEN.test(shortTextOf(d, HEAD_META_MAX_CHARS) ?? "")),
  );
}
/** Whether `unit` is dated and no dated unit precedes it among its siblings. */
function opensDatedUnits(unit: Element): boolean {
  if (!isDatedUnit(unit)) return false;
  for (let p = unit.prev; p; p = p.prev) if (isTag(p) && isDatedUnit(p)) return false;
  return true;
}
const DATED_LINE_TAGS = new Set(["p", "span", "div", "small", "li", "dd", "dt", "header"]);

function isWithin(el: Element, ancestor: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent && isTag(p.parent) ? p.parent : null)
    if (p === ancestor) return true;
  return false;
}

/**
 * On a recipe page (its markup says "recipe"), the ingredient and instruction blocks are the article
 * even when the scored body is only the story above them: those not inside the roots join them, in
 * document order, each text once (pages repeat them for mobile and print).
 */
export function joinRecipeParts(roots: Element[]): Element[] {
  const first = roots[0];
  if (!first) return roots;
  let top = first;
  while (top.parent && isTag(top.parent)) top = top.parent;
  const all = allElements([top]);
  const names = (el: Element) =>
    `${el.attribs.class ?? ""} ${el.attribs.id ?? ""} ${el.attribs.itemprop ?? ""} ${el.attribs.itemtype ?? ""}`;
  if (!all.some((el) => RECIPE_MARK.test(names(el)))) return roots;
  const parts: Element[] = [];
  const seen = new Set<string>();
  for (const el of all) {
    if (!RECIPE_PART.test(names(el))) continue;
    if (parts.some((p) => isWithin(el, p)) || roots.some((r) => isWithin(el, r) || isWithin(r, el))) continue;
    const text = textOf(el);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    parts.push(el);
  }
  if (parts.length === 0) return roots;
  const order = new Map(all.map((e, i) => [e, i]));
  return [...roots, ...parts].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
