/**
 * @module Reads what a reader typed into words and "quoted phrases". Nothing of the reader's own syntax
 * reaches the database: each unit is rebuilt from its letters and digits only, so operators (AND, NEAR, *,
 * parentheses, quotes) are just words or nothing, and a query of only punctuation searches for nothing.
 */
import { foldWord, tokenize } from "./tokens.ts";

/** A word or a phrase to match: its words as typed (letters, digits, marks) and folded for comparing. */
export interface QueryUnit {
  words: string[];
  folded: string[];
}

/** At most this many units are searched; the rest of a pasted paragraph is ignored. */
const MAX_UNITS = 12;
/** The longest query a reader may send (the search page and the search feeds refuse longer ones). */
export const MAX_QUERY_CHARS = 300;

/** The units of `q`: each "quoted phrase" one unit, each other word its own (hyphenated: a phrase). */
export function parseSearchQuery(q: string): QueryUnit[] {
  const text = q.slice(0, MAX_QUERY_CHARS);
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const add = (chunk: string) => {
    const words = tokenize(chunk).map((t) => chunk.slice(t.start, t.end));
    if (words.length === 0) return;
    const folded = words.map(foldWord);
    const key = folded.join(" ");
    if (seen.has(key)) return;
    seen.add(key);
    units.push({ words, folded });
  };
  // Quotes pair up left to right; an unpaired one is ignored.
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) add(part);
    else for (const w of part.split(/\s+/)) add(w);
  });
  return units.slice(0, MAX_UNITS);
}

/** How a unit reads back to the reader: a word, or a phrase in quotes. */
export function describeUnit(unit: QueryUnit): string {
  return unit.words.length === 1 ? (unit.words[0] ?? "") : `"${unit.words.join(" ")}"`;
}
