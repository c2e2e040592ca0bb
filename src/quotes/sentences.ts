/** @module Sentences with offsets, found on quote-masked text so a full stop inside a quotation ends nothing. */
import { MASK } from "./quote-marks.ts";

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence (titles, months, initials are handled apart). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt maj cmdr adm rev hon pres supt insp det " +
    "inc corp co ltd plc bros no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec " +
    "mon tue tues wed thu thur thurs fri sat sun ave blvd rd mt ft"
  ).split(" "),
);

export function endsWithAbbreviation(text: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const word = m[1] ?? "";
  // Initials and dotted acronyms: "J.", "U.S.", "a.m."
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Words that open a sentence and hardly ever follow "U.S." or "Inc." inside one ("...in the U.S. He said"). */
const SENTENCE_OPENER =
  /^\s+(?:He|She|It|They|We|I|The|This|That|These|Those|There|But|And|In|On|At|A|An|His|Her|Their|Its|Our|If|When|While|After|Before|Still|Yet|So|Now|Then)\s/u;

/** A dotted acronym or a company suffix ("U.S.", "D.C.", "Inc.") followed by a sentence opener ends the sentence. */
function acronymEndsSentence(masked: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(0, dot - 12), dot));
  const word = m?.[1] ?? "";
  if (!/^(?:\p{L}\.)+\p{L}$/u.test(word) && !/^(?:inc|corp|co|ltd|plc|jr|sr|etc)$/iu.test(word)) return false;
  return SENTENCE_OPENER.test(masked.slice(dot + 1, dot + 12));
}

/** Whether a sentence may start at `i`: a capital, a digit or an opening mark (with its words masked). */
function startsSentence(masked: string, i: number): boolean {
  const c = masked[i] ?? "";
  return /[\p{Lu}\d"“„«»‹‚‘(]/u.test(c);
}

/** Sentences of one paragraph `[from, to)` of the masked text. `text` is the unmasked body. */
function paragraphSentences(text: string, masked: string, from: number, to: number, out: Span[]): void {
  let start = from;
  for (let i = from; i < to; i++) {
    const c = masked[i];
    let end = -1;
    if (c === "." || c === "!" || c === "?") {
      if (c === "." && endsWithAbbreviation(masked, i) && !acronymEndsSentence(masked, i)) continue;
      end = i + 1;
      while (end < to && /["”’»)]/u.test(masked[end] ?? "")) end++;
    } else if (
      c !== MASK &&
      masked[i - 1] === MASK &&
      /[.!?]/u.test(text[i - 1] ?? "") &&
      /["”“’»«›]/u.test(c ?? "")
    ) {
      // A closing mark after a quotation that itself ends a sentence: `He said: "We won." Then...`
      end = i + 1;
    }
    if (end < 0) continue;
    let k = end;
    while (k < to && (masked[k] === " " || masked[k] === "\u00a0")) k++;
    if (k >= to || (k > end && startsSentence(masked, k))) {
      out.push({ start, end });
      start = k;
      i = k - 1;
    }
  }
  if (start < to) {
    let e = to;
    while (e > start && /\s/u.test(masked[e - 1] ?? "")) e--;
    if (e > start) out.push({ start, end: e });
  }
}

/** Every sentence of the body, in order, paragraph by paragraph. */
export function splitSentences(text: string, masked: string): Span[] {
  const out: Span[] = [];
  const para = /\n\s*\n/gu;
  let from = 0;
  for (const m of masked.matchAll(para)) {
    paragraphSentences(text, masked, from, m.index, out);
    from = m.index + m[0].length;
  }
  paragraphSentences(text, masked, from, masked.length, out);
  return out;
}
