/** @module Strips page furniture: before scoring (unlikely candidates) and inside the chosen article (conditional clean). */
import type { AnyNode, Element } from "domhandler";
import { Element as DomElement, isTag } from "domhandler";
import { removeElement } from "domutils";
import {
  BODY_PROSE_SHARE,
  BYLINE_PREFIX,
  GALLERY_MAX_PROSE_SHARE,
  ILLUSTRATED_PROSE_CHARS,
  JUNK_CLASS_ID,
  JUNK_TAGS,
  KEEP_CLASS_ID,
  PROMO_LINK_DENSITY,
  PROMO_MAX_CHARS,
  PROSE_WRAPPER_MIN_CHARS,
  RECIPE_PART,
  STRONG_JUNK_CLASS_ID,
  STRONG_KEEP_CLASS_ID,
} from "./constants.ts";
import { shortTextOf } from "./dom.ts";

/** Whether any text (not just whitespace) is under `el`; stops at the first. */
function hasText(el: Element): boolean {
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") {
      if ((n as { data: string }).data.trim() !== "") return true;
    } else if (isTag(n)) for (const c of n.children) stack.push(c);
  }
  return false;
}

import { linkDensityOf, measureTree } from "./measure.ts";
import { classWeight, whatItIs } from "./score.ts";

