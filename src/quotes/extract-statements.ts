/**
 * @module `extractStatements(article)`: who said what in one article, as statements with offsets into its
 * text (issue 13). Pure: no storage, no network, no state between calls. Steps: quotation spans; sentences
 * on the quote-masked text; attributions per sentence (reported.ts); quotations left over (direct.ts);
 * each attribution turned into a statement, its kind and span by the rules in
 * ../shared/datasets/stories-dev/SCHEMA.md; sources resolved within the article (sources.ts).
 */
import { hasFiniteVerb, NOT_A_CLAUSE, trimEnd, trimStart } from "./clauses.ts";
import { splitConjuncts } from "./conjuncts.ts";
import { speakerAfter, standsAlone } from "./direct.ts";
import { isNonStatement } from "./non-statements.ts";
import { findQuotes, MASK, maskQuotes, type QuoteSpan } from "./quote-marks.ts";
import { type Attribution, sentenceAttributions, sourcePhraseStart } from "./reported.ts";
import { type Span, splitSentences } from "./sentences.ts";
import { ArticleSources } from "./sources.ts";
import type { QuoteArticle, Statement, StatementKind } from "./types.ts";
import { reportingVerb, VERB_PATTERN } from "./verbs.ts";

export type { QuoteArticle, Statement, StatementKind } from "./types.ts";

/** How far back from a quotation its sentence is read, in characters (an attribution before it is far shorter). */
const LOOKBEHIND = 300;

/** The fewest words a quotation standing alone needs to be taken as the previous speaker's continuation. */
const MIN_CONTINUATION_WORDS = 3;

/** Sources that are documents or data: their statements stand beside the inner speaker's (SCHEMA nesting). */
const DOCUMENT =
  /\b(?:report|reports|document|documents|data|figures|statistics|survey|study|poll|filing|filings|minutes|letter|memo|records|statement|papers|audit|review|analysis|investigation|indictment|complaint|court papers|transcript|testimonies|census|estimates)\b/iu;

/** A participle after an attribution whose quoted object is the same source's words (not "accusing": a charge, not speech). */
const PARTICIPLE_LEAD =
  /,\s+(?:blaming|citing|calling|describing|adding|saying|warning|insisting|noting|praising|hailing|dismissing)\b[^,]*$/u;

/** Sources that are media: when they only relay a speaker's words, the speaker's statement stands alone. */
const CHANNEL =
  /\b(?:news|agency|agencies|press|media|tv|radio|television|newspaper|paper|times|post|daily|herald|tribune|gazette|journal|network|broadcaster|channel|outlet|wire|reported|reports)\b/iu;

interface Draft extends Statement {
  form: Attribution["form"];
  srcStart: number;
}

/** Quotations by the offsets of their marks, so each lookup is constant time however many there are. */
interface QuoteIndex {
  byOpen: Map<number, QuoteSpan>;
  byClose: Map<number, QuoteSpan>;
}

function indexQuotes(quotes: readonly QuoteSpan[]): QuoteIndex {
  return {
    byOpen: new Map(quotes.map((q) => [q.open, q])),
    byClose: new Map(quotes.map((q) => [q.close, q])),
  };
}

