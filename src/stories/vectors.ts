/** @module TF-IDF vectors and their cosine, with document frequencies supplied by the caller (the stored corpus). */
import type { Features, TermCounts } from "./features.ts";

/** Document frequencies of the corpus clustering has seen: how many articles hold each term, of how many. */
export interface Corpus {
  documents: number;
  df(term: string): number;
}

export type Vector = Map<string, number>;

/** Smoothed inverse document frequency: a term no stored article has still gets a finite, high weight. */
export function idf(corpus: Corpus, term: string): number {
  return Math.log((corpus.documents + 1) / (corpus.df(term) + 1)) + 1;
}

/** Unit-length vector of sublinear term frequency (1 + log tf, so a repeated word does not swamp the rest) times idf. */
export function tfidf(counts: TermCounts, corpus: Corpus): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, tf] of counts) {
    const w = (1 + Math.log(tf)) * idf(corpus, term);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) sum += w * o;
  }
  return sum;
}

/**
 * Numbers too short to identify anything ("3 people", "2 parties") are left out of the entity
 * vector; "20-13", "6.1", "1200" and years stay.
 */
const MIN_NUMBER_CHARS = 2;

/** Who, where and how many: the names and the numbers of an article, as one vector. */
export function entityCounts(f: Features): TermCounts {
  return [
    ...f.names,
    ...f.numbers.filter((n) => n.length >= MIN_NUMBER_CHARS).map((n): [string, number] => [n, 1]),
  ];
}

/**
 * The vectors clustering compares: the whole text, the headline and lead, the entities, and the
 * lead's event words (the lead without its names and numbers: what happened, not to whom).
 */
export interface ArticleVectors {
  all: Vector;
  lead: Vector;
  entities: Vector;
  event: Vector;
}

/** The lead's words that are neither names nor numbers. */
export function eventCounts(f: Features): TermCounts {
  const entities = new Set(entityCounts(f).map(([t]) => t));
  return f.lead.filter(([t]) => !entities.has(t) && !/\d/.test(t));
}

export function articleVectors(f: Features, corpus: Corpus): ArticleVectors {
  return {
    all: tfidf(f.all, corpus),
    lead: tfidf(f.lead, corpus),
    entities: tfidf(entityCounts(f), corpus),
    event: tfidf(eventCounts(f), corpus),
  };
}

/** Every term whose document frequency the vectors of `f` need. */
export function termsOf(f: Features): Set<string> {
  const out = new Set<string>();
  for (const [t] of f.all) out.add(t);
  for (const [t] of f.lead) out.add(t);
  for (const [t] of entityCounts(f)) out.add(t);
  return out;
}

/** Terms kept per vector when stored, strongest first: the tail of a 600-word article's vector weighs little. */
export const STORED_TERMS = 150;
/** Terms kept per summed story vector. */
export const STORY_SUM_TERMS = 300;

/** A vector as stored: its strongest terms, weights rounded to 4 places. */
export type StoredVector = Array<[string, number]>;

export function storeVector(v: Vector, keep = STORED_TERMS): StoredVector {
  return [...v]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, keep)
    .map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]);
}

export function loadVector(stored: StoredVector): Vector {
  return new Map(stored);
}

/** `into` += `add`, term by term. */
export function addInto(into: Vector, add: Vector): void {
  for (const [t, w] of add) into.set(t, (into.get(t) ?? 0) + w);
}

/** The same vectors, as stored for a report or summed for a story. */
export type StoredVectors = { [K in keyof ArticleVectors]: StoredVector };

export function storeVectors(v: ArticleVectors, keep = STORED_TERMS): StoredVectors {
  return {
    all: storeVector(v.all, keep),
    lead: storeVector(v.lead, keep),
    entities: storeVector(v.entities, keep),
    event: storeVector(v.event, keep),
  };
}

export function loadVectors(v: StoredVectors): ArticleVectors {
  return {
    all: loadVector(v.all),
    lead: loadVector(v.lead),
    entities: loadVector(v.entities),
    event: loadVector(v.event),
  };
}

export function cloneVectors(v: ArticleVectors): ArticleVectors {
  return {
    all: new Map(v.all),
    lead: new Map(v.lead),
    entities: new Map(v.entities),
    event: new Map(v.event),
  };
}

export function emptyVectors(): ArticleVectors {
  return { all: new Map(), lead: new Map(), entities: new Map(), event: new Map() };
}

/** `into` += `add`, vector by vector. */
export function addVectorsInto(into: ArticleVectors, add: ArticleVectors): void {
  addInto(into.all, add.all);
  addInto(into.lead, add.lead);
  addInto(into.entities, add.entities);
  addInto(into.event, add.event);
}
