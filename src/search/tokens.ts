/** @module Words of a text, with where they are, compared without case or accents (as both indexes do). */

/** A word of a text: its offsets in the original string and its folded form. */
export interface Token {
  start: number;
  end: number;
  folded: string;
}

// Letters, digits and combining marks make words (marks belong to the letter before them: Devanagari vowel
// signs, decomposed accents); everything else separates, as in FTS5's unicode61 and PostgreSQL's parser.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lower case, without accents or other combining marks: only for comparing words within this module. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of `text`, in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) });
  }
  return out;
}

const FOLDED_WORD = /[\p{L}\p{N}]+/gu;

/**
 * The folded words of `text`, without positions: the whole text folded at once, which is several times
 * faster than word by word (ranking reads hundreds of candidates per search).
 */
export function foldedWords(text: string): string[] {
  return foldWord(text).match(FOLDED_WORD) ?? [];
}
