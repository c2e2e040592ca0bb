/**
 * @module Attributions found in one sentence: "according to X, P" and "P, according to X"; "P, X said"
 * and "P, said X"; "X said (that) P" with its listener and adverbials; state-agency passives with an
 * agent ("It was emphasised by X that P"); "quoted X as saying P". Works on quote-masked text, so a
 * quotation is one opaque token and a verb inside it is never taken for the article's own.
 */
import { hasFiniteVerb, NOT_A_CLAUSE } from "./clauses.ts";
import { isOrganisation, nameRuns } from "./names.ts";
import {
  ADVERBIAL,
  CLAUSE_BREAK,
  CLAUSE_WORDS,
  CONTENT_STOP,
  FOLLOW_UP,
  INTRO,
  LISTENER,
  PARTICIPLE_INTRO,
  SUBORDINATE_BREAK,
} from "./patterns.ts";
import { MASK } from "./quote-marks.ts";
import type { Span } from "./sentences.ts";
import { NOUN_LIKE, type ReportingVerb, reportingVerb, VERB_PATTERN } from "./verbs.ts";

export type Form = "front" | "final" | "inverted" | "according" | "passive" | "quoted";

/** A source phrase, a verb and the region of text it attributes (still with quotation marks). */
export interface Attribution {
  srcStart: number;
  srcEnd: number;
  verb: string;
  verbStart: number;
  verbEnd: number;
  contentStart: number;
  contentEnd: number;
  form: Form;
  entry: ReportingVerb | undefined;
}

/** The longest source phrase's head, in words: longer runs are clauses, not names or roles. */
const MAX_SOURCE_WORDS = 10;
/** The longest tail after a sentence-final "X said" ("told reporters in Merrowick on condition of anonymity ..."). */
const MAX_TAIL_WORDS = 16;
/** The most commas a source phrase spans ("Strezhev, 68, who has ruled since 2009,"). */
const MAX_SOURCE_COMMAS = 4;
/** The longest source phrase with its appositives, in characters (the longest on the dev sets is about 170). */
const MAX_SOURCE_CHARS = 300;
/** After a mid-sentence attribution's comma, the sentence's own verb: "..., he said, have involved ...". */
const MEDIAL_GOES_ON =
  /^,\s+(?:not\s+)?(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|do|does|did|depends|remains|means)\b/u;

/** ", it could help a visitor": a clause with its own subject and verb after a mid-sentence attribution. */
function medialClause(appended: string): boolean {
  const m =
    /^,\s+(?!(?:in|on|at|as|after|before|while|when|who|which|whose|where|citing|adding|saying|according|but|and|or|so|because|although|though|if|with|without|from|for|to|by|during|since|until|despite)\b)([^,;]*)/iu.exec(
      appended,
    );
  if (!m || m[1]?.includes(MASK)) return false;
  const first = (m[1] ?? "").split(/\s+/u).slice(0, 5).join(" ");
  return (
    /^(?:it|he|she|they|we|i|there|this|that|these|those|the|a|an)\b/iu.test(first) && hasFiniteVerb(first)
  );
}

/** A sentence opening with a time, place or condition: what precedes a mid-sentence "he said" is then the writer's. */
const LEAD_IN =
  /^(?:(?:soon|shortly|just|right|long|only|even|then)\s+)?(?:in|on|at|as|after|before|while|when|if|although|though|because|since|during|with|for|by|once|until|whenever|then)\b/iu;

/** The most words between a verb and its "that" that are still a listener or an adverbial. */
const MAX_BEFORE_THAT = 10;

/** How far (characters) a "who" may sit from its antecedent's name ("Nicky Driscoll, 24, from Manchester, who"). */
const MAX_ANTECEDENT_GAP = 60;
/** The most words after an inverted source ("P, said the minister, who took office in May"). */
const MAX_INVERTED_LEFTOVER = 12;

const CLOSE = /["”“’»«›‘]/u;

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;
}

/** Nouns that name people or documents: a lower-case phrase holding one may be a source ("current and former officials"). */
const ROLE_NOUN =
  /\b(?:officials?|people|sources?|aides?|spokes(?:man|woman|person)|analysts?|experts?|residents?|witnesses|critics?|supporters?|officers?|lawyers?|voters?|members?|leaders?|workers?|protesters?|economists?|scientists?|researchers?|investigators?|prosecutors?|authorities|observers?|diplomats?|advisers?|allies|executives?|students?|parents?|doctors?|nurses?|teachers?|farmers?|owners?|managers?|neighbou?rs?|friends?|relatives?|police|staff|survey|poll|report|data|figures|study|statement|documents|records|those|others)\b/u;

