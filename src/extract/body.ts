/** @module Finds the element holding the article text and strips page furniture from it. */
import type { ChildNode } from "domhandler";
import {
  JUNK_CLASS_ID,
  JUNK_TAGS,
  KEEP_CLASS_ID,
  MAX_LENGTH_POINTS,
  MAX_LINK_DENSITY,
  MIN_PARAGRAPH_CHARS,
} from "./constants.ts";
import {
  classAndId,
  type Document,
  type Element,
  isTag,
  linkDensity,
  removeElement,
  selectAll,
  textOf,
} from "./dom.ts";

const STRUCTURAL = new Set(["html", "body", "article", "main"]);

/** Drops elements that are furniture by tag or by class/id, in place. */
export function removeFurniture(root: Document | Element): void {
  for (const el of selectAll(JUNK_TAGS.join(","), root)) removeElement(el);
  for (const el of selectAll("*", root)) {
    if (STRUCTURAL.has(el.name) || !el.parent) continue;
    const names = classAndId(el);
    if (JUNK_CLASS_ID.test(names) && !KEEP_CLASS_ID.test(names)) removeElement(el);
  }
  for (const el of selectAll(
    '[hidden], [aria-hidden="true"], [role="navigation"], [role="complementary"]',
    root,
  )) {
    removeElement(el);
  }
}

/**
 * Scores each paragraph's parent (and half to the grandparent) by length and commas, as
 * Readability does, and returns the best-scoring element, discounted by its link density.
 */
export function findContentRoot(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  for (const p of selectAll("p, pre, td, blockquote", doc)) {
    const text = textOf(p);
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    const points =
      1 + text.split(/[,،、，]/).length - 1 + Math.min(Math.floor(text.length / 100), MAX_LENGTH_POINTS);
    const parent = p.parent && isTag(p.parent) ? p.parent : null;
    const grand = parent?.parent && isTag(parent.parent) ? parent.parent : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + points);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + points / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const adjusted = score * (1 - linkDensity(el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best;
}

/** Removes link lists, headline repeats and empty wrappers left inside the chosen content. */
export function tidyContent(root: Element, title: string | null): void {
  for (const el of selectAll("ul, ol, div, section, p, table", root)) {
    if (!el.parent) continue;
    if (linkDensity(el) > MAX_LINK_DENSITY) removeElement(el);
  }
  for (const h of selectAll("h1, h2", root)) {
    if (title && textOf(h).toLowerCase() === title.toLowerCase()) removeElement(h);
  }
  for (const h of selectAll("h1", root)) h.name = "h2";
  for (const el of selectAll("p, div, span, section, li, figure", root).reverse()) {
    if (!el.parent) continue;
    if (textOf(el) === "" && selectAll("img, picture, table", el).length === 0) removeElement(el);
  }
}

const BLOCK =
  /^(p|div|section|article|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|tr|dl|dt|dd|br|hr)$/;

/** Text of `root` with a blank line between blocks, so paragraphs stay paragraphs. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  let line = "";
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === "text") line += n.data;
      else if (isTag(n)) {
        const block = BLOCK.test(n.name);
        if (block && line.trim()) {
          parts.push(line);
          line = "";
        }
        walk(n.children);
        if (block && line.trim()) {
          parts.push(line);
          line = "";
        }
      }
    }
  };
  walk(root.children);
  if (line.trim()) parts.push(line);
  return parts
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
