/**
 * @module Is this a reported clause or only a noun phrase? Without a parser: a clause has a finite verb
 * after its first word ("the building had collapsed"); "the birth of twin cubs" has none, so
 * "announced the birth of twin cubs" reports no proposition.
 */

const AUXILIARIES = new Set(
  (
    "is are was were be been am will would could can cannot should may might must shall has have had do does did " +
    "won't wouldn't can't couldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't mustn't " +
    "needs remains remain remained seems seemed looks looked means meant makes made takes took goes went comes came " +
    "gets got knows knew wants wanted plans planned expects expected faces faced holds held includes lies lay poses posed " +
    "puts put sees saw stands stood stays stayed rose fell grew began begun left lost won paid kept ran brought " +
    "bought built sent spent cut hit set let led met sold told thought found gave give gives fled broke drove " +
    "caught struck wore became become becomes owes owed exists existed lacks lacked"
  ).split(" "),
);

import { MASK } from "./quote-marks.ts";

/** Irregular past tenses (the -ed test finds the regular ones). */
const IRREGULAR_PAST = new Set(
  (
    "arose awoke bore beat bent bet bit bled blew bred burnt burst clung crept dealt dug dove drew dreamt drank ate " +
    "fed felt fought flung flew forbade forgot forgave froze ground hung heard hid hurt knelt laid leapt learnt lent " +
    "lit rode rang sought shook shed shone shot shrank shut sang sank sat slept slid slit spoke sped spun spat split " +
    "spread sprang stole stuck stung stank strove swore swept swam swung taught tore threw thrust understood woke " +
    "wove wept wound withdrew wrote overtook undertook overcame upheld withheld foresaw rebuilt overturned"
  ).split(" "),
);

/** Adverbs between a subject and its verb ("they still want", "voters also think"). */
const ADVERBS = new Set(
  "still also now really all both often never just generally largely increasingly actually simply mostly already always usually overwhelmingly".split(
    " ",
  ),
);

/** Words after "they", "we", "I", "you" that are not their verb. */
const NOT_AFTER_PRONOUN = new Set(
  "and or but as if so than that who which when where while to of in on at for with by from all both too themselves ourselves myself yourself".split(
    " ",
  ),
);

/** Bare present verbs that are seldom nouns after a plural subject ("parents want", "strategists plan to"). */
const BARE_VERBS = new Set(
  "want need think believe know expect hope feel agree prefer fear worry deserve understand trust intend seem appear tend plan oppose continue remain face say see show point".split(
    " ",
  ),
);

/** Plural nouns without an -s. */
const PLURAL_NOUNS = new Set("people data police children men women staff".split(" "));

/** Words after which an -s word is a verb with its object or complement ("the bill makes manufacturers"). */
const AFTER_PRESENT =
  /^(?:the|a|an|that|it|them|him|her|his|their|its|no|more|less|up|out|every|all|some|any|this|these|those|\d)$/u;

const WORD = new RegExp(`[\\p{L}'’-]+|${MASK}+`, "gu");

/** Determiners and prepositions after which an -ed word is an adjective ("the planned closure"). */
const BEFORE_ADJECTIVE = new Set(
  "the a an this that its their his her our my your of for with in on by those these many some".split(" "),
);

/** Whether `text` reads as a clause with its own finite verb (not the first word: that would be a directive). */
export function hasFiniteVerb(text: string): boolean {
  const found = [...text.matchAll(WORD)];
  const raw = found.map((m) => m[0]);
  // A word right before a comma ends a phrase ("twin cubs, the first born"): no -s verb test across it.
  const beforeComma = found.map((m) => text[m.index + m[0].length] === ",");
  const ws = raw.map((w) => w.toLowerCase().replace(/’/gu, "'"));
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i] ?? "";
    // A quotation right after a subject usually holds the verb: he "deeply regrets" the oversight.
    if (w.startsWith(MASK)) {
      if (i <= 3) return true;
      continue;
    }
    // Capitalised words are names ("Mohammed", "Reed"), whatever their ending.
    if (/^\p{Lu}/u.test(raw[i] ?? "")) continue;
    // The first verb of a relative clause ("a winner that sank Rovers") is not the clause's own.
    if (/^(?:that|which|who|whom|whose)$/u.test(ws[i - 1] ?? "")) continue;
    if (AUXILIARIES.has(w) || IRREGULAR_PAST.has(w)) return true;
    if (
      w.length >= 4 &&
      /s$/u.test(w) &&
      !/(?:ss|us|is|ics|ness)$/u.test(w) &&
      !BEFORE_ADJECTIVE.has(ws[i - 1] ?? "") &&
      !beforeComma[i] &&
      AFTER_PRESENT.test(ws[i + 1] ?? "")
    )
      return true;
    // Contractions of a pronoun and a verb ("it's", "they'll"), not possessives ("the company's").
    if (/^(?:it|he|she|that|there|what|who|we|they|you|i)'(?:s|re|ll|d|ve|m)$/u.test(w)) return true;
    if (/^[a-z]{3,}ed$/u.test(w) && !BEFORE_ADJECTIVE.has(ws[i - 1] ?? "")) return true;
    if (/^(?:it|he|she|they|we|i|there)$/u.test(ws[i - 1] ?? "") && /^[a-z]+s$/u.test(w)) return true;
    // "they think", "we still need": a plural or first-person subject before a bare present verb.
    const subject = ADVERBS.has(ws[i - 1] ?? "") ? i - 2 : i - 1;
    const sw = ws[subject] ?? "";
    if (/^(?:they|we|i|you)$/u.test(sw) && /^[a-z]{2,}$/u.test(w) && !NOT_AFTER_PRONOUN.has(w)) return true;
    // "parents still want", "data point to": a common bare verb after a plural noun.
    if (
      BARE_VERBS.has(w) &&
      subject >= 1 &&
      !BEFORE_ADJECTIVE.has(ws[subject - 1] ?? "") &&
      ((sw.length >= 4 && /s$/u.test(sw) && !/(?:ss|us|is|'s)$/u.test(sw)) || PLURAL_NOUNS.has(sw)) &&
      !beforeComma[subject]
    )
      return true;
  }
  return false;
}

/**
 * Content that is a request, a topic or a circumstance, not a proposition: "to stay home", "for calm",
 * "of the risks", "in the spot titled ...", "after Nabisco announced ..." (times and places the verb's
 * adverbials did not take are the writer's).
 */
export const NOT_A_CLAUSE =
  /^(?:to|for|of|about(?!\s+\d)|on|with|against|into|after|before|while|because|since|until)\s/iu;

/** Drops the sentence's closing full stop (and spaces) from a span's end, keeping a closing quotation mark. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.;:,!?]/u.test(text[e - 1] ?? "")) {
    // "?" and "!" inside a reported question stay only when part of a quotation, handled by the caller.
    e--;
  }
  return e;
}

/** Skips spaces forward. */
export function trimStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && /[\s,:;—–-]/u.test(text[s] ?? "")) s++;
  return s;
}