const NEVER_REMOVE = new Set(["html", "body", "article", "main"]);
const JUNK = new Set(JUNK_TAGS);
const CARD_CHILDREN = new Set(["div", "p", "h2", "h3", "h4", "figure", "section"]);
const CONDITIONAL = new Set([
  "ul",
  "ol",
  "table",
  "div",
  "section",
  "aside",
  "dl",
  "p",
  "li",
  "h2",
  "h3",
  "h4",
]);
/** Blocks judged on their own as possible promo lines. */
const PROMO_TAGS = new Set(["p", "li", "h2", "h3", "h4"]);
/** A whole line that is a web or e-mail address. */
const SPELLED_OUT_ADDRESS = /^(https?:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.\w+$/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Every element under `roots`, parents before children, without recursion. */
export function allElements(roots: AnyNode[]): Element[] {
  const out: Element[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

function isHidden(el: Element): boolean {
  return (
    el.attribs.hidden !== undefined ||
    el.attribs["aria-hidden"] === "true" ||
    HIDDEN_STYLE.test(el.attribs.style ?? "") ||
    el.attribs.role === "navigation" ||
    el.attribs.role === "complementary"
  );
}

/**
 * An <aside> holding the page's headline (h1) or an <article> is a layout wrapper around the story,
 * not a sidebar: some CMSs wrap the whole content column in one.
 */
function isLayoutAside(el: Element): boolean {
  return el.name === "aside" && allElements(el.children).some((d) => d.name === "h1" || d.name === "article");
}

/** Removes tags that are never article text, hidden elements, and (when `byClass`) furniture named by class or id. */
export function removeFurniture(roots: AnyNode[], byClass: boolean): void {
  for (const el of allElements(roots)) {
    if (!el.parent || NEVER_REMOVE.has(el.name)) continue;
    if ((JUNK.has(el.name) && !isLayoutAside(el)) || isHidden(el)) {
      removeElement(el);
      continue;
    }
    if (!byClass) continue;
    const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
    const what = whatItIs(names);
    if (JUNK_CLASS_ID.test(what) && !KEEP_CLASS_ID.test(names)) removeElement(el);
    else if (STRONG_JUNK_CLASS_ID.test(what) && !STRONG_KEEP_CLASS_ID.test(names)) removeElement(el);
  }
}

/**
 * Readability's conditional clean for the chosen article: lists, tables, divs and sections that look
 * like furniture (mostly links, images without prose, a form) go; prose-bearing ones stay.
 */
export function cleanConditionally(roots: Element[], scores: Map<Element, number>): void {
  const stats = measureTree(roots);
  const candidates = allElements(roots)
    .filter((el) => CONDITIONAL.has(el.name))
    .reverse();
  // A link wrapping blocks (a title, a description, a picture) is a card pointing at another page.
  for (const a of allElements(roots).filter((e) => e.name === "a")) {
    if (a.parent && a.children.some((c) => isTag(c) && CARD_CHILDREN.has(c.name))) removeElement(a);
  }
  const prose = roots.reduce((sum, r) => sum + (stats.get(r)?.prose ?? 0), 0);
  // The best-scored block (scores come best first) and its ancestors: where the article is.
  const holdsTop = new Set<Element>();
  for (let n = scores.keys().next().value ?? null; n; n = n.parent && isTag(n.parent) ? n.parent : null)
    holdsTop.add(n);
  for (const el of candidates) {
    if (!el.parent || roots.includes(el)) continue;
    const s = stats.get(el);
    if (!s) continue;
    const density = linkDensityOf(s);
    // "Read more: <a>Another story</a>" and similar promos: short, and mostly link.
    if (PROMO_TAGS.has(el.name)) {
      // A link that spells out its address (a URL, an e-mail) is the article citing a source or a
      // contact, not a promo for another page.
      const spelledOut = SPELLED_OUT_ADDRESS.test(shortTextOf(el, PROMO_MAX_CHARS) ?? "");
      if (s.chars < PROMO_MAX_CHARS && density > PROMO_LINK_DENSITY && !spelledOut) removeElement(el);
      continue;
    }
    // A recipe's ingredients and instructions are named as such: content, however many links.
    if (RECIPE_PART.test(`${el.attribs.class ?? ""} ${el.attribs.id ?? ""} ${el.attribs.itemprop ?? ""}`))
      continue;
    const weight = classWeight(el);
    // Only a furniture class condemns a block outright; a bare list's negative tag prior does not
    // (the list rules below judge it). Nor does a furniture word condemn the block holding most of
    // the article's prose, or a wrapper holding pages of it: page builders name every body "widget".
    const body = prose > 0 && s.prose >= prose * BODY_PROSE_SHARE && holdsTop.has(el);
    const proseWrapper = s.prose >= PROSE_WRAPPER_MIN_CHARS && s.prose >= s.chars / 2;
    if (weight < 0 && weight + (scores.get(el) ?? 0) < 0 && !body && !proseWrapper) {
      removeElement(el);
      continue;
    }
    if (s.commas >= 10) continue;
    let p = 0;
    let img = 0;
    let li = 0;
    let input = 0;
    let embed = 0;
    for (const d of allElements([el])) {
      if (d === el) continue;
      if (d.name === "p") p++;
      else if (d.name === "img") img++;
      else if (d.name === "li") li++;
      else if (d.name === "input" || d.name === "select" || d.name === "textarea") input++;
      else if (d.name === "embed" || d.name === "object" || d.name === "iframe" || d.name === "video")
        embed++;
    }
    const isList = el.name === "ul" || el.name === "ol";
    // A data table (Readability's test: header cells, several rows and columns) with a picture or a
    // link per row (an icon, a logo, an item's name linking to its page) holds data, as a list does:
    // pictures do not make it a gallery, and links only condemn it when they are most of its text.
    const dataTable = el.name === "table" && !isLayoutTable(el);
    const junk =
      (img > 1 &&
        p / img < 0.5 &&
        !isList &&
        !dataTable &&
        s.prose < s.chars * GALLERY_MAX_PROSE_SHARE &&
        s.prose < ILLUSTRATED_PROSE_CHARS) ||
      (!isList && li > p && li - 100 > 0) ||
      input > Math.floor(p / 3) ||
      (!isList && s.chars < 25 && (img === 0 || img > 2)) ||
      (weight < 25 && density > 0.2 && !((isList || dataTable) && density < 0.5)) ||
      (weight >= 25 && density > 0.5) ||
      (embed === 1 && s.chars < 75) ||
      embed > 1;
    if (junk) removeElement(el);
  }
}

function nearestTable(el: Element): Element | null {
  for (let p = el.parent; p && isTag(p); p = p.parent) if (p.name === "table") return p;
  return null;
}

/** Rows of a table, not of the tables nested in it. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isTag(c)) continue;
    if (c.name === "tr") rows.push(c);
    else if (c.name === "tbody" || c.name === "thead" || c.name === "tfoot")
      for (const r of c.children) if (isTag(r) && r.name === "tr") rows.push(r);
  }
  return rows;
}

const cellsOf = (row: Element): Element[] =>
  row.children.filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th"));

/** Blocks that a data table's cell does not hold more than one of: a cell with several is a column of a page. */
const LAYOUT_CELL_BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "blockquote",
  "form",
]);

/**
 * Whether a table lays out the page rather than holding data, by Readability's data-table test
 * (`_markDataTables`, the same signals browsers' accessibility trees use): role="presentation" or
 * "none" says so; a caption, summary, header cells or column groups say it holds data; a nested table,
 * a single row or a single column, or a cell holding several paragraphs or other blocks (a text
 * column, a sidebar) make it layout. 1990s-2000s table-soup templates, newsletters and
 * e-mail-derived pages all lay their text out so.
 */
export function isLayoutTable(table: Element): boolean {
  const role = table.attribs.role;
  if (role === "presentation" || role === "none") return true;
  if (table.attribs.summary || table.attribs.datatable === "1") return false;
  const inner = allElements(table.children);
  const own = inner.filter((d) => nearestTable(d) === table);
  if (own.some((d) => ["caption", "th", "thead", "tfoot", "col", "colgroup"].includes(d.name))) return false;
  if (inner.some((d) => d.name === "table")) return true;
  const rows = ownRows(table);
  const columns = Math.max(0, ...rows.map((r) => cellsOf(r).length));
  if (rows.length <= 1 || columns <= 1) return true;
  return rows.some((r) =>
    cellsOf(r).some((c) => c.children.filter((b) => isTag(b) && LAYOUT_CELL_BLOCKS.has(b.name)).length >= 2),
  );
}

/**
 * Layout tables inside the article become plain blocks: each cell a <div> in reading order (row by
 * row), the table itself a <div>, so a page laid out in tables reads as text and is not shown as a
 * data table. Data tables stay.
 */
export function unwrapLayoutTables(roots: Element[]): void {
  for (const table of allElements(roots).filter((el) => el.name === "table")) {
    if (!isLayoutTable(table)) continue;
    const cells = ownRows(table).flatMap(cellsOf);
    if (cells.length === 1 && cells[0] && asFigure(table, cells[0])) continue;
    for (const cell of cells) {
      cell.name = "div";
      cell.attribs = {};
    }
    table.name = "div";
    const keep: Record<string, string> = {};
    if (table.attribs.id) keep.id = table.attribs.id;
    if (table.attribs.class) keep.class = table.attribs.class;
    table.attribs = keep;
    table.children = cells;
    cells.forEach((c, i) => {
      c.parent = table;
      c.prev = cells[i - 1] ?? null;
      c.next = cells[i + 1] ?? null;
    });
  }
}

/** What a caption under a picture in a cell is made of: lines of (styled) text. */
const CAPTION_PARTS = new Set(["br", "font", "span", "small", "i", "em", "b", "strong", "a", "p", "div"]);
/** A caption is a line or two: more text than this beside a picture in one cell is a text column. */
const TABLE_CAPTION_MAX_CHARS = 300;

/**
 * A one-cell table holding one picture and, below it, a line of text is how pages before CSS set a
 * captioned picture beside the text (a table aligned right, the caption in a <font> under the image):
 * it becomes a <figure> with that text as its <figcaption>, so the picture can lead the article with
 * its caption and credit, and the caption is not read as a paragraph. Returns whether it did.
 */
function asFigure(table: Element, cell: Element): boolean {
  const inside = allElements(cell.children);
  const imgs = inside.filter((d) => d.name === "img");
  if (imgs.length !== 1 || inside.some((d) => d.name === "table")) return false;
  const text = shortTextOf(cell, TABLE_CAPTION_MAX_CHARS);
  if (!text?.trim()) return false;
  // The cell's child holding the picture; the caption is what follows it, and nothing but
  // whitespace may come before it.
  let at = -1;
  cell.children.forEach((c, i) => {
    if (at < 0 && isTag(c) && (c === imgs[0] || allElements(c.children).includes(imgs[0]!))) at = i;
  });
  if (
    at < 0 ||
    cell.children.slice(0, at).some((c) => (isTag(c) ? hasText(c) : c.type === "text" && c.data.trim()))
  )
    return false;
  const picture = cell.children.slice(0, at + 1);
  // The line break that put the caption under the picture is not part of it.
  const breakOrBlank = (n: AnyNode | undefined) =>
    !!n && ((isTag(n) && n.name === "br") || (n.type === "text" && !(n as { data: string }).data.trim()));
  let from = at + 1;
  while (breakOrBlank(cell.children[from])) from++;
  const rest = cell.children.slice(from);
  if (rest.some((c) => isTag(c) && !CAPTION_PARTS.has(c.name))) return false;
  const caption = new DomElement("figcaption", {}, rest);
  table.name = "figure";
  table.attribs = {};
  link(caption, rest);
  link(table, [...picture, caption]);
  return true;
}

/** Makes `children` the children of `parent`, with their sibling links. */
function link(parent: Element, children: AnyNode[]): void {
  parent.children = children;
  children.forEach((c, i) => {
    c.parent = parent;
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  });
}

/** Headings that repeat the title, and wrappers left empty. */
export function removeTitleAndEmpties(roots: Element[], title: string | null, bylines: string[] = []): void {
  const t = title?.toLowerCase().replace(/\s+/g, " ").trim();
  const names = bylines.map((n) => n.toLowerCase()).filter((n) => n.length > 2);
  // Repeats of the headline and byline sit at the top, before the first real paragraph.
  let atTop = true;
  for (const el of allElements(roots)) {
    if (!el.parent) continue;
    // Only short elements can be a headline or byline repeat; longer ones are not read whole.
    const text = shortTextOf(el, Math.max(150, t?.length ?? 0)) ?? "";
    const lower = text.toLowerCase();
    if (t && lower === t && /^h[1-3]$/.test(el.name)) removeElement(el);
    else if (atTop && t && lower === t && /^(h[4-6]|p|strong|b|div)$/.test(el.name)) removeElement(el);
    else if (
      atTop &&
      names.length > 0 &&
      text.length < 150 &&
      BYLINE_PREFIX.test(text) &&
      names.some((n) => lower.includes(n)) &&
      ["p", "div", "span", "strong", "b", "address"].includes(el.name)
    ) {
      removeElement(el);
    } else {
      if (el.name === "h1") el.name = "h2";
      if (el.name === "p" && text.length >= 100) atTop = false;
    }
  }
  for (const el of allElements(roots).reverse()) {
    if (!el.parent || roots.includes(el)) continue;
    if (
      ![
        "p",
        "div",
        "span",
        "section",
        "li",
        "figure",
        "ul",
        "ol",
        "blockquote",
        "em",
        "strong",
        "b",
        "i",
      ].includes(el.name)
    )
      continue;
    if (
      !hasText(el) &&
      !allElements([el]).some((d) => d.name === "img" || d.name === "picture" || d.name === "table")
    ) {
      removeElement(el);
    }
  }
}
