/** @module A tiny deterministic string hash (FNV-1a, 32 bit) for stable ids and generated art. */

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable number in [min, max] derived from a text and a salt. */
export function pick(text: string, salt: string, min: number, max: number): number {
  return min + (fnv1a(`${salt}:${text}`) % (max - min + 1));
}
