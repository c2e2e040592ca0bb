/**
 * @module Quotation spans in every common style: "…", “…”, ‘…’, «…», „…“, ‚…‘, »…«, ‹…›, and quotes that
 * run over several paragraphs (the next paragraph re-opens with a mark, the previous one is not closed).
 */

/** One quotation: `start`/`end` bound the words inside the marks; `open`/`close` are the marks' offsets. */
export interface QuoteSpan {
  open: number;
  start: number;
  end: number;
  close: number;
  /** Runs over a paragraph break. */
  multiParagraph: boolean;
}

/** Each opening mark with the closing marks that may end it (German „…“ and „…”, Swedish-style »…«). */
const CLOSERS: Record<string, string> = {
  // Mixed marks (“…" and "…”) are common in copy pasted between systems.
  "“": '”"',
  "„": "“”",
  "«": "»",
  "»": "«",
  "‹": "›",
  "‚": "‘’",
  "‘": "’",
  '"': '"”',
};

const LETTER = /[\p{L}\p{N}]/u;

/** Characters after which a mark opens rather than closes a quotation. */
const BEFORE_OPEN = /[\s([{—–\-/:;,]/u;

/**
 * A single mark between letters (`don’t`) or after a plural (`workers’ pay`) is an apostrophe, not a
 * quotation mark. A ’ followed by a letter never closes.
 */
function isApostrophe(text: string, i: number): boolean {
  return LETTER.test(text[i - 1] ?? "") && LETTER.test(text[i + 1] ?? "");
}

function opensAt(text: string, i: number): boolean {
  const c = text[i] ?? "";
  if (!(c in CLOSERS)) return false;
  const prev = text[i - 1];
  if (c === "‘" || c === '"' || c === "»" || c === "‚") {
    // Ambiguous or apostrophe-like marks open only at a word's start.
    if (prev !== undefined && !BEFORE_OPEN.test(prev)) return false;
    if (c === "‘" && isApostrophe(text, i)) return false;
  }
  // A mark followed by a space opens nothing (French « x » has a space, so only for the ambiguous ones).
  const next = text[i + 1] ?? "";
  if ((c === '"' || c === "‘" || c === "»") && (next === "" || /\s/u.test(next))) return false;
  return true;
}

function closesAt(text: string, i: number, closers: string): boolean {
  const c = text[i] ?? "";
  if (!closers.includes(c)) return false;
  if ((c === "’" || c === "‘") && LETTER.test(text[i + 1] ?? "")) return false;
  // ’ after a plural s and before a noun (`the workers’ union`) is a possessive: it closes only before
  // punctuation, a space and a lower-case speech word, or the end of the text.
  if (c === "’" && text[i - 1] === "s" && /^ [a-z]/u.test(text.slice(i + 1, i + 3))) {
    const rest = text.slice(i + 1, i + 40);
    if (!/^ (?:said|says|added|told|wrote|he|she|they|it|according|the|a|an|was|were|had)\b/u.test(rest))
      return false;
  }
  return true;
}

/**
 * Finds quotation spans. Inside a quotation only its own closing marks count, so `‘…’` inside `“…”` is
 * kept inside. An opening mark not closed in its paragraph continues only when the next paragraph opens
 * with a mark; otherwise it is dropped (an unbalanced mark is no evidence of speech).
 */
/** A doubled apostrophe used as a double quotation mark, or null. */
function doubledMarkAt(text: string, i: number): string | null {
  const two = text.slice(i, i + 2);
  return two === "''" || two === "‘‘" || two === "’’" || two === "``"
    ? two === "``"
      ? "''"
      : two === "‘‘"
        ? "’’"
        : two
    : null;
}

export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const pair = doubledMarkAt(text, i);
    if (pair) {
      // Two apostrophes as a double quotation mark (''…'', some newspapers' house style).
      const prev = text[i - 1];
      const end = prev === undefined || BEFORE_OPEN.test(prev) ? text.indexOf(pair, i + 2) : -1;
      const para = text.indexOf("\n\n", i);
      if (end > i + 2 && (para < 0 || end < para)) {
        out.push({ open: i, start: i + 2, end, close: end + 1, multiParagraph: false });
        i = end + 2;
        continue;
      }
      i += 2;
      continue;
    }
    if (!opensAt(text, i)) {
      i++;
      continue;
    }
    const closers = CLOSERS[text[i] ?? ""] ?? "";
    const open = i;
    let j = i + 1;
    let multi = false;
    let found = -1;
    while (j < text.length) {
      if (text[j] === "\n" && text[j + 1] === "\n") {
        const k = j + 2;
        if (k < text.length && (text[k] ?? "") in CLOSERS && opensAt(text, k)) {
          multi = true;
          j = k + 1;
          continue;
        }
        break;
      }
      if (closesAt(text, j, closers)) {
        found = j;
        break;
      }
      j++;
    }
    if (found > open + 1) {
      out.push({ open, start: open + 1, end: found, close: found, multiParagraph: multi });
      i = found + 1;
    } else {
      i = open + 1;
    }
  }
  return out;
}

/** The mask character that stands for a quotation's inner text: not a letter, digit, space or mark. */
export const MASK = "\u2592";

/**
 * The text with each quotation's inner words replaced by MASK (same length, so offsets hold): speech
 * patterns then see a quotation as one opaque token and never match words inside it.
 */
export function maskQuotes(text: string, quotes: readonly QuoteSpan[]): string {
  let out = "";
  let at = 0;
  for (const q of quotes) {
    // Doubled marks (''…'') are masked down to one mark at each end, so patterns see `"▒▒▒"`.
    const doubled = q.start - q.open === 2;
    out += text.slice(at, q.open) + (doubled ? '"' : text[q.open]) + MASK.repeat(q.close - q.open - 1);
    out += doubled ? '"' : (text[q.close] ?? "");
    at = q.close + 1;
  }
  return out + text.slice(at);
}
