/**
 * @module Orders the candidates of one search by relevance and recency, in JavaScript, identically on both
 * databases. Every candidate matches every unit, so relevance is how often and where (a title match
 * counts TITLE_WEIGHT times a body match), saturated like BM25 and normalised by length; recency divides it
 * gently by age measured from the newest candidate.
 */
import type { QueryUnit } from "./query.ts";
import { foldedWords } from "./tokens.ts";
import type { Candidate } from "./types.ts";

/** A word in the title says more about what the article is about than the same word in the body. */
const TITLE_WEIGHT = 3;
/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.5;
/** A match this many days older than the newest candidate counts half as much. */
const RECENCY_HALF_DAYS = 7;

/** `candidates` best first; the sort is stable, so equal scores keep recency order. */
export function rankCandidates(candidates: Candidate[], units: QueryUnit[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const stats = candidates.map((c) => {
    const title = foldedWords(c.title);
    const text = foldedWords(c.text);
    return {
      c,
      length: text.length + title.length,
      inTitle: countUnits(title, units),
      inText: countUnits(text, units),
    };
  });
  const avgLength = stats.reduce((s, x) => s + x.length, 0) / stats.length || 1;
  const newest = Math.max(...candidates.map((c) => Date.parse(c.sort_at) || 0));
  const scored = stats.map(({ c, length, inTitle, inText }) => {
    const norm = 1 - B + (B * length) / avgLength;
    let relevance = 0;
    units.forEach((_u, i) => {
      const tf = TITLE_WEIGHT * (inTitle[i] ?? 0) + (inText[i] ?? 0);
      relevance += (tf * (K1 + 1)) / (tf + K1 * norm);
    });
    const ageDays = Math.max(0, newest - (Date.parse(c.sort_at) || 0)) / 86_400_000;
    return { c, score: relevance / (1 + ageDays / RECENCY_HALF_DAYS) };
  });
  return scored.sort((a, b) => b.score - a.score).map((s) => s.c);
}

/** How many times each unit occurs in `words` (a phrase: its words in a row). */
function countUnits(words: string[], units: QueryUnit[]): number[] {
  return units.map((u) => {
    let n = 0;
    const first = u.folded[0];
    for (let i = words.indexOf(first ?? ""); i !== -1; i = words.indexOf(first ?? "", i + 1)) {
      let k = 1;
      while (k < u.folded.length && words[i + k] === u.folded[k]) k++;
      if (k === u.folded.length) n++;
    }
    return n;
  });
}
