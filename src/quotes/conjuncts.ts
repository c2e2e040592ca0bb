/**
 * @module Reported clauses joined by "and": "said about 60 firefighters were tackling the blaze and the
 * building had partly collapsed" reports two statements; "and insisted help was on the way" starts another
 * by the same source; "but declined to say when" ends the content (a refusal reports nothing).
 */
import { hasFiniteVerb } from "./clauses.ts";
import { MASK } from "./quote-marks.ts";
import { reportingVerb } from "./verbs.ts";

export interface Conjunct {
  start: number;
  end: number;
  /** The reporting verb that opens this conjunct ("insisted"), when it has one of its own. */
  verb?: string;
}

/** How many words after "and" a new subject may take before its finite verb ("and the union's members would"). */
const SUBJECT_WINDOW = 9;

const JOIN = /(?:,\s+|\s+)(?:and|but)\s+(?:also\s+)?|,\s+(?:so|while|whereas)\s+(?=\S)/gu;
/** Only "and" splits statements: a "but" clause qualifies the same statement ("legitimate but not proportionate"). */
const SPLITTING = /^(?:,\s+|\s+)(?:and|but|so|while|whereas)\s/u;
const SUBJECT_START =
  /^(?:it|he|she|they|we|i|there|the|its|his|her|their|our|a|an|this|these|those|some|many|all|no|most|one|two|each|every|both|neither|either|nobody|none|everyone|someone|\p{Lu})/u;
/** Words that cannot start a new subject: the conjunct shares the first clause's subject ("and then left"). */
const NOT_SUBJECT =
  /^(?:to|not|then|also|so|too|now|still|later|was|were|is|are|had|has|have|will|would|could|can|should|may|might|must|did|does|do|in|on|at|by|for|with|from|of|as|if|when|while|after|before|because|\d|\p{L}+ly\b|\p{L}+ed\b|\p{L}+ing\b)/iu;

/** The longest noun phrase read as the first of two joined subjects, in words. */
const MAX_JOINED_SUBJECT = 4;

/** What ends a statement: a refusal, a directive or a request after "and"/"but". */
const STOPPERS =
  /^(?:declined|refused|did not|didn't|would not|wouldn't|has asked|had asked|asked|urged|called (?:for|on|upon)|appealed|apologi[sz]ed|expressed|thanked|promised to|vowed to|pledged to|has not|had not|gave no|offered no|was not available|could not be reached)\b/iu;

/** A short subject (no comma, no conjunction) and then its finite verb: "it was", "the building had". */
function subjectThenVerb(after: string): boolean {
  // "the building, which stored chemicals, had partly collapsed": a relative clause between commas is skipped.
  const plain = after.replace(/^([^,;]*),\s+(?:which|who|whose)\b[^,;]*,\s+/u, "$1 ");
  const head = /^[^,;]*/u.exec(plain)?.[0] ?? "";
  // "those who booked flights directly might have to claim": a subject with its relative clause, then a modal.
  if (
    /^(?:[\p{L}'’-]+\s+){1,3}(?:who|that)\s+(?:[\p{L}'’-]+\s+){1,6}?(?:might|would|will|could|can|should|must|may)\s/u.test(
      head,
    )
  )
    return true;
  const ws = firstWords(head, SUBJECT_WINDOW).split(" ");
  for (let k = 1; k < ws.length; k++) {
    if (
      /^(?:and|or|but|who|which|that|if|when|because|while|as|although|unless|until|before|after|since|so|to)$/iu.test(
        ws[k] ?? "",
      )
    )
      return false;
    if (hasFiniteVerb(`x ${ws.slice(0, k + 1).join(" ")}`) && !hasFiniteVerb(`x ${ws.slice(0, k).join(" ")}`))
      return k >= 1;
  }
  return false;
}

