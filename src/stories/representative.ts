/** @module What a story shows of itself: its most representative report and a lead sentence. */
import { addInto, cosine, type Vector } from "./vectors.ts";

export interface Report {
  articleId: number;
  /** Its whole-text unit vector. */
  all: Vector;
  at: number;
  /** A reprint of another report: never the story's face when an original exists. */
  nearDuplicate: boolean;
}

/**
 * The report closest on average to all the others (the medoid of the story's texts): its headline
 * says what most of the coverage says, where the first report may be a terse flash or an outlier's
 * angle. Originals before reprints; ties go to the earlier report. With unit vectors, a report's
 * summed similarity to the others is its dot product with the sum of all, less itself.
 */
export function representativeReport(reports: readonly Report[]): number | null {
  const pool = reports.some((r) => !r.nearDuplicate) ? reports.filter((r) => !r.nearDuplicate) : reports;
  const sum: Vector = new Map();
  for (const r of pool) addInto(sum, r.all);
  let best: Report | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const r of pool) {
    const score = cosine(r.all, sum) - cosine(r.all, r.all);
    const earlier = best !== null && (r.at < best.at || (r.at === best.at && r.articleId < best.articleId));
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && earlier)) {
      best = r;
      bestScore = score;
    }
  }
  return best?.articleId ?? null;
}

/** Longest lead sentence kept; a longer one is cut at a word boundary with an ellipsis. */
export const LEAD_SENTENCE_MAX_CHARS = 300;
/** Paragraphs shorter than this many words (a dateline, a "By ..." line, a kicker) are not a lead. */
const MIN_LEAD_WORDS = 8;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** A sentence break after a short capitalised word ("Gov.", "Mr.", "St.") is an abbreviation's full stop, not a sentence's end. */
const ABBREVIATION_END = /(?:^|\s)\p{Lu}\p{Ll}{0,3}\.\s*$/u;

/**
 * A wire dateline opening the first paragraph ("PORT ALDER, Nov 24 (MBW) - ", "TORUSK, March 8
 * (Crossline) — "): place in capitals, a date, the agency in brackets, a dash. It says where and who,
 * not what happened, so the story's lead sentence starts after it.
 */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{1,40},\s[^()]{1,30}\([^()]{1,40}\)\s*[-–—]+\s*/u;

/** The first sentence of the first real paragraph of `text` (paragraphs separated by blank lines). */
export function leadSentence(text: string, lang = "en"): string | null {
  for (const para of text.split(/\n\s*\n/)) {
    const p = para.replace(/\s+/g, " ").trim().replace(DATELINE, "");
    if (p.split(" ").length < MIN_LEAD_WORDS) continue;
    const seg = lang === "en" ? sentences : new Intl.Segmenter(lang, { granularity: "sentence" });
    let first = "";
    for (const s of seg.segment(p)) {
      first += s.segment;
      if (!ABBREVIATION_END.test(first)) break;
    }
    first = first.trim() || p;
    if (first.length <= LEAD_SENTENCE_MAX_CHARS) return first;
    const cut = first.slice(0, LEAD_SENTENCE_MAX_CHARS);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).trimEnd()}…`;
  }
  return null;
}
