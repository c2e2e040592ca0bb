/** @module Per-element text statistics in one bottom-up pass, so scoring never re-walks subtrees. */
import type { AnyNode } from "domhandler";
import { Element, isTag } from "domhandler";
import { MIN_PARAGRAPH_CHARS, PROSE_MAX_LINK_DENSITY, PROSE_MIN_CHARS } from "./constants.ts";

export interface Stats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Characters in prose blocks (paragraph-like, long enough, few links) at or below this element. */
  prose: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Commas (any script's comma), a cheap sign of prose. */
  commas: number;
}

const COMMAS = /[,،、，]/g;

function textStats(text: string): Stats {
  const chars = text.replace(/\s+/g, " ").length;
  return { chars, prose: 0, linkChars: 0, commas: text.match(COMMAS)?.length ?? 0 };
}

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
  "ul",
]);
const PARAGRAPH_TAGS = new Set(["p", "pre", "blockquote", "td", "dd"]);

/** A div or section holding text directly, with no block inside it, reads as a paragraph (Readability's DIV-to-P). */
export function isLeafTextBlock(el: Element): boolean {
  if (el.name !== "div" && el.name !== "section" && el.name !== "article" && el.name !== "span") return false;
  let directText = 0;
  for (const c of el.children) {
    if (isTag(c) && BLOCK_TAGS.has(c.name)) return false;
    if (c.type === "text") directText += c.data.trim().length;
  }
  return directText > 0;
}

/** Containers whose loose text (beside their block children) is wrapped into paragraphs. */
const LOOSE_TEXT_PARENTS = new Set(["div", "section", "article", "main"]);

/**
 * Readability's other half of DIV-to-P: a container holding both blocks (an image wrapper, a subhead)
 * and text written straight into it, often split by <br>, gets each run of that inline content
 * wrapped in a <p>, so the text is scored and kept as paragraphs, not lost as nobody's prose.
 * Only containers with at least MIN_PARAGRAPH_CHARS of such loose text are touched.
 */
export function wrapLooseText(roots: AnyNode[]): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    for (const c of node.children) if (isTag(c)) stack.push(c);
    if (!LOOSE_TEXT_PARENTS.has(node.name)) continue;
    let loose = 0;
    let blocks = 0;
    for (const c of node.children) {
      if (c.type === "text") loose += c.data.trim().length;
      else if (isTag(c) && BLOCK_TAGS.has(c.name)) blocks++;
    }
    if (blocks === 0 || loose < MIN_PARAGRAPH_CHARS) continue;
    const out: AnyNode[] = [];
    let run: AnyNode[] = [];
    const flush = () => {
      if (run.some((n) => (n.type === "text" ? n.data.trim() !== "" : isTag(n)))) {
        const p = new Element("p", {}, run);
        for (const n of run) {
          n.parent = p;
        }
        run.forEach((n, i) => {
          n.prev = run[i - 1] ?? null;
          n.next = run[i + 1] ?? null;
        });
        out.push(p);
      } else out.push(...run);
      run = [];
    };
    for (const c of node.children) {
      if (isTag(c) && BLOCK_TAGS.has(c.name)) {
        flush();
        out.push(c);
      } else run.push(c);
    }
    flush();
    node.children = out;
    out.forEach((n, i) => {
      n.parent = node;
      n.prev = out[i - 1] ?? null;
      n.next = out[i + 1] ?? null;
    });
  }
}

export function isParagraphLike(el: Element): boolean {
  return PARAGRAPH_TAGS.has(el.name) || isLeafTextBlock(el);
}

/**
 * Stats for every element under `roots`, computed iteratively (pages can nest deeper than the call
 * stack allows).
 */
export function measureTree(roots: AnyNode[]): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const stack: Array<{ node: AnyNode; done: boolean; inLink: boolean }> = roots.map((node) => ({
    node,
    done: false,
    inLink: false,
  }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    const node = top.node;
    if (!isTag(node)) continue;
    if (!top.done) {
      stack.push({ node, done: true, inLink: top.inLink });
      const inLink = top.inLink || node.name === "a";
      for (const c of node.children) if (isTag(c)) stack.push({ node: c, done: false, inLink });
      continue;
    }
    const s: Stats = { chars: 0, prose: 0, linkChars: 0, commas: 0 };
    for (const c of node.children) {
      const cs = c.type === "text" ? textStats(c.data) : isTag(c) ? stats.get(c) : undefined;
      if (!cs) continue;
      s.chars += cs.chars;
      s.prose += cs.prose;
      s.linkChars += cs.linkChars;
      s.commas += cs.commas;
    }
    // A link's text is link text, and so is a block inside a link (a teaser card wrapped in <a>).
    if (node.name === "a" || top.inLink) s.linkChars = s.chars;
    if (
      isParagraphLike(node) &&
      s.chars >= PROSE_MIN_CHARS &&
      s.linkChars < s.chars * PROSE_MAX_LINK_DENSITY
    ) {
      s.prose = s.chars;
    }
    stats.set(node, s);
  }
  return stats;
}

export function linkDensityOf(s: Stats | undefined): number {
  return s && s.chars > 0 ? s.linkChars / s.chars : 0;
}
