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

/**
 * A cell most of whose text sits in a table inside it lays out a column of the page (the text column
 * of a 2000s table layout, with the story's own table in it), not a paragraph: scored as one, it
 * would outvote the cell that holds the text, and the row of sidebars around it would win. A cell
 * with a small inset table (a captioned picture) beside its text is still a paragraph.
 */
function isLayoutCell(cell: Element): boolean {
  const known = layoutCells.get(cell);
  if (known !== undefined) return known;
  let all = 0;
  let inTables = 0;
  const stack: Array<{ node: AnyNode; inTable: boolean }> = cell.children.map((node) => ({
    node,
    inTable: false,
  }));
  while (stack.length > 0) {
    const { node, inTable } = stack.pop()!;
    if (node.type === "text") {
      const n = node.data.trim().length;
      all += n;
      if (inTable) inTables += n;
    } else if (isTag(node)) {
      const deeper = inTable || node.name === "table";
      for (const c of node.children) stack.push({ node: c, inTable: deeper });
    }
  }
  const layout = inTables > all / 2;
  layoutCells.set(cell, layout);
  return layout;
}
const layoutCells = new WeakMap<Element, boolean>();

export function isParagraphLike(el: Element): boolean {
  if (el.name === "td") return !isLayoutCell(el);
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

/** Containers whose text, when split by blank lines (<br><br>), is split into paragraphs. */
const BREAK_PARENTS = new Set([
  "div",
  "section",
  "article",
  "main",
  "font",
  "span",
  "center",
  "blockquote",
  "form",
]);

/** Whether `n` is a <br>, or whitespace that sits between two of them. */
const isBr = (n: AnyNode): boolean => isTag(n) && n.name === "br";
const isBlank = (n: AnyNode): boolean => n.type === "text" && n.data.trim() === "";

/**
 * Readability's _replaceBrs, inside the article: text written as paragraphs separated by a blank line
 * (two or more <br>, as older CMSs, forums and table layouts write it) becomes one <p> per paragraph,
 * so the tail and head trims and the label rules judge each paragraph as the line it is (a "Print |
 * E-mail this story" line under the text) rather than the whole text as one block. A single <br>
 * stays inside its paragraph; the blank line's <br>s go.
 */
export function paragraphsFromBreaks(roots: Element[]): void {
  const stack: AnyNode[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    for (const c of node.children) if (isTag(c)) stack.push(c);
    if (!BREAK_PARENTS.has(node.name)) continue;
    const kids = node.children;
    // Only a container with a blank line in it: two <br> with nothing but whitespace between.
    let blankLine = false;
    for (let i = 0, lastBr = -2; i < kids.length && !blankLine; i++) {
      if (isBr(kids[i]!)) {
        if (lastBr >= 0) blankLine = true;
        lastBr = i;
      } else if (!isBlank(kids[i]!)) lastBr = -1;
    }
    if (!blankLine) continue;
    const out: AnyNode[] = [];
    let run: AnyNode[] = [];
    const flush = () => {
      // Whitespace and <br>s at a paragraph's ends are the breaks around it.
      while (run.length > 0 && (isBr(run[run.length - 1]!) || isBlank(run[run.length - 1]!)))
        out.push(run.pop()!);
      let lead = 0;
      while (lead < run.length && (isBr(run[lead]!) || isBlank(run[lead]!))) lead++;
      const body = run.slice(lead);
      out.push(...run.slice(0, lead));
      if (body.length > 0) {
        const p = new Element("p", {}, body);
        body.forEach((n, i) => {
          n.parent = p;
          n.prev = body[i - 1] ?? null;
          n.next = body[i + 1] ?? null;
        });
        out.push(p);
      }
      run = [];
    };
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      if (isTag(c) && BLOCK_TAGS.has(c.name)) {
        flush();
        out.push(c);
        continue;
      }
      // A <br> followed (past whitespace) by another ends the paragraph.
      if (isBr(c)) {
        let j = i + 1;
        while (j < kids.length && isBlank(kids[j]!)) j++;
        if (j < kids.length && isBr(kids[j]!)) {
          flush();
          continue;
        }
      }
      run.push(c);
    }
    flush();
    const kept = out.filter((n) => !isBr(n));
    node.children = kept;
    kept.forEach((n, i) => {
      n.parent = node;
      n.prev = kept[i - 1] ?? null;
      n.next = kept[i + 1] ?? null;
    });
  }
}
