/**
 * @module The search benchmark's synthetic language: a seeded vocabulary of pronounceable words drawn with a
 * Zipfian distribution (s = 1), so a few words occur in nearly every article and most in very few, as in
 * real text. The corpus generator and the query mix build the same vocabulary from the same seed.
 */

/** How many different words the language has. */
export const VOCABULARY_SIZE = 30_000;

// A small fast seeded generator (mulberry32), so runs are reproducible; shared with the fault tests.
import { seededRandom } from "../test/support/seeded-random.ts";

export { seededRandom };

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "st",
  "tr",
  "pl",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "é"];

/** The words, most frequent first; all distinct. A few carry an accent, to exercise folding. */
export function buildVocabulary(): string[] {
  const random = seededRandom(42);
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const syllables = 1 + Math.floor(random() * 3) + (words.size > 100 ? 1 : 0);
    let w = "";
    for (let i = 0; i < syllables; i++)
      w +=
        ONSETS[Math.floor(random() * ONSETS.length)] + (VOWELS[Math.floor(random() * VOWELS.length)] ?? "a");
    words.add(w);
  }
  return [...words];
}

/** Draws word ranks (0 = most frequent) with probability proportional to 1 / (rank + 1). */
export function zipfSampler(size: number, random: () => number): () => number {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Where the benchmark's databases live: a file under the temp dir, a schema in the test database. */
export const BENCH_SCHEMA = "bench_search";
export function benchDatabaseUrl(dialect: string, sqliteFile: string): string {
  if (dialect === "sqlite") return `sqlite:${sqliteFile}`;
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  url.searchParams.set("options", `-c search_path=${BENCH_SCHEMA}`);
  return url.toString();
}
