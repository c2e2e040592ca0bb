/** @module The standfirst (intro, deck, subtitle) that many sites set in the article's header, apart from the body. */
import type { Element } from "domhandler";
import { isTag } from "domhandler";
import {
  STANDFIRST_HEADING_MIN_CHARS,
  STANDFIRST_LEVELS,
  STANDFIRST_MAX_CHARS,
  STANDFIRST_MIN_CHARS,
} from "./constants.ts";
import { linkDensityOf, type Stats } from "./measure.ts";
import { allElements } from "./prune.ts";

/** class/id words publishers use for the standfirst. */
const STANDFIRST_CLASS =
  /(^|[\s_-])(intro|lead|lede|standfirst|teaser|summary|subtitle|sub-?headline|dek|deck|excerpt|abstract|kicker|description)($|[\s_-])/i;

function insideHeader(el: Element, stop: Element): boolean {
  for (let p = el.parent; p && isTag(p) && p !== stop; p = p.parent) {
    if (p.name === "header" || p.name === "hgroup") return true;
  }
  return false;
}

function looksLikeStandfirst(el: Element, scope: Element, stats: Map<Element, Stats>): boolean {
  // Inside the page's own <article>, a subheading set before the body is its deck.
  const inArticle = scope.name === "article" && el.parent === scope && el.name === "h2";
  const heading = el.name === "h2" || el.name === "h3";
  if (el.name !== "p" && !heading && el.name !== "div") return false;
  const s = stats.get(el);
  if (!s || s.chars < STANDFIRST_MIN_CHARS || s.chars > STANDFIRST_MAX_CHARS || linkDensityOf(s) > 0.2)
    return false;
  if (el.name === "div" && el.children.some((c) => isTag(c) && ["p", "div", "h2", "ul"].includes(c.name)))
    return false;
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  // A heading as long as a sentence or two is a deck, not a title: titles stay short.
  const longHeading = heading && s.chars >= STANDFIRST_HEADING_MIN_CHARS;
  return (
    inArticle ||
    longHeading ||
    STANDFIRST_CLASS.test(names) ||
    insideHeader(el, scope) ||
    (el.name === "h2" && el.parent?.type === "tag" && el.parent.name === "hgroup")
  );
}

/**
 * Looks up to STANDFIRST_LEVELS ancestors above the article root for a standfirst set before it
 * (in a <header>/<hgroup>, or named intro, lead, teaser, dek...) and returns those blocks in order.
 */
export function findStandfirst(root: Element, stats: Map<Element, Stats>): Element[] {
  let child: Element = root;
  for (
    let level = 0, a = root.parent;
    a && isTag(a) && a.name !== "body" && level < STANDFIRST_LEVELS;
    level++, a = a.parent
  ) {
    const before = a.children.slice(0, a.children.indexOf(child)).filter(isTag);
    const found = allElements(before).filter((el) => looksLikeStandfirst(el, a, stats));
    // Keep the outermost of nested matches, so no text is taken twice.
    const outer = found.filter((el) => !found.some((o) => o !== el && allElements([o]).includes(el)));
    if (outer.length > 0) return outer;
    child = a;
  }
  return [];
}
