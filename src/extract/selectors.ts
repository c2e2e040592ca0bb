/** @module Operator-set CSS selectors for a source: what to drop first, and where the article body is. */
import type { Document, Element } from "domhandler";
import { removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { selectAll } from "./dom.ts";

export interface SourceSelectors {
  /** Where the article body is; when it matches, it is taken as the body. */
  include?: string | null;
  /** What to drop from the page before anything else. */
  exclude?: string | null;
}

/** Null when `css` is a usable selector list, else why not (for a clear error when an operator sets one). */
export function selectorProblem(css: string): string | null {
  try {
    selectAll(css, parseDocument("<p></p>"));
    return null;
  } catch (err) {
    return `"${css}" is not a valid CSS selector: ${(err as Error).message}`;
  }
}

function matches(css: string | null | undefined, doc: Document): Element[] {
  if (!css || selectorProblem(css)) return [];
  return selectAll(css, doc);
}

/** Removes what the exclude selector matches. In place. */
export function applyExclude(doc: Document, selectors: SourceSelectors | undefined): void {
  for (const el of matches(selectors?.exclude, doc)) if (el.parent) removeElement(el);
}

/** The elements the include selector matches, outermost only, in document order; empty when none. */
export function includedRoots(doc: Document, selectors: SourceSelectors | undefined): Element[] {
  const found = matches(selectors?.include, doc);
  return found.filter((el) => !found.some((o) => o !== el && contains(o, el)));
}

function contains(ancestor: Element, el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
