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

/**
 * Scripts written without spaces between words need ICU's dictionaries (Intl.Segmenter), and ICU
 * splits Korean digits from syllables; text without them is split by SPACED_WORD, which follows the
 * same Unicode word-boundary rules (UAX #29) for the cases news text has, at a fifth of the cost
 * (on the three dev sets' 1,555 texts it finds the same words in all but 2 mojibake ones).
 */
const NEEDS_DICTIONARY =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Tai_Tham}\p{Script=New_Tai_Lue}\p{Script=Tai_Le}\p{Script=Hangul}]/u;

/**
 * A word: letters, marks, digits and underscores, with invisible format characters inside (soft
 * hyphens); letters stay joined across . ' ’ ‘ : · between letters ("U.S", "Kim's"), Hebrew letters
 * across " (acronyms), digits across . , ; ' ’ between digits ("1,200.5"), and nothing else ("20-13" is three
 * segments here as there, the caller joins it).
 */
export const SPACED_WORD =
  /[\p{L}\p{Nd}_][\p{L}\p{M}\p{Nd}_\p{Cf}]*(?:(?:(?<=[\p{L}][\p{M}\p{Cf}]*)[.'’‘:·](?=\p{L})|(?<=\p{Nd}[\p{M}\p{Cf}]*)[.,;'’‘](?=\p{Nd})|(?<=\p{Script=Hebrew}[\p{M}\p{Cf}]*)"(?=\p{Script=Hebrew}))[\p{L}\p{M}\p{Nd}_\p{Cf}]+)*/gu;

interface Segment {
  segment: string;
  isWordLike: boolean;
}

/** Words and the runs between them, as Intl.Segmenter would give them for this text. */
function* segments(text: string, lang: string): Iterable<Segment> {
  if (NEEDS_DICTIONARY.test(text)) {
    yield* segmenter(lang).segment(text) as Iterable<Segment>;
    return;
  }
  let last = 0;
  for (const m of text.matchAll(SPACED_WORD)) {
    if (m.index > last) yield { segment: text.slice(last, m.index), isWordLike: false };
    yield { segment: m[0], isWordLike: true };
    last = m.index + m[0].length;
  }
  if (last < text.length) yield { segment: text.slice(last), isWordLike: false };
}

const LATIN_WITH_MARKS = /^[\p{Script=Latin}\p{M}\d.'’-]+$/u;

/** Plain ASCII letters and digits: a word normalization leaves as it is but for the case. */
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** One word as clustering compares it: outlets spell names with and without accents ("Núria", "Nuria"). */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII letters and digits, which none of the steps below change but the case.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
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
  for (const seg of segments(text, lang)) {
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
