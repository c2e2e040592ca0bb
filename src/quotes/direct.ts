/**
 * @module Quotations that no sentence pattern claimed: `"Q," she said.` (the speaker after the marks),
 * `"Q." Pryce said.` (in the next short sentence), and quotations standing alone after a statement or a
 * colon, which continue the previous speaker ("He said: ... \n\n "Q."").
 */
import { foreignSpeakerAfter } from "./foreign.ts";
import { MASK, type QuoteSpan } from "./quote-marks.ts";
import { type Attribution, sourcePhraseStart } from "./reported.ts";
import { endsWithAbbreviation, type Span } from "./sentences.ts";
import { reportingVerb, VERB_PATTERN } from "./verbs.ts";

/** The longest bare attribution after a quotation ("Chief Fire Officer Alan Pryce said on Monday"), in words. */
const MAX_AFTER_WORDS = 14;
/** How far after a quotation its speaker is looked for, in characters (appositives included). */
const MAX_AFTER_CHARS = 400;

/** A quotation followed by its speaker: `," she said`, `," said Pryce`, `" Pryce told reporters.` */
export function speakerAfter(masked: string, q: QuoteSpan, paragraphEnd: number): Attribution | null {
  const from = q.close + 1;
  // An attribution after a quotation is short: read a bounded stretch, whatever the paragraph's length.
  const rest = masked.slice(from, Math.min(paragraphEnd, from + MAX_AFTER_CHARS));
  // `," she said` (and `,”Clinton said`, written without the space)
  const foreign = foreignSpeakerAfter(rest);
  if (foreign) {
    const srcStart = from + foreign.srcOffset;
    return {
      srcStart,
      srcEnd: srcStart + foreign.src.length,
      verb: foreign.verb,
      verbStart: from + foreign.verbOffset,
      verbEnd: from + foreign.verbOffset + foreign.verb.length,
      contentStart: q.open,
      contentEnd: q.close + 1,
      form: "final",
      entry: reportingVerb("said"),
    };
  }
  const lead = /^[,.!?]?\s*/u.exec(rest);
  if (!lead || !/^\s*\p{L}/u.test(rest.slice(lead[0].length))) return null;
  const body = rest.slice(lead[0].length);
  // The attribution ends at a full stop, a comma before another quotation, or a colon.
  let cut = body.length;
  for (const m of body.matchAll(
    /[.!?](?:\s|$)|,\s*(?=["“„«»‹‚‘])|,\s+(?:adding|and)\b|:\s|\s["“„«»‹‚‘](?=\u2592)/gu,
  )) {
    // "Mr. King, 82, told me": a title's full stop ends nothing.
    if (m[0].startsWith(".") && endsWithAbbreviation(body, m.index)) continue;
    cut = m.index;
    break;
  }
  const attr = body.slice(0, cut);
  if (!attr.trim() || attr.includes(MASK)) return null;
  // Only the words before an appositive count: "said Rick Wilson, a Florida-based strategist who ..." is short.
  if ((attr.replace(/,.*$/su, "").match(/[\p{L}\p{N}'’-]+/gu) ?? []).length > MAX_AFTER_WORDS) return null;
  VERB_PATTERN.lastIndex = 0;
  const v = [...attr.matchAll(VERB_PATTERN)][0];
  if (!v) return null;
  const base = from + lead[0].length;
  const before = attr.slice(0, v.index);
  const after = attr.slice(v.index + v[0].length);
  const form = v[1] ?? v[2] ?? "said";
  if (before.trim() === "") {
    // "said Pryce", "added the minister", "says Dr Jones, a historian"
    const src = after
      .replace(/^\s+/u, "")
      .replace(/,.*$/su, "")
      .replace(/\s+(?:on|in|at|during|after|before|when|as)\s.*$/su, "");
    if (!src || sourcePhraseStart(src) !== 0) return null;
    const s0 = base + v.index + v[0].length + (after.length - after.trimStart().length);
    return {
      srcStart: s0,
      srcEnd: s0 + src.length,
      verb: v[0],
      verbStart: base + v.index,
      verbEnd: base + v.index + v[0].length,
      contentStart: q.open,
      contentEnd: q.close + 1,
      form: "final",
      entry: reportingVerb(form),
    };
  }
  if (sourcePhraseStart(before) !== 0) return null;
  const verbEnd = base + v.index + v[0].length;
  return {
    srcStart: base,
    srcEnd: base + before.trimEnd().length,
    verb: (
      v[0] + after.replace(/\s+(?:on|in|at|during|after|before|when|as|because|from)\s.*$/su, "")
    ).trim(),
    verbStart: base + v.index,
    verbEnd,
    contentStart: q.open,
    contentEnd: q.close + 1,
    form: "final",
    entry: reportingVerb(form),
  };
}

/** Whether a quotation fills its sentence (nothing but punctuation around the marks). */
export function standsAlone(masked: string, q: QuoteSpan, s: Span): boolean {
  // Scanned in place rather than sliced: a page of many quotations stays linear.
  for (let i = q.open - 1; i >= s.start; i--) if (!/\s/u.test(masked[i] ?? "")) return false;
  for (let i = q.close + 1; i < s.end; i++) if (!/[\s.!?,]/u.test(masked[i] ?? "")) return false;
  return true;
}
