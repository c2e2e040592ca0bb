/** @module Word tokens for any script: Intl.Segmenter finds words (also in languages written without spaces). */

export interface Token {
  /** Lower-cased, NFKC, Latin diacritics dropped, possessive 's dropped, digit group separators removed. */
  norm: string;
  /** Written with a capital first letter. */
  capital: boolean;
  /** First word of a sentence (its capital says nothing about being a name). */
  sentenceStart: boolean;
  /** Holds a digit. */
  numeric: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang || "en", { granularity: "word" });
    segmenters.set(lang, s);
  }
  return s;
}

const LATIN_WITH_MARKS = /^[\p{Script=Latin}\p{M}\d.'’-]+$/u;

/** One word as clustering compares it: outlets spell names with and without accents ("Núria", "Nuria"). */
export function normalizeWord(word: string): string {
  let w = word.normalize("NFKC").toLowerCase();
  if (LATIN_WITH_MARKS.test(w)) w = w.normalize("NFD").replace(/\p{M}/gu, "");
  w = w.replace(/['’]s$/u, "").replace(/['’]/gu, "");
  // "1,200" and "1.200" are one number in different conventions; a decimal point is kept.
  if (/\d/.test(w)) w = w.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/gu, "");
  return w;
}

/** The word tokens of `text`, in order. */
export function tokenize(text: string, lang = "en"): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  // A number joined to the next by a dash, slash or colon is one token: a score "20-13", a date "12/23/12", a time "4:08".
  let joiner: string | null = null;
  for (const seg of segmenter(lang).segment(text)) {
    if (!seg.isWordLike) {
      const prev = out.at(-1);
      joiner = prev?.numeric && /^[-–/:]$/.test(seg.segment) ? seg.segment : null;
      if (/[.!?:;\n]/.test(seg.segment) && !joiner) sentenceStart = true;
      continue;
    }
    const prev = out.at(-1);
    if (joiner && prev && /^\d/.test(seg.segment)) {
      prev.norm = `${prev.norm}${joiner === "–" ? "-" : joiner}${normalizeWord(seg.segment)}`;
      joiner = null;
      continue;
    }
    joiner = null;
    const norm = normalizeWord(seg.segment);
    if (!norm) continue;
    const first = seg.segment.charAt(0);
    out.push({
      norm,
      capital: first !== first.toLowerCase(),
      sentenceStart,
      numeric: /\d/.test(norm),
    });
    sentenceStart = false;
  }
  return out;
}
