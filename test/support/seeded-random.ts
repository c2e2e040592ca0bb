/**
 * @module Random moments that can be replayed: a small seeded generator (mulberry32), its seed from
 * `FAULT_SEED` when set, so a fault test that failed at some moment is run again at the same moments.
 */

/** A generator of numbers in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `FAULT_SEED` from the environment, else `fallback`: tests pass a fixed one, benches a fresh one. */
export function faultSeed(fallback: number): number {
  const env = process.env.FAULT_SEED;
  return env ? Number(env) : fallback;
}