function firstWords(s: string, n: number): string {
  return (s.match(/[\p{L}\p{N}'’-]+/gu) ?? []).slice(0, n).join(" ");
}

/** Splits `[start, end)` of the masked text at "and"/"but" before a new clause, a new reporting verb or a stopper. */
export function splitConjuncts(masked: string, start: number, end: number): Conjunct[] {
  const out: Conjunct[] = [];
  let cur: Conjunct = { start, end };
  const text = masked.slice(start, end);
  for (const j of text.matchAll(JOIN)) {
    const at = start + j.index;
    const next = at + j[0].length;
    if (at <= cur.start) continue;
    const after = masked.slice(next, end);
    const before = masked.slice(cur.start, at);
    if (after.startsWith(MASK)) continue;
    if (STOPPERS.test(after)) {
      cur.end = at;
      out.push(cur);
      return out;
    }
    if (!SPLITTING.test(j[0])) continue;
    // ", and signalled further increases": after a comma, a past verb with no subject is the source's
    // own action, not more of what it said.
    if (
      /^,/u.test(j[0]) &&
      /^\p{Ll}+ed\b/u.test(after) &&
      !reportingVerb(/^\p{L}+/u.exec(after)?.[0] ?? "")
    ) {
      cur.end = at;
      out.push(cur);
      return out;
    }
    const aux = /^(?:(?:has|have|had)\s+(?:also\s+)?)?/u.exec(after)?.[0] ?? "";
    const firstWord = /^[\p{L}]+/u.exec(after.slice(aux.length))?.[0] ?? "";
    const verb = reportingVerb(firstWord);
    // "and called the cuts "a betrayal"": a quote-only verb opens a conjunct too; its quotation decides.
    if (verb && /(?:ed|d|s)$/u.test(firstWord)) {
      const that = aux + (/^[\p{L}]+\s+(?:that\s+)?/u.exec(after.slice(aux.length))?.[0] ?? "");
      cur.end = at;
      out.push(cur);
      cur = { start: next + that.length, end, verb: firstWord };
      continue;
    }
    // "it had not been contacted but would ‘assist in any way requested’": a second verb phrase whose
    // quotation ends the clause is the source's own words; the first stays a statement of its own.
    if (
      /^(?:would|will|could|should|might|may|must|can)\s/u.test(after) &&
      /["”’»“›]\s*$/u.test(masked.slice(next, end).replace(/[.,;!?\s]+$/u, "")) &&
      hasFiniteVerb(`x ${before}`)
    ) {
      cur.end = at;
      out.push(cur);
      cur = { start: next, end, ...(cur.verb ? { verb: cur.verb } : {}) };
      continue;
    }
    if (/^that\s/u.test(after)) {
      if (!hasFiniteVerb(`x ${before}`)) continue;
      cur.end = at;
      out.push(cur);
      cur = { start: next + 5, end, ...(cur.verb ? { verb: cur.verb } : {}) };
      continue;
    }
    // A new subject: a determiner or pronoun, a name, or a bare plural ("wages fell"), not a verb ("tell Clinton").
    // A new subject: a determiner or pronoun, a name, or a noun phrase ("consular staff were"), not a
    // verb with its object ("tell Clinton she was", "tell them the plan was").
    const subject =
      SUBJECT_START.test(after) ||
      (!NOT_SUBJECT.test(after) &&
        !/^\p{Ll}[\p{L}-]*\s+(?:\p{Lu}|(?:him|her|them|us|me|it|the|a|an|his|their|its|our|my|your)\b)/u.test(
          after,
        ));
    if (subject && subjectThenVerb(after)) {
      // Two clauses after one verb; when the first is a short phrase with no verb of its own, the "and"
      // joins subjects instead ("the navigation and the fishing are forbidden").
      if (
        !hasFiniteVerb(`x ${before}`) &&
        firstWords(before, MAX_JOINED_SUBJECT + 1).split(" ").length <= MAX_JOINED_SUBJECT
      )
        continue;
      cur.end = at;
      out.push(cur);
      cur = { start: next, end, ...(cur.verb ? { verb: cur.verb } : {}) };
    }
  }
  out.push(cur);
  return out;
}
