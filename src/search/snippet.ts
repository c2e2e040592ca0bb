/**
 * @module Highlighted passages as safe HTML: every character of the stored text is escaped first, and only
 * then are the matched words wrapped in <mark>, so hostile titles and bodies stay text.
 */
import { escapeHtml } from "../util/html.ts";
import type { QueryUnit } from "./query.ts";
import { type Token, tokenize } from "./tokens.ts";

/** How many words a snippet shows, and how many of them come before the first match. */
const SNIPPET_WORDS = 32;
const LEAD_WORDS = 6;

/** Indexes of the tokens that belong to an occurrence of a unit, and where each occurrence starts. */
export function findMatches(
  tokens: Token[],
  units: QueryUnit[],
): { marked: Set<number>; starts: number[][] } {
  const marked = new Set<number>();
  const starts = units.map((unit) => {
    const found: number[] = [];
    const n = unit.folded.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = tokens[i + k]?.folded === unit.folded[k];
      if (!ok) continue;
      found.push(i);
      for (let k = 0; k < n; k++) marked.add(i + k);
    }
    return found;
  });
  return { marked, starts };
}

/** Tokens `from` to `to` (exclusive) of `text` as HTML, marked ones in <mark>. */
function renderRange(text: string, tokens: Token[], marked: Set<number>, from: number, to: number): string {
  let html = "";
  let pos = tokens[from]?.start ?? 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    html += escapeHtml(text.slice(pos, t.start));
    const word = escapeHtml(text.slice(t.start, t.end));
    html += marked.has(i) ? `<mark>${word}</mark>` : word;
    pos = t.end;
  }
  return html;
}

/** The whole of a short text (a title) with its matches marked. */
export function highlightAll(text: string, units: QueryUnit[]): string {
  const tokens = tokenize(text);
  const { marked } = findMatches(tokens, units);
  const last = tokens[tokens.length - 1];
  return (
    escapeHtml(text.slice(0, tokens[0]?.start ?? text.length)) +
    renderRange(text, tokens, marked, 0, tokens.length) +
    (last ? escapeHtml(text.slice(last.end)) : "")
  );
}

/**
 * A passage of `text` around the matches, as HTML: the window of SNIPPET_WORDS words that holds the most
 * different units (the earliest such), with an ellipsis where text was cut.
 */
export function buildSnippet(text: string, units: QueryUnit[]): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return "";
  const { marked, starts } = findMatches(tokens, units);
  let best = 0;
  let bestCover = 0;
  const candidates = [...new Set(starts.flat())].sort((a, b) => a - b);
  for (const s of candidates) {
    const from = Math.max(0, s - LEAD_WORDS);
    const cover = starts.filter((list) => list.some((i) => i >= from && i < from + SNIPPET_WORDS)).length;
    if (cover > bestCover) {
      bestCover = cover;
      best = from;
    }
  }
  // Near the end, the window slides back to show a full snippet's worth.
  const from = Math.max(0, Math.min(best, tokens.length - SNIPPET_WORDS));
  const to = Math.min(tokens.length, from + SNIPPET_WORDS);
  const lead = from > 0 ? "… " : escapeHtml(text.slice(0, tokens[0]?.start ?? 0));
  const tail = to < tokens.length ? " …" : escapeHtml(text.slice(tokens[to - 1]?.end ?? text.length));
  return lead + renderRange(text, tokens, marked, from, to) + tail;
}
