/** @module The terms an article is filed under in the inverted index that finds its candidate stories. */
import type { Features } from "./features.ts";
import { type Corpus, entityCounts, idf } from "./vectors.ts";

/**
 * Terms filed per article, and looked up per new article. Reports of one event share their rarest
 * names and words; 30 of each article's highest-weighted terms make it near certain that two reports of
 * one event share at least one, while common words, which would make every story a candidate, stay out.
 */
export const INDEX_TERMS = 30;

/** The article's most distinctive terms: highest tf-idf among its words, names and numbers. */
export function indexTerms(f: Features, corpus: Corpus): string[] {
  const weight = new Map<string, number>();
  for (const [term, tf] of [...f.all, ...entityCounts(f)]) {
    const w = (1 + Math.log(tf)) * idf(corpus, term);
    if (w > (weight.get(term) ?? 0)) weight.set(term, w);
  }
  return [...weight]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, INDEX_TERMS)
    .map(([t]) => t);
}
