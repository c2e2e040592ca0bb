/**
 * @module The clustering benchmark's stream of new articles: events reported by several outlets in
 * their own words, sharing the event's people, places, organisations and numbers (plus a topic's
 * vocabulary), near-duplicate wire reprints, and single reports. Background words come from the search
 * corpus's Zipfian vocabulary, so document frequencies stored for the corpus apply to them; the names are
 * capitalised made-up words of their own, mostly unseen in the corpus, as a new event's names are.
 */
import { guessLanguage, stopWords } from "../src/stories/stop-words.ts";
import { normalizeWord } from "../src/stories/tokens.ts";
import { buildVocabulary, seededRandom, VOCABULARY_SIZE, zipfSampler } from "./search-vocabulary.ts";

export interface StreamArticle {
  /** Index of the event reported (each event's reports share its names and numbers). */
  event: number;
  sourceId: number;
  /** Publication time, ms since the epoch. */
  at: number;
  title: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  /** Index (in the stream) of the report this one reprints, if it is a wire reprint. */
  reprintOf: number | null;
}

export interface StreamOptions {
  /** First and last publication time (ms). */
  from: number;
  to: number;
  /** Articles per day, on average. */
  perDay: number;
  /** Outlets to pick from: source ids 1..sources. */
  sources: number;
  /** Seeds the events; the pools of recurring first names, places and organisations stay the same. */
  seed?: number;
}

/**
 * Whether a vocabulary word is a stop word in a language clustering may guess: the search corpus's
 * commonest words happen to include Italian and German ones ("stai", "zu"), so its articles are often
 * guessed as those languages and such words never counted. The stream, written in English, leaves them
 * out, or they would look rare to it.
 */
export function isStopSomewhere(word: string): boolean {
  const n = normalizeWord(word);
  return guessLanguage([n]) !== "en" || stopWords("en").has(n);
}

/** Events with a single report (a brief, an outlet's exclusive), of all events. */
export const SINGLE_SHARE = 0.35;
/** Reports after the first that are wire reprints of an earlier report of the event. */
export const REPRINT_SHARE = 0.12;
/** Outlets per multi-outlet event, inclusive. */
export const MIN_OUTLETS = 3;
export const MAX_OUTLETS = 8;
/** Reports of one event arrive within this many hours of its first. */
export const EVENT_SPREAD_HOURS = 6;

/** English function words: outlets' prose is mostly these, which clustering drops as stop words. */
const FUNCTION_WORDS = [
  "the",
  "the",
  "the",
  "of",
  "of",
  "in",
  "and",
  "and",
  "to",
  "a",
  "on",
  "for",
  "said",
  "was",
  "with",
  "at",
  "by",
  "after",
  "that",
  "from",
  "has",
  "were",
  "have",
  "is",
  "which",
];

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tas",
  "vel",
  "dor",
  "ani",
  "bru",
  "sol",
  "ter",
  "quin",
  "zar",
  "pel",
  "mon",
  "rik",
  "ul",
  "este",
  "gar",
  "hon",
  "ival",
  "jor",
  "nes",
  "oda",
  "pra",
  "sel",
  "tum",
  "wen",
  "yas",
  "xi",
];

interface Event {
  people: string[];
  place: string;
  org: string;
  numbers: string[];
  /** The topic's words (from the vocabulary's middle ranks): what the event is about. */
  words: string[];
}

