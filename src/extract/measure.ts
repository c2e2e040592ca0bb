/** @module Per-element text statistics in one bottom-up pass, so scoring never re-walks subtrees. */
import type { AnyNode, Element } from "domhandler";
import { isTag } from "domhandler";

export interface Stats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Commas (any script's comma), a cheap sign of prose. */
  commas: number;
}

const COMMAS = /[,،、，]/g;

function textStats(text: string): Stats {
  const chars = text.replace(/\s+/g, " ").length;
  return { chars, linkChars: 0, commas: text.match(COMMAS)?.length ?? 0 };
}

/**
 * Stats for every element under `roots`, computed iteratively (pages can nest deeper than the call
 * stack allows).
 */
export function measureTree(roots: AnyNode[]): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const stack: Array<{ node: AnyNode; done: boolean }> = roots.map((node) => ({ node, done: false }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    const node = top.node;
    if (!isTag(node)) continue;
    if (!top.done) {
      stack.push({ node, done: true });
      for (const c of node.children) if (isTag(c)) stack.push({ node: c, done: false });
      continue;
    }
    const s: Stats = { chars: 0, linkChars: 0, commas: 0 };
    for (const c of node.children) {
      const cs = c.type === "text" ? textStats(c.data) : isTag(c) ? stats.get(c) : undefined;
      if (!cs) continue;
      s.chars += cs.chars;
      s.linkChars += cs.linkChars;
      s.commas += cs.commas;
    }
    if (node.name === "a") s.linkChars = s.chars;
    stats.set(node, s);
  }
  return stats;
}

export function linkDensityOf(s: Stats | undefined): number {
  return s && s.chars > 0 ? s.linkChars / s.chars : 0;
}