/** Determiners and quantifiers a lower-case source phrase may start with. */
const LOWER_SOURCE_START =
  /^(?:the|a|an|one|two|three|four|five|several|some|many|most|other|another|both|all|each|his|her|its|their|our|my|police|officials|analysts|experts|witnesses|residents|critics|doctors|scientists|researchers|prosecutors|investigators|sources|authorities|officers|lawyers|economists|observers|activists|campaigners|protesters|locals|neighbours|neighbors|parents|teachers|workers|staff|employees|organisers|organizers|rescuers|firefighters|paramedics|engineers|he|she|they|it|we|i|who|which)\b/u;

/**
 * Whether `src` (text before a verb) is a source phrase: a name, a role, a pronoun, with appositives
 * closed by a comma ("Marta Sokolin, who leads the Forum from exile," said). Returns the phrase's
 * start offset within `src` (after an opener such as "On Monday,"), or -1.
 */
export function sourcePhraseStart(src: string): number {
  // Longer than any name with its appositives: a clause (and a bound on the work for odd pages).
  if (src.length > MAX_SOURCE_CHARS) return -1;
  let s = src;
  let off = 0;
  const intro = INTRO.exec(s);
  if (intro) {
    off = intro[0].length;
    s = s.slice(off);
  }
  const participle = PARTICIPLE_INTRO.exec(s);
  if (participle) {
    off += participle[0].length;
    s = s.slice(participle[0].length);
  }
  const lead = /^\s+/u.exec(s)?.[0].length ?? 0;
  off += lead;
  s = s.slice(lead).replace(/\s+$/u, "");
  // A quotation may sit in an appositive ("Mr. Manafort, citing "the magic of Trump," said"), not in the head.
  if (!s || (s.includes(MASK) && !s.endsWith(",")) || (s.split(",")[0] ?? "").includes(MASK)) return -1;
  // Lower-case sources need a determiner or a plural group ("officials", "others", "local residents").
  // A clause or a phrase, not a source: "that Phoenix and its officers support", "of the officers".
  if (
    /^(?:that|which|where|when|who|whom|whose|while|because|although|whether|if|to|of|in|on|at|for|with|by|from|and|but|or|as|than)\b/u.test(
      s,
    )
  )
    return -1;
  if (
    !/^[\p{Lu}\d]/u.test(s) &&
    !LOWER_SOURCE_START.test(s) &&
    !/^(?:[a-z-]+\s+){0,2}[a-z-]+s,?$/u.test(s) &&
    // "proponents of more controls on hate speech here": a plural noun heading a longer phrase
    !/^[a-z-]{3,}[^s's]s\s+(?:of|in|at|from|for|with|on)\b/u.test(s) &&
    !ROLE_NOUN.test(s) &&
    // "engineer Omar Sadik", "conservative activist Bob Klaus": a role before a name
    !/^(?:[a-z-]+\s+){1,3}\p{Lu}[\p{L}'’-]+/u.test(s)
  )
    return -1;
  // An appositive must close before the verb: "X, who leads Y," said. Without the closing comma the verb
  // belongs to the appositive's own clause ("The plan, which officials said...").
  const commaAt = s.indexOf(",");
  if (commaAt >= 0 && !s.endsWith(",")) return -1;
  const head = (commaAt >= 0 ? s.slice(0, commaAt) : s).replace(/\s+(?:who|which|whose|that)\b.*$/su, "");
  if (!head.trim() || words(head) > MAX_SOURCE_WORDS) return -1;
  if (CLAUSE_WORDS.test(head) || hasFiniteVerb(head) || hasFiniteVerb(`x ${head}`)) return -1;
  // Appositives are noun phrases or relative clauses ("68", "who leads the Forum"), never a clause of their own.
  if (commaAt >= 0) {
    for (const part of s.slice(commaAt + 1).split(",")) {
      const p = part.trim();
      // A part that opens with a verb or a subject pronoun is a clause ("had the board's full support").
      if (
        /^(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|he|she|it|they|we|i|there)\b/iu.test(
          p,
        )
      )
        return -1;
    }
  }
  // A source phrase holds no reporting verb of its own ("the minister said officials").
  for (const m of head.matchAll(/[\p{L}'’]+/gu)) {
    const w = m[0];
    const v = reportingVerb(w);
    if (v && !NOUN_LIKE.has(w.toLowerCase()) && /(?:ed|d|s)$/u.test(w) && !/^\p{Lu}/u.test(w)) return -1;
  }
  return off;
}

/** Words before a form that make it a noun: "the report", "a claim", "its state". */
const NOUN_BEFORE =
  /\b(?:the|a|an|its|his|her|their|this|that|our|whose|of|in|on|at|for|from|with|by|final|new|latest|annual|first|second|official)\s+$/iu;
/** A finite auxiliary right after a form makes it a noun ("the blasts were caused"). */
const NOUN_AFTER = /^\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must)\b/iu;
/** Forms that after a preposition are nouns ("workers at state factories"). */
const NOUN_OR_VERB =
  /^(?:state|states|report|reports|note|notes|claim|claims|blast|blasts|show|shows|rage|vow|vows|pledge|pledges)$/iu;

/** The name a relative "who" at `at` refers to: the nearest name or pronoun before it in the sentence. */
function antecedent(masked: string, sentenceStart: number, at: number): Span | null {
  const before = masked.slice(sentenceStart, at);
  const runs = nameRuns(before, sentenceStart);
  const last = runs[runs.length - 1];
  if (last && at - last.end <= MAX_ANTECEDENT_GAP) return { start: last.start, end: last.end };
  return null;
}

/** The subject at a sentence's start ("Eggleston", "The ministry", "She"), for a verb it shares. */
function sentenceSubject(masked: string, s: Span): Span | null {
  const text = masked.slice(s.start, s.end);
  // A wire dateline ("NORDHAVEN, Sept 3 (Tidewire) - ") comes before the subject.
  const dateline =
    /^\p{Lu}{2,}[\p{Lu}\s.'-]*(?:,[^()\n]{0,40})?(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s*/u.exec(text)?.[0]
      .length ?? 0;
  const introEnd = dateline + (INTRO.exec(text.slice(dateline))?.[0].length ?? 0);
  // "Walking to the next address, Ebeling reminisced ... and said": a participle before the subject.
  const intro = introEnd + (PARTICIPLE_INTRO.exec(text.slice(introEnd))?.[0].length ?? 0);
  const rest = text.slice(intro);
  const pron = /^(?:he|she|they|it|we|i)\b/iu.exec(rest);
  if (pron) return { start: s.start + intro, end: s.start + intro + pron[0].length };
  const run = nameRuns(rest, s.start + intro)[0];
  if (run && run.start === s.start + intro) return { start: run.start, end: run.end };
  const np =
    /^(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+(?=\s+(?:has|have|had|was|were|is|are|\p{L}+ed)\b)/iu.exec(
      rest,
    );
  if (np) {
    // "A Stratos engineer I have known": the phrase ends before a pronoun that starts its relative clause.
    const head = np[0].replace(/\s+(?:I|he|she|we|they|you)\b.*$/su, "");
    return { start: s.start + intro, end: s.start + intro + head.length };
  }
  return null;
}

/** Whether the words before a form make it a noun or an infinitive: an article, a possessive, "to". */
function nounPosition(before: string): boolean {
  const last = /([\p{L}'’]+)\s+$/u.exec(before)?.[1]?.toLowerCase() ?? "";
  if (/^(?:the|a|an|to|her|his|its|their|our|my|your|other|these|those)$/u.test(last)) return true;
  return /\p{L}['’]s?$/u.test(last) && !/^(?:he|she|it|who|that|there|what|where|here)['’]s$/u.test(last);
}

/** The verb matches in a masked sentence that are really verbs (not "the report", "a claim"). */
function verbMatches(
  m: string,
  base: number,
): { start: number; end: number; form: string; entry?: ReportingVerb; text: string }[] {
  const out = [];
  VERB_PATTERN.lastIndex = 0;
  for (const x of m.matchAll(VERB_PATTERN)) {
    const form = x[1] ?? x[2] ?? "";
    const before = m.slice(Math.max(0, x.index - 12), x.index);
    if (NOUN_LIKE.has(form.toLowerCase()) && NOUN_BEFORE.test(before)) continue;
    // Right after an article or a possessive any form is a noun or an adjective ("the added security",
    // "Her remarks", "Editor's note", "the Census' vow"); after "to" an infinitive ("a good way to understand").
    if (!x[2] && x[0] === form && nounPosition(before)) continue;
    // A form followed by a finite auxiliary is a noun ("the blasts were", "the final report is").
    if (
      !/^(?:said|told)$/iu.test(form) &&
      NOUN_AFTER.test(m.slice(x.index + x[0].length, x.index + x[0].length + 12))
    )
      continue;
    if (NOUN_OR_VERB.test(form) && /\b(?:at|of|in|on|for|from|with|by|and|or)\s+$/iu.test(before)) continue;
    // "residents were told to", "was informed": a passive without its agent reports nobody's words.
    if (
      /^(?:is|are|was|were|be|been|being|has been|have been|had been)\s/iu.test(x[0]) &&
      !x[2] &&
      /(?:ed|told|written|shown|thought|understood|found)$/iu.test(form)
    )
      continue;
    // "found out", "made clear": phrasal verbs that are not the lexicon's.
    if (/^found$/iu.test(form) && /^\s+out\b/u.test(m.slice(x.index + x[0].length))) continue;
    // A capitalised form mid-sentence is a name ("Says", "Rule"), except at the start.
    if (/^\p{Lu}/u.test(form) && x.index > 0) continue;
    out.push({
      start: base + x.index,
      end: base + x.index + x[0].length,
      form,
      entry: x[2] ? reportingVerb("said") : reportingVerb(form),
      text: x[0],
    });
  }
  return out;
}

/** Skips a listener and adverbials after a verb; returns the offset where the clause may start. */
function skipAfterVerb(
  masked: string,
  pos: number,
  end: number,
  entry: ReportingVerb | undefined,
  verbText: string,
): number {
  let p = pos;
  const rest = () => masked.slice(p, end);
  if (entry?.listener || /^(?:told|tells|tell)$/iu.test(verbText)) {
    const l = LISTENER.exec(rest());
    if (l) p += l[0].length;
  }
  for (let i = 0; i < 3; i++) {
    const a = ADVERBIAL.exec(rest());
    if (!a || a[0].trim() === "") break;
    p += a[0].length;
  }
  // "told a crowded banquet hall in downtown Baltimore that ...": a "that" a few words on ends what
  // came between (a listener, a time, a place), when nothing there is a clause of its own.
  // Without a listener, only a time or place may sit there ("said in Ottawa on Friday that"): in
  // "say a merchant ship that sank", "that" opens a relative clause inside the statement.
  const that = /^([^,;:\u2592]{1,80}?)\s(?:that)\s/u.exec(rest());
  const listener = entry?.listener || /^(?:told|tells|tell)$/iu.test(verbText);
  if (
    that &&
    !hasFiniteVerb(`x ${that[1]}`) &&
    (that[1]?.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length <= MAX_BEFORE_THAT &&
    (listener
      ? p > pos
      : /^\s*(?:in|on|at|during|after|before|late|early|this|last|yesterday|today|outside|inside|from|via|by)\b/iu.test(
          that[1] ?? "",
        ))
  )
    p += that[0].length - 5;
  return p;
}

/** The offset just after the closing mark of the quotation that opens at `open` in masked text, or -1. */
function quotationClose(masked: string, open: number, end: number): number {
  let i = open + 1;
  while (i < end && masked[i] === MASK) i++;
  return i > open + 1 && i < end && CLOSE.test(masked[i] ?? "") ? i + 1 : -1;
}

/** Where a sentence-final attribution's source phrase is valid as a tail: short, no new clause. */
function validTail(tail: string): boolean {
  const t = tail.replace(/[\s.!?]+$/u, "");
  if (!t.trim()) return true;
  if (t.includes(MASK) || /\bthat\b/u.test(t)) return false;
  if (words(t) > MAX_TAIL_WORDS) return false;
  if (/^\s*,/u.test(t)) return true;
  // "said sarcastically", "said quietly on Monday"
  if (/^\s*\p{L}+ly\b/u.test(t) && !hasFiniteVerb(`x ${t}`)) return true;
  if (
    !/^\s*(?:on|in|at|to|after|before|during|when|while|as|from|for|with|without|via|by|outside|inside|late|early|earlier|later|last|this|yesterday|today|tonight|again|also|adding|saying|speaking|who|citing|referring|because)\b/iu.test(
      t,
    )
  )
    return false;
  // A finite verb in the tail is a new clause, unless a subordinate one ("because he was not authorised").
  return (
    !hasFiniteVerb(t) ||
    /^\s*(?:on condition|speaking|who|because|as|when|while|after|before|citing)\b/iu.test(t)
  );
}

/**
 * Every attribution in one sentence of the masked body. Nested ones (a front-form statement inside a
 * sentence-final attribution's content, "X said P, TTA reported") are all returned.
 */
export function sentenceAttributions(masked: string, s: Span): Attribution[] {
  const out: Attribution[] = [];
  const m = masked.slice(s.start, s.end);
  let limit = s.end; // front-form content stops here (a sentence-final or "according to" attribution)
  // After a trailing "according to X", a relative clause of X's may attribute again: "..., which estimated that P".
  let resumeAfter = -1;
  const taken: Span[] = [];

  // 1. "according to X"
  for (const a of m.matchAll(/(?<![\p{L}])(?:[Aa]ccording to|[Aa]s (?:reported|stated|announced) by)\s+/gu)) {
    const at = s.start + a.index;
    const srcStart = at + a[0].length;
    const pre = m.slice(0, a.index);
    if (/^(?:\s*(?:but|and|however|yet|so|also)\s*,?\s*)?$/iu.test(pre)) {
      // Fronted: "According to X, P."
      const comma = masked.indexOf(",", srcStart);
      if (comma < 0 || comma >= s.end) continue;
      out.push({
        srcStart,
        srcEnd: comma,
        verb: a[0].trim(),
        verbStart: at,
        verbEnd: srcStart,
        contentStart: comma + 1,
        contentEnd: s.end,
        form: "according",
        entry: undefined,
      });
      taken.push({ start: at, end: comma });
    } else {
      // Trailing or medial: "P, according to X." / "P, according to X, and Q."
      let srcEnd = masked.indexOf(",", srcStart);
      if (srcEnd < 0 || srcEnd > s.end) srcEnd = s.end;
      const contentEnd = /,\s*$/u.test(pre) ? at - 1 - (pre.length - pre.trimEnd().length) : at;
      // "Fundraising, according to the campaign, has surged": when the words before hold no verb, the
      // statement is the clause that goes on after the source.
      const afterSrc = masked.slice(srcEnd + 1, s.end);
      const medial = srcEnd < s.end && !hasFiniteVerb(`x ${pre}`) && hasFiniteVerb(`x x ${afterSrc}`);
      out.push({
        srcStart,
        srcEnd,
        verb: a[0].trim(),
        verbStart: at,
        verbEnd: srcStart,
        contentStart: medial ? srcEnd + 1 : s.start,
        contentEnd: medial ? s.end : Math.max(s.start, contentEnd),
        form: "according",
        entry: undefined,
      });
      taken.push({ start: at, end: srcEnd });
      if (!medial) {
        limit = Math.min(limit, at);
        resumeAfter = srcEnd;
      }
    }
  }

  // 2. Passives with an agent: "It was emphasised by X that P" / "P, it was stated by X."
  for (const p of m.matchAll(
    /(?<![\p{L}])[Ii]t (?:was|has been|had been|is|were) (?:also |further |again )?([\p{L}]+) by (.+?),?\s+that\s+/gu,
  )) {
    const at = s.start + p.index;
    const byAt = at + p[0].indexOf(" by ") + 4;
    out.push({
      srcStart: byAt,
      srcEnd: byAt + (p[2] ?? "").length,
      verb: p[0].slice(0, p[0].indexOf(" by ") + 3),
      verbStart: at,
      verbEnd: byAt,
      contentStart: at + p[0].length,
      contentEnd: s.end,
      form: "passive",
      entry: reportingVerb(p[1] ?? ""),
    });
    taken.push({ start: at, end: at + p[0].length });
  }
  const finalPassive =
    /(?:,|["”’»“])\s+it (?:was|has been|had been|is) (?:also |further |again )?([\p{L}]+) by ([^,]+?)\s*[.!?]?\s*$/u.exec(
      m,
    );
  if (finalPassive) {
    const at = s.start + finalPassive.index;
    const itAt = at + finalPassive[0].indexOf("it");
    const byAt = at + finalPassive[0].indexOf(" by ") + 4;
    out.push({
      srcStart: byAt,
      srcEnd: byAt + (finalPassive[2] ?? "").length,
      verb: masked.slice(itAt, byAt - 1),
      verbStart: itAt,
      verbEnd: byAt,
      contentStart: s.start,
      // After a quotation the closing mark belongs to the content: `"Q," it was stated by the Governor.`
      contentEnd: finalPassive[0].startsWith(",") ? at : at + 1,
      form: "passive",
      entry: reportingVerb(finalPassive[1] ?? ""),
    });
    taken.push({ start: at + 1, end: s.end });
    limit = Math.min(limit, at + 1);
  }

  // 3. "X quoted Y as saying P"
  const quoted = /\bquoted\s+(.+?)\s+as\s+saying(?:\s+that)?\s+/u.exec(m);
  if (quoted) {
    const at = s.start + quoted.index;
    const srcStart = at + quoted[0].indexOf(quoted[1] ?? "");
    out.push({
      srcStart,
      srcEnd: srcStart + (quoted[1] ?? "").length,
      verb: "quoted as saying",
      verbStart: at,
      verbEnd: at + quoted[0].length,
      contentStart: at + quoted[0].length,
      contentEnd: s.end,
      form: "quoted",
      entry: reportingVerb("said"),
    });
    taken.push({ start: s.start, end: at + quoted[0].length });
  }

  const verbs = verbMatches(m, s.start).filter((v) => !taken.some((t) => v.start < t.end && t.start < v.end));

  // 4. Sentence-final: "P, X said." / "P, said X." / `"Q," X said.` The split is a comma outside quotation
  // marks, or a closing mark (whose quotation ends with its own comma).
  if (limit === s.end) {
    const splits: number[] = [];
    for (let i = 0; i < m.length; i++) {
      const c = m[i];
      if (c === "," && m[i + 1] === " ") splits.push(s.start + i);
      else if (CLOSE.test(c ?? "") && m[i - 1] === MASK && /^[,]?\s/u.test(m.slice(i + 1, i + 3)))
        splits.push(s.start + i + 1);
    }
    for (let k = splits.length - 1; k >= 0 && k >= splits.length - 3; k--) {
      let sp = splits[k] ?? 0;
      let restStart = sp + (/^,?\s*/u.exec(masked.slice(sp, s.end))?.[0].length ?? 0);
      const v = verbs.find((x) => x.start >= restStart);
      if (!v) continue;
      const between = masked.slice(restStart, v.start);
      const after = masked.slice(v.end, s.end);
      if (between.trim() === "") {
        // Inverted: "P, said the minister." / "P, has declared the Prime minister."
        const srcText = after.replace(/\s*[.!?]\s*$/u, "");
        // A clause of reason or contrast after the source is not part of it ("said an official who asked
        // not to be named because the talks are private").
        const cut = srcText.search(
          /,\s|\s+(?:on|in|at|during|after|before)\s+(?:\w+day|a |an |the )|\s+(?:because|since|although|though|whereas)\s|$/u,
        );
        // "has explained this Wednesday the director of the institute, Elodie Marques": the time is not
        // the source, and a name in apposition after it is.
        let src = srcText
          .slice(0, cut)
          .replace(/^\s*(?:this|last|on|next)\s+\p{L}+\s+|^\s*(?:yesterday|today|tonight)\s+/iu, (x) =>
            " ".repeat(x.length),
          );
        const appos =
          /^,\s+((?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,3})\s*(?:,|$)/u.exec(
            srcText.slice(cut),
          );
        if (appos) src += srcText.slice(cut, cut + appos[0].replace(/,\s*$/u, "").length);
        const srcT = src.trim();
        // "X, a propulsion engineer, says the timing fits": the text before the verb is the source, not P.
        const frontReading = sourcePhraseStart(masked.slice(s.start, v.start)) >= 0;
        const leftover = srcText.slice(cut).replace(/^,\s*/u, "");
        if (
          srcT &&
          !frontReading &&
          !v.entry?.listener &&
          words(leftover) <= MAX_INVERTED_LEFTOVER &&
          !hasFiniteVerb(`x ${srcT}`) &&
          !srcT.includes(MASK) &&
          words(srcT.replace(/,.*$/su, "")) <= MAX_SOURCE_WORDS &&
          sourcePhraseStart(srcT.replace(/,.*$/su, "")) === 0
        ) {
          const srcStart = v.end + (/^\s*/u.exec(src)?.[0].length ?? 0);
          out.push({
            srcStart,
            srcEnd: v.end + src.trimEnd().length,
            verb: v.text,
            verbStart: v.start,
            verbEnd: v.end,
            contentStart: s.start,
            contentEnd: sp,
            form: "inverted",
            entry: v.entry,
          });
          limit = sp;
          break;
        }
        continue;
      }
      if (sourcePhraseStart(between) !== 0) continue;
      // The source may start at an earlier split: `"Q," the bakery's owner, Ines Morrow, said` names one source.
      for (let j = k - 1; j >= 0 && k - j <= MAX_SOURCE_COMMAS; j--) {
        const sj = splits[j] ?? 0;
        const rj = sj + (/^,?\s*/u.exec(masked.slice(sj, s.end))?.[0].length ?? 0);
        if (sourcePhraseStart(masked.slice(rj, v.start)) !== 0) break;
        sp = sj;
        restStart = rj;
      }
      let tailText = after;
      if (v.entry?.listener) {
        const l = LISTENER.exec(tailText);
        if (l) tailText = tailText.slice(l[0].length);
      }
      // The tail ends at a comma: what follows is another phrase (", in a referendum that...", ", adding that Q").
      const comma = tailText.search(/,\s/u);
      const appended = comma >= 0 ? tailText.slice(comma) : "";
      if (comma >= 0) tailText = tailText.slice(0, comma);
      // "P1, he said, have involved P2": the sentence goes on after the attribution, which sits in its middle.
      if (MEDIAL_GOES_ON.test(appended) || medialClause(appended)) continue;
      if (!validTail(tailText)) continue;
      const verbEnd = v.end + (after.length - tailText.length - appended.length);
      // Where the tail ("to his followers", "on Monday") ends and what is appended to it begins.
      const tailEnd = v.end + (after.length - appended.length);
      // `"Q1," the owner said, "Q2."`: the quotation after the attribution is the same speaker's.
      const nextQuote = /^,\s*(?=["“„«»‹‚‘])/u.exec(appended);
      if (nextQuote) {
        const at = tailEnd + nextQuote[0].length;
        // `..., "Q," and shared a link`: the sentence goes on with its subject's next act, not the quotation.
        const closeAt = quotationClose(masked, at, s.end);
        const goesOn =
          closeAt > 0 && /^,?\s+(?:and|but|then|before)\s/u.test(masked.slice(closeAt, closeAt + 10));
        out.push({
          srcStart: restStart,
          srcEnd: v.start,
          verb: masked.slice(v.start, v.end),
          verbStart: v.start,
          verbEnd: v.end,
          contentStart: at,
          contentEnd: goesOn ? closeAt : s.end,
          form: "front",
          entry: v.entry,
        });
      }
      const follow = FOLLOW_UP.exec(appended);
      if (follow) {
        const at = tailEnd + follow[0].length;
        out.push({
          srcStart: restStart,
          srcEnd: v.start,
          verb: follow[1] ?? "added",
          verbStart: tailEnd + follow[0].indexOf(follow[1] ?? ""),
          verbEnd: at,
          contentStart: at,
          contentEnd: s.end,
          form: "final",
          entry: reportingVerb(follow[1] ?? "added"),
        });
      }
      // Before `he said, "Q"` a time or condition is the writer's: "In February, as a protester was removed, he said, "Q"".
      if (nextQuote && LEAD_IN.test(masked.slice(s.start, sp))) {
        limit = sp;
        break;
      }
      out.push({
        srcStart: restStart,
        srcEnd: v.start,
        verb: masked.slice(v.start, verbEnd).trim(),
        verbStart: v.start,
        verbEnd,
        contentStart: s.start,
        contentEnd: sp,
        form: "final",
        entry: v.entry,
      });
      limit = sp;
      break;
    }
  }

  // 5. Fronted: "X said (that) P", "X told reporters P", "X said: "Q"".
  let clauseFloor = s.start;
  for (const v of verbs) {
    let vLimit = limit;
    if (v.start >= limit) {
      if (resumeAfter < 0 || v.start <= resumeAfter) break;
      vLimit = s.end;
    }
    if (out.some((a) => a.verbStart === v.start)) continue;
    // The source starts at the sentence start, after a clause break, or after a closing quotation mark.
    let from = clauseFloor;
    const region = masked.slice(from, v.start);
    for (const b of region.matchAll(CLAUSE_BREAK)) from = Math.max(from, clauseFloor + b.index + b[0].length);
    for (let i = v.start - 1; i > from; i--) {
      if (CLOSE.test(masked[i] ?? "") && masked[i - 1] === MASK) {
        from = i + 1 + (/^,?\s*/u.exec(masked.slice(i + 1, v.start))?.[0].length ?? 0);
        break;
      }
    }
    if (sourcePhraseStart(masked.slice(from, v.start)) < 0) {
      for (const b of masked.slice(from, v.start).matchAll(SUBORDINATE_BREAK)) {
        const at = from + b.index + b[0].length;
        if (sourcePhraseStart(masked.slice(at, v.start)) >= 0) {
          from = at;
          break;
        }
      }
    }
    const src = masked.slice(from, v.start);
    let srcSpan: Span | null = null;
    let medial = -1;
    const off = sourcePhraseStart(src);
    // After an earlier attribution in the sentence, the whole opening may still be this verb's source:
    // "Dana Holt, who said the depot was unsafe, told the inquiry ...".
    const whole = from > s.start ? sourcePhraseStart(masked.slice(s.start, v.start)) : -1;
    // "PayLink boss Oliver Nkemelu - on a 1.6 million florin salary - grovelled": an aside between dashes.
    const dashed = /^(.*?\S)\s[-–—]\s[^-–—\u2592]{1,80}\s[-–—]\s*$/u.exec(masked.slice(clauseFloor, v.start));
    const dashedOff = dashed ? sourcePhraseStart(dashed[1] ?? "") : -1;
    if (off >= 0) srcSpan = { start: from + off, end: v.start };
    else if (whole >= 0) srcSpan = { start: s.start + whole, end: v.start };
    else if (dashed && dashedOff >= 0)
      srcSpan = { start: clauseFloor + dashedOff, end: clauseFloor + (dashed[1]?.length ?? 0) };
    else if (/(?:^|[\s,])who\s+$/u.test(src)) {
      // "Podesta, who said P, ...": the relative pronoun's antecedent is the source.
      srcSpan = antecedent(masked, s.start, v.start - (/who\s+$/u.exec(src)?.[0].length ?? 0));
    } else if (/,\s+which\s+$/u.test(src)) {
      // "according to the Retail Federation, which estimated that P": a body's "which".
      const at = v.start - (/,\s+which\s+$/u.exec(src)?.[0].length ?? 0);
      const span = antecedent(masked, s.start, at);
      if (span && at - span.end <= 1 && isOrganisation(masked.slice(span.start, span.end))) srcSpan = span;
    } else if (
      (/(?:^|\s|,)(?:and|but)\s+(?:also\s+)?$/u.test(src) && from === s.start) ||
      (src.trim() === "" && /(?:,\s+|\s)(?:and|but)\s+(?:also\s+)?$/u.test(masked.slice(s.start, from)))
    ) {
      // "Eggleston expressed concern and said P": the sentence's subject said it.
      srcSpan = sentenceSubject(masked, s);
    } else {
      // "P1, he said, P2": an attribution in the middle of what it attributes; or after a lead-in,
      // "Since the first tunnel was found in 1990, border officials say they have found 200".
      const lastComma = src.lastIndexOf(", ");
      if (lastComma > 0 && sourcePhraseStart(src.slice(lastComma + 2)) === 0) {
        if (/^\s*,/u.test(masked.slice(v.end, v.end + 2))) {
          srcSpan = { start: from + lastComma + 2, end: v.start };
          medial = from + lastComma;
        } else if (from === s.start && LEAD_IN.test(src)) {
          srcSpan = { start: from + lastComma + 2, end: v.start };
        }
      }
    }
    if (!srcSpan) continue;
    let c = skipAfterVerb(masked, v.end, vLimit, v.entry, v.form);
    const colon = /^\s*[:,]\s*/u.exec(masked.slice(c, vLimit));
    if (colon) c += colon[0].length;
    // "the rocket passes through maximum aerodynamic stress.": a form at the sentence's end attributes nothing.
    if (!/[\p{L}\p{N}\u2592]/u.test(masked.slice(c, vLimit))) continue;
    // "complained for months about ...": no clause follows, so this verb claims nothing and the next may.
    if (NOT_A_CLAUSE.test(masked.slice(c, c + 12))) continue;
    // P1 must open a clause, not a time or condition ("In February, as a protester was removed, he said, ...").
    const p1 = masked.slice(s.start, medial);
    if (medial > s.start && !LEAD_IN.test(p1)) {
      out.push({
        srcStart: srcSpan.start,
        srcEnd: srcSpan.end,
        verb: masked.slice(v.start, v.end),
        verbStart: v.start,
        verbEnd: v.end,
        contentStart: s.start,
        contentEnd: medial,
        form: "final",
        entry: v.entry,
      });
    }
    // A relative clause's content ends where the main clause resumes ("who said P, said Q").
    let end = vLimit;
    if (/who\s+$/u.test(src)) {
      const next = verbs.find((x) => x.start > c && x.start < vLimit);
      const comma = next ? masked.lastIndexOf(", ", next.start) : -1;
      if (next && comma > c) end = comma;
      // "Lyle Harman, who admitted paying the money, was jailed": the main clause resumes after a comma.
      const resumes = /,\s+(?:was|were|is|are|has|have|had|will|would|could|can|did|\p{Ll}+ed)\b/u.exec(
        masked.slice(c, end),
      );
      if (resumes) end = c + resumes.index;
    }
    out.push({
      srcStart: srcSpan.start,
      srcEnd: srcSpan.end,
      verb: masked.slice(v.start, c).replace(/[\s,:]+$/u, ""),
      verbStart: v.start,
      verbEnd: c,
      contentStart: c,
      contentEnd: end,
      form: "front",
      entry: v.entry,
    });
    clauseFloor = c;
  }
  // A clause break before a later attribution ends the earlier one's content: "A said P, but B said Q".
  const fronts = out.filter((a) => a.form === "front").sort((a, b) => a.srcStart - b.srcStart);
  for (let i = 0; i + 1 < fronts.length; i++) {
    const a = fronts[i];
    const b = fronts[i + 1];
    if (!a || !b) continue;
    const gap = masked.slice(a.contentStart, b.srcStart);
    const brk = [...gap.matchAll(CLAUSE_BREAK)].pop();
    if (brk && a.contentStart + brk.index + brk[0].length === b.srcStart)
      a.contentEnd = a.contentStart + brk.index;
  }
  // "..., adding that Q" ends P and starts Q by the same source.
  for (const a of [...out]) {
    const region = masked.slice(a.contentStart, a.contentEnd);
    const stop = CONTENT_STOP.exec(region);
    if (!stop) continue;
    const at = a.contentStart + stop.index;
    const follow =
      /^,\s+(?:and\s+|but\s+|before\s+)?(adding|saying|added|said|noting|explaining|insisting|arguing|warning|stressing)(?:\s+that)?\s+/u.exec(
        masked.slice(at, a.contentEnd),
      );
    const oldEnd = a.contentEnd;
    a.contentEnd = at;
    if (follow) {
      out.push({
        ...a,
        verb: follow[1] ?? "added",
        verbStart: at + follow[0].indexOf(follow[1] ?? ""),
        verbEnd: at + follow[0].length,
        contentStart: at + follow[0].length,
        contentEnd: oldEnd,
        entry: reportingVerb(follow[1] ?? "added"),
        form: a.form === "front" ? "front" : a.form,
      });
    }
  }
  // "Trump hit back at Ryan, saying he was weak": a participle after a clause that is no attribution gives
  // the sentence's subject a statement.
  const participle = PARTICIPLE_CUE.exec(m);
  if (participle) {
    const at = s.start + participle.index;
    const covered =
      out.some((a) => a.contentStart <= at && at < a.contentEnd) || out.some((a) => a.verbStart === at);
    const subject = covered ? null : sentenceSubject(masked, s);
    if (subject && subject.end <= at) {
      out.push({
        srcStart: subject.start,
        srcEnd: subject.end,
        verb: participle[1] ?? "saying",
        verbStart: at + participle[0].indexOf(participle[1] ?? ""),
        verbEnd: at + participle[0].length,
        contentStart: at + participle[0].length,
        contentEnd: s.end,
        form: "front",
        entry: reportingVerb(participle[1]?.replace(/ing$/u, "ed") ?? "said") ?? reportingVerb("said"),
      });
    }
  }
  return out;
}

/** ", saying that P", ", arguing P", "messaged me to say P": what the sentence's subject said. */
const PARTICIPLE_CUE =
  /(?:,\s+|\s+to\s+(?=say\b))(saying|arguing|insisting|claiming|warning|noting|explaining|adding|stressing|say)(?:\s+that)?\s+(?=\S)/u;
