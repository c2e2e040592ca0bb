/**
 * @module MinHash signatures of word shingles: a reprint of the same text (new headline, a trimmed
 * paragraph, an added credit line, a word changed) shares most of its shingles with the original,
 * while two outlets' own write-ups of one event share almost none.
 */

/** Words per shingle: long enough that two independent write-ups rarely share one, short enough that one changed word spoils few. */
export const SHINGLE_WORDS = 4;
/** Hash functions per signature: the Jaccard estimate's standard error is about 1/sqrt(64) = 0.125 at worst, far below the gap between reprints (> 0.7) and write-ups (< 0.1). */
export const MINHASH_SIZE = 64;

// Fixed seeds (a deterministic generator), so signatures stored by one process compare with another's.
const SEEDS: Uint32Array = (() => {
  const out = new Uint32Array(MINHASH_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x;
  }
  return out;
})();

/** MurmurHash3's 32-bit finalizer: each seed turns a shingle's hash into an independent-looking one, in integer arithmetic. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a, 32 bits. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `hash32` of the shingle starting at word `start` (its words joined by spaces), without building the string. */
function shingleHash(words: readonly string[], start: number): number {
  let h = 0x811c9dc5;
  for (let w = start; w < start + SHINGLE_WORDS; w++) {
    if (w > start) h = Math.imul(h ^ 0x20, 0x01000193) >>> 0;
    const s = words[w] as string;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

export interface Signature {
  minhash: number[];
  /** How many distinct shingles the text has (for containment from a Jaccard estimate). */
  shingles: number;
}

/** The signature of a token sequence; an empty one for texts shorter than a shingle. */
export function signature(words: readonly string[]): Signature {
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) hashes.add(shingleHash(words, i));
  if (hashes.size === 0) return { minhash: [], shingles: 0 };
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix(h ^ (SEEDS[i] as number));
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  return { minhash: Array.from(mins), shingles: hashes.size };
}

/** Estimated Jaccard similarity of two signatures' shingle sets. */
export function jaccard(a: Signature, b: Signature): number {
  if (a.minhash.length === 0 || b.minhash.length !== a.minhash.length) return 0;
  let same = 0;
  for (let i = 0; i < a.minhash.length; i++) if (a.minhash[i] === b.minhash[i]) same++;
  return same / a.minhash.length;
}

/**
 * Estimated share of the shorter text's shingles found in the other: a reprint trimmed to half its
 * length still contains 100% of itself in the original, though their Jaccard is 0.5.
 */
export function containment(a: Signature, b: Signature): number {
  const j = jaccard(a, b);
  if (j === 0) return 0;
  const common = (j / (1 + j)) * (a.shingles + b.shingles);
  return Math.min(1, common / Math.min(a.shingles, b.shingles));
}