/** A dateline before a wire story's first clause: "TORUSK, May 26 (Crossline) - ". */
const DATELINE = /^\p{Lu}{2,}[\p{Lu}\s.'-]*(?:,[^()\n]{0,40})?(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s*/u;

/** Verbs by which an outlet reports its own sourcing ("ABS understands"); its other verbs are its own opinion. */
const OWN_SOURCING =
  /\b(?:understands?|understood|learn(?:ed|t|s)?|reveal|revealed|been told|was told|has seen|have seen|established)\b/iu;

/** The statements an attribution makes: none when its content is no proposition, several for joined clauses. */
function toStatements(
  a: Attribution,
  body: string,
  masked: string,
  quotes: QuoteIndex,
  sources: ArticleSources,
): Draft[] {
  let s = trimStart(masked, a.contentStart, a.contentEnd);
  const e = trimEnd(masked, s, a.contentEnd);
  if (e <= s) return [];
  const dl = DATELINE.exec(masked.slice(s, e));
  if (dl) s += dl[0].length;
  const hadThat = /^that\s/iu.test(masked.slice(s, s + 5));
  if (hadThat) s += 5;
  const np = body.slice(a.srcStart, a.srcEnd).trim();
  const context = body.slice(a.srcStart, Math.min(body.length, a.verbEnd + 80));
  const r = sources.resolve(np, a.srcStart, `${np} ${body.slice(a.verbStart, a.verbEnd)} ${context}`);
  if (!r) return [];
  sources.noteSpeaker(a.srcStart, r);
  const verbText = body.slice(a.verbStart, a.verbEnd);
  if (r.source.endsWith("(own sources)") && a.form !== "according" && !OWN_SOURCING.test(verbText)) return [];
  const verb = verbText
    .replace(/[\s,:]+$/u, "")
    .replace(/\s+that$/u, "")
    .trim();
  const make = (s0: number, e0: number, kind: StatementKind, v: string): Draft => {
    // French quotation marks keep a space inside (« Nous ne céderons pas »): the span is the words.
    let start = s0;
    let end = e0;
    while (start < end && /\s/u.test(body[start] ?? "")) start++;
    while (end > start && /\s/u.test(body[end - 1] ?? "")) end--;
    return {
      source: r.source,
      mentions: [np],
      statement: body.slice(start, end),
      start,
      end,
      kind,
      verb: v || "said",
      ...(r.affiliation ? { affiliation: r.affiliation } : {}),
      ...(r.anonymous ? { anonymous: true } : {}),
      ...(r.body ? { organisation: true } : {}),
      form: a.form,
      srcStart: a.srcStart,
    };
  };
  const whole = quotes.byOpen.get(s);
  if (whole && whole.close === e - 1) {
    // The content is one quotation: a direct quote, the span inside its marks.
    const lead = masked.slice(Math.max(0, s - 200), s);
    if (isNonStatement(lead, body.slice(whole.start, whole.end), !!a.entry?.quoteOnly)) return [];
    return [make(whole.start, whole.end, "direct", verb)];
  }
  const accordingTo = a.form === "according" || !!a.entry?.accordingTo;
  const parts = accordingTo ? [{ start: s, end: e }] : splitConjuncts(masked, s, e);
  const out: Draft[] = [];
  parts.forEach((p, i) => {
    const pe = trimEnd(masked, p.start, p.end);
    if (pe <= p.start) return;
    const v = p.verb ?? verb;
    const last = quotes.byClose.get(pe - 1);
    // Only when the attribution's own verb governs the quotation: in "Marrow called it “a formality”,
    // Nordpress reported" the fragment is Marrow's, and Nordpress reported the whole clause.
    const governed =
      a.form === "front" ||
      a.form === "quoted" ||
      !hasReportingVerb(masked.slice(p.start, last?.open ?? p.start));
    if (last && last.open >= p.start && !accordingTo && governed) {
      // A quoted fragment that runs to the end of the reported clause: direct, only the quoted words.
      const quoteOnly = !!(p.verb ? reportingVerb(p.verb)?.quoteOnly : a.entry?.quoteOnly);
      if (!isNonStatement(masked.slice(p.start, last.open), body.slice(last.start, last.end), quoteOnly)) {
        out.push(make(last.start, last.end, "direct", v));
        return;
      }
    }
    const entry = p.verb ? reportingVerb(p.verb) : a.entry;
    if (entry?.quoteOnly) return;
    const text = masked.slice(p.start, pe);
    if (i === 0 && (a.form === "front" || a.form === "quoted")) {
      // "said that because P, Q": after "that", a subordinate clause opens the statement.
      if (!hadThat && NOT_A_CLAUSE.test(text)) return;
      const gerund = entry?.gerund && /^[\p{L}]+ing\b/u.test(text);
      if (!hadThat && entry?.thatOnly && !gerund) return;
      if (!hadThat && !gerund && !hasFiniteVerb(`x ${text}`)) return;
    } else if (i === 0 && a.form !== "according" && !hasFiniteVerb(`x ${text}`)) {
      return;
    } else if (i > 0 && p.verb && !hasFiniteVerb(`x ${text}`) && !/^[\p{L}]+ing\b/u.test(text)) {
      return;
    }
    if (text.includes(MASK) && text.replace(/[^\p{L}]+/gu, "").length < 3) return;
    out.push(make(p.start, pe, accordingTo ? "according_to" : "indirect", v));
  });
  return out;
}

/**
 * `Bush: "Q"`, `Rep. Trey Gowdy (R-S.C.): "Q"`: a sentence that is only a speaker's name (capitalised, no
 * verb, an optional party tag in brackets) and a colon before a quotation. Returns the name's offsets in
 * `before`, or null.
 */
function speakerColon(before: string): { start: number; end: number } | null {
  const m = /^(\s*)(\p{Lu}[^:()\n]{0,60}?)(\s*\([^()\n]{1,20}\))?\s*:\s*$/u.exec(before);
  if (!m) return null;
  const name = m[2] ?? "";
  // A name is capitalised words (with initials and "of", "de"), not a sentence or a headline's topic.
  if (!/^(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:of|de|van|von|the)\s+)?){0,5}\p{Lu}[\p{L}'’.-]*$/u.test(name))
    return null;
  if (sourcePhraseStart(name) !== 0) return null;
  const start = m[1]?.length ?? 0;
  return { start, end: start + name.length };
}

/** Whether a stretch of masked text holds a reporting verb of its own. */
function hasReportingVerb(text: string): boolean {
  VERB_PATTERN.lastIndex = 0;
  return VERB_PATTERN.test(text);
}

/** The index of the last item whose key is below `at` in an array sorted by that key, or -1. */
function lastBefore<T>(sorted: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function sentenceOf(sentences: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid]?.start ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Who said what in one article. The same input always gives the same statements. */
export function extractStatements(article: QuoteArticle): Statement[] {
  const body = article.body;
  if (!body) return [];
  const quotes = findQuotes(body);
  const masked = maskQuotes(body, quotes);
  const sentences = splitSentences(body, masked);
  const sources = new ArticleSources(body, article.outlet, masked);
  const index = indexQuotes(quotes);
  const drafts: Draft[] = [];

  for (const s of sentences) {
    for (const a of sentenceAttributions(masked, s)) {
      drafts.push(...toStatements(a, body, masked, index, sources));
    }
  }

  // Quotations no pattern claimed. The sentence statements sorted by start with the furthest end so far,
  // and by where they end, answer "is this quotation inside one?" and "who spoke last?" in log time.
  const byStart = [...drafts].sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  for (const d of byStart) maxEnd.push(Math.max(d.end, maxEnd[maxEnd.length - 1] ?? -1));
  const claimed = (q: QuoteSpan) => {
    const i = lastBefore(byStart, q.start + 1, (d) => d.start);
    return i >= 0 && (maxEnd[i] ?? -1) >= q.end;
  };
  const reach = (d: Draft) => Math.max(d.end, d.srcStart);
  const byReach = [...drafts].sort((x, y) => reach(x) - reach(y));
  let lastLoopDraft: Draft | undefined;
  const paraEnd = (at: number) => {
    const i = masked.indexOf("\n\n", at);
    return i < 0 ? masked.length : i;
  };
  for (const q of quotes) {
    if (claimed(q)) continue;
    const si = sentenceOf(sentences, q.open);
    const s = sentences[si];
    if (!s) continue;
    const inner = body.slice(q.start, q.end);
    // What precedes the quotation in its sentence; the last few hundred characters are all any rule reads.
    const before = masked.slice(Math.max(s.start, q.open - LOOKBEHIND), q.open);
    if (isNonStatement(before, inner, false)) continue;
    // A quotation at the sentence start (or after an earlier quotation's attribution) with its speaker after it.
    if (before.trim() === "" || /[”"»“’›],?\s+[^”"»“’›]*,\s*$/u.test(before)) {
      const a = speakerAfter(masked, q, paraEnd(q.close));
      if (a) {
        const ds = toStatements(a, body, masked, index, sources);
        if (ds.length) {
          drafts.push(...ds);
          lastLoopDraft = ds[ds.length - 1];
          continue;
        }
      }
    }
    // A speaker's name and a colon before the quotation, as in transcripts and briefs: `Bush: "Q"`.
    const colonLead = speakerColon(before);
    if (colonLead) {
      const at = q.open - before.length;
      const a: Attribution = {
        srcStart: at + colonLead.start,
        srcEnd: at + colonLead.end,
        verb: ":",
        verbStart: at + before.lastIndexOf(":"),
        verbEnd: at + before.lastIndexOf(":") + 1,
        contentStart: q.open,
        contentEnd: q.close + 1,
        form: "front",
        entry: reportingVerb("said"),
      };
      const ds = toStatements(a, body, masked, index, sources);
      if (ds.length) {
        drafts.push(...ds);
        lastLoopDraft = ds[ds.length - 1];
        continue;
      }
    }
    // A quotation after a participle of the same sentence's attribution: `..., the ministry said, blaming "Q"`.
    if (PARTICIPLE_LEAD.test(before)) {
      const owner = byReach.filter((d) => d.srcStart >= s.start && d.srcStart < q.open).pop();
      if (owner) {
        drafts.push({ ...owner, statement: inner, start: q.start, end: q.end, kind: "direct" });
        continue;
      }
    }
    // A quotation after a sentence that ends with a colon: "the committee said in its platform:\n\n"Q"".
    const prevS = sentences[si - 1];
    if (prevS && standsAlone(masked, q, s) && /:\s*$/u.test(masked.slice(prevS.start, prevS.end))) {
      const found = sentenceAttributions(masked, { start: prevS.start, end: q.close + 1 }).flatMap((a) =>
        a.contentEnd >= q.close ? toStatements(a, body, masked, index, sources) : [],
      );
      const own = found.filter((d) => d.start === q.start);
      if (own.length) {
        drafts.push(...own);
        lastLoopDraft = own[own.length - 1];
        continue;
      }
    }
    // A quotation standing alone continues the last speaker, when it follows a statement or a colon.
    if (
      standsAlone(masked, q, s) &&
      (inner.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length >= MIN_CONTINUATION_WORDS
    ) {
      const i = lastBefore(byReach, q.open + 1, reach);
      let prev = i >= 0 ? byReach[i] : undefined;
      if (lastLoopDraft && reach(lastLoopDraft) <= q.open && (!prev || reach(lastLoopDraft) >= reach(prev)))
        prev = lastLoopDraft;
      const prevSentence = sentences[si - 1];
      if (prev && prevSentence && Math.max(prev.end, prev.srcStart) >= prevSentence.start - 2) {
        lastLoopDraft = {
          ...prev,
          statement: inner,
          start: q.start,
          end: q.end,
          kind: "direct",
          form: "final",
          srcStart: prev.srcStart,
        };
        drafts.push(lastLoopDraft);
      }
    }
  }

  // Nesting: an outlet that is only the channel of a speaker's words ("Kim said P, according to KCNA")
  // is not recorded beside the speaker; a document is ("..., according to a report seen by the Sentinel").
  const bySrc = [...drafts].sort((x, y) => x.srcStart - y.srcStart);
  const keep = drafts.filter((outer) => {
    if (
      outer.form !== "according" &&
      outer.form !== "final" &&
      outer.form !== "inverted" &&
      outer.form !== "passive"
    )
      return true;
    if (DOCUMENT.test(outer.mentions[0] ?? "")) return true;
    // Only a medium is a mere channel; "They had complained that P, residents said" keeps the residents.
    if (
      !CHANNEL.test(outer.mentions[0] ?? "") &&
      !/^\p{Lu}{2,}$/u.test(outer.source) &&
      // A name the article introduced as a medium ("the state news agency Vostra") is one too.
      !CHANNEL.test(sources.descriptionOf(outer.source))
    )
      return true;
    const from = lastBefore(bySrc, outer.start, (d) => d.srcStart) + 1;
    const near = bySrc.slice(from, lastBefore(bySrc, outer.start + 4, (d) => d.srcStart) + 1);
    return !near.some(
      (inner) =>
        inner !== outer &&
        inner.form === "front" &&
        inner.srcStart >= outer.start &&
        inner.srcStart <= outer.start + 3 &&
        inner.end <= outer.end + 1 &&
        inner.kind !== "direct",
    );
  });

  // One statement per span and source; in text order.
  const seen = new Set<string>();
  const out: Statement[] = [];
  for (const d0 of keep) {
    // Spaces just inside the marks (« Le plan est solide. ») are no part of the words.
    let start = d0.start;
    let end = d0.end;
    while (start < end && /\s/u.test(body[start] ?? "")) start++;
    while (end > start && /\s/u.test(body[end - 1] ?? "")) end--;
    d0.start = start;
    d0.end = end;
    d0.statement = body.slice(start, end);
  }
  for (const d of keep.sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (d.end <= d.start) continue;
    const key = `${d.start}:${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { form: _form, srcStart: _srcStart, ...st } = d;
    out.push(st);
  }
  return out;
}