/** The stream, in time order. Deterministic for a given seed and options. */
export function generateStream(options: StreamOptions): StreamArticle[] {
  const vocabulary = buildVocabulary();
  const known = new Set(vocabulary);
  const usable = vocabulary.map((w) => !isStopSomewhere(w));
  // The pools first, from a fixed seed; then the events, from the caller's.
  let random = seededRandom(2026);
  const zipf = zipfSampler(VOCABULARY_SIZE, () => random());
  const background = () => {
    for (;;) {
      const r = zipf();
      if (usable[r]) return r;
    }
  };
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  const usedNames = new Set<string>();
  const newName = (): string => {
    for (;;) {
      let w = "";
      const n = int(2, 3);
      for (let i = 0; i < n; i++) w += pick(SYLLABLES);
      if (!known.has(w) && !usedNames.has(w)) {
        usedNames.add(w);
        return w.charAt(0).toUpperCase() + w.slice(1);
      }
    }
  };
  // Pools with Zipfian reuse: a capital city or a big company appears in many events; most surnames in one.
  const firstNames = Array.from({ length: 400 }, newName);
  const places = Array.from({ length: 3000 }, newName);
  const orgs = Array.from({ length: 800 }, newName);
  const pickPlace = zipfSampler(places.length, () => random());
  const pickOrg = zipfSampler(orgs.length, () => random());
  const pickFirst = zipfSampler(firstNames.length, () => random());
  random = seededRandom(options.seed ?? 2026);
  const topicWord = () => {
    for (;;) {
      const r = Math.floor(150 * 100 ** random());
      if (usable[r]) return vocabulary[r] as string;
    }
  };

  const newEvent = (): Event => ({
    people: Array.from(
      { length: int(1, 3) },
      () =>
        `${firstNames[pickFirst()] as string} ${random() < 0.9 ? newName() : (places[pickPlace()] as string)}`,
    ),
    place: places[pickPlace()] as string,
    org: orgs[pickOrg()] as string,
    numbers: Array.from({ length: int(1, 3) }, () =>
      random() < 0.5 ? String(int(3, 999)) : `${int(1, 99)},${String(int(0, 999)).padStart(3, "0")}`,
    ),
    // Topic words: ranks 150-15,000, uniform in log rank (common enough to recur, rare enough to matter).
    words: Array.from({ length: int(8, 14) }, topicWord),
  });

  /** One outlet's sentence about the event; `eventShare` of its content words come from the event. */
  const sentence = (e: Event, eventShare: number): string => {
    const n = int(12, 26);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.38) out.push(pick(FUNCTION_WORDS));
      else if (r < 0.38 + 0.62 * eventShare) {
        const k = random();
        if (k < 0.5) out.push(pick(e.words));
        else if (k < 0.72) out.push(pick(e.people).split(" ")[random() < 0.4 ? 0 : 1] as string);
        else if (k < 0.82) out.push(pick(e.people));
        else if (k < 0.9) out.push(e.place);
        else if (k < 0.96) out.push(e.org);
        else out.push(pick(e.numbers));
      } else out.push(vocabulary[background()] as string);
    }
    const s = out.join(" ");
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };

  const headline = (e: Event): string => {
    const parts = [
      pick(e.people).split(" ")[1] as string,
      random() < 0.6 ? e.place : e.org,
      pick(e.words),
      pick(e.words),
      vocabulary[background()] as string,
      pick(FUNCTION_WORDS),
    ];
    if (random() < 0.4) parts.push(pick(e.numbers));
    for (let i = parts.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [parts[i], parts[j]] = [parts[j] as string, parts[i] as string];
    }
    const h = parts.join(" ");
    return h.charAt(0).toUpperCase() + h.slice(1);
  };

  /** An outlet's own write-up: a lead dense with the event, then background and reactions. */
  const writeUp = (e: Event): string => {
    const paragraphs: string[] = [[sentence(e, 0.6), sentence(e, 0.45)].join(" ")];
    const more = int(3, 7);
    for (let p = 0; p < more; p++)
      paragraphs.push(Array.from({ length: int(2, 3) }, () => sentence(e, 0.2)).join(" "));
    return paragraphs.join("\n\n");
  };

  const days = (options.to - options.from) / 86_400_000;
  const meanReports = SINGLE_SHARE + (1 - SINGLE_SHARE) * ((MIN_OUTLETS + MAX_OUTLETS) / 2);
  const eventCount = Math.max(1, Math.round((options.perDay * days) / meanReports));
  const drafts: Array<Omit<StreamArticle, "reprintOf"> & { reprint: boolean; order: number }> = [];
  for (let ev = 0; ev < eventCount; ev++) {
    const e = newEvent();
    const start = options.from + random() * (options.to - options.from);
    const k = random() < SINGLE_SHARE ? 1 : int(MIN_OUTLETS, MAX_OUTLETS);
    const outlets = new Set<number>();
    while (outlets.size < Math.min(k, options.sources))
      outlets.add(1 + Math.floor(random() * options.sources));
    let order = 0;
    for (const sourceId of outlets) {
      const at = order === 0 ? start : start + random() * EVENT_SPREAD_HOURS * 3_600_000;
      drafts.push({
        event: ev,
        sourceId,
        at,
        title: headline(e),
        text: writeUp(e),
        reprint: order > 0 && random() < REPRINT_SHARE,
        order: order++,
      });
    }
  }
  const stream = drafts
    .filter((d) => d.at <= options.to)
    .sort((a, b) => a.at - b.at || a.sourceId - b.sourceId);
  // A reprint copies the text of the event's earliest report before it (a new headline, a credit line, the last paragraph cut).
  const firstOfEvent = new Map<number, number>();
  return stream.map((d, i): StreamArticle => {
    const { reprint, order: _order, ...article } = d;
    const original = firstOfEvent.get(d.event);
    if (original === undefined) {
      firstOfEvent.set(d.event, i);
      return { ...article, reprintOf: null };
    }
    if (!reprint) return { ...article, reprintOf: null };
    const src = stream[original] as (typeof stream)[number];
    const paragraphs = src.text.split("\n\n");
    if (paragraphs.length > 3) paragraphs.pop();
    return {
      ...article,
      text: `${paragraphs.join("\n\n")}\n\n(Wire report, ${src.sourceId === 1 ? "Agency" : "Wire"} service.)`,
      reprintOf: original,
    };
  });
}
