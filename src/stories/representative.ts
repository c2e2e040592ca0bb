/** @module What a story shows of itself: its most representative report and a lead sentence. */
import type { Features } from "./features.ts";
import { type Corpus, cosine, tfidf } from "./vectors.ts";

export interface Report {
  articleId: number;
  features: Features;
  at: number;
  /** A reprint of another report: never the story's face when an original exists. */
  nearDuplicate: boolean;
}

/**
 * The report closest on average to all the others (the medoid of the story's texts): its headline
 * says what most of the coverage says, where the first report may be a terse flash or an outlier's
 * angle. Originals before reprints; ties go to the earlier report.
 */
export function representativeReport(reports: readonly Report[], corpus: Corpus): number | null {
  const pool = reports.some((r) => !r.nearDuplicate) ? reports.filter((r) => !r.nearDuplicate) : reports;
  if (pool.length === 0) return null;
  const vectors = pool.map((r) => tfidf(r.features.all, corpus));
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < pool.length; i++) {
    let sum = 0;
    for (let j = 0; j < pool.length; j++)
      if (j !== i) sum += cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>);
    const r = pool[i] as Report;
    const b = pool[best] as Report;
    if (
      sum > bestScore + 1e-9 ||
      (Math.abs(sum - bestScore) <= 1e-9 && (r.at < b.at || (r.at === b.at && r.articleId < b.articleId)))
    ) {
      best = i;
      bestScore = sum;
    }
  }
  return (pool[best] as Report).articleId;
}

/** Longest lead sentence kept; a longer one is cut at a word boundary with an ellipsis. */
export const LEAD_SENTENCE_MAX_CHARS = 300;
/** Paragraphs shorter than this many words (a dateline, a "By ..." line, a kicker) are not a lead. */
const MIN_LEAD_WORDS = 8;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** The first sentence of the first real paragraph of `text` (paragraphs separated by blank lines). */
export function leadSentence(text: string, lang = "en"): string | null {
  for (const para of text.split(/\n\s*\n/)) {
    const p = para.replace(/\s+/g, " ").trim();
    if (p.split(" ").length < MIN_LEAD_WORDS) continue;
    const seg = lang === "en" ? sentences : new Intl.Segmenter(lang, { granularity: "sentence" });
    const first = [...seg.segment(p)][0]?.segment.trim() ?? p;
    if (first.length <= LEAD_SENTENCE_MAX_CHARS) return first;
    const cut = first.slice(0, LEAD_SENTENCE_MAX_CHARS);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).trimEnd()}…`;
  }
  return null;
}
