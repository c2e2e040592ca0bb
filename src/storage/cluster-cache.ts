/**
 * @module What one process keeps between clustered articles so it need not read and parse the same
 * rows again: each open story's summed vectors (good while the row's version holds), reports'
 * signatures and vectors (never change once stored) and document frequencies (good until the next
 * batch is folded into term_stats, which always changes the document count). Every entry is checked
 * against the database's state inside the transaction, so several processes never see stale data.
 * Each part is bounded by a count, so memory stays flat however large the corpus grows.
 */
import type { Kysely } from "kysely";
import type { Signature } from "../stories/minhash.ts";
import type { ArticleVectors, Vector } from "../stories/vectors.ts";
import type { Database } from "./schema.ts";

/** Parsed story sums kept: about 30 KB each, and a busy day has a few thousand open stories. */
export const CACHED_STORY_SUMS = 2_000;
/** Reports' signatures (64 numbers each) and `all` vectors (150 terms) kept. */
export const CACHED_REPORTS = 20_000;
/** Document frequencies kept between folds (a fold starts afresh). */
export const CACHED_TERMS = 200_000;

/** A Map that forgets its least recently used entry beyond `limit`. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  /** Lookups answered and not (for the benchmark's report). */
  hits = 0;
  misses = 0;
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.hits++;
      this.map.delete(key);
      this.map.set(key, v);
    } else this.misses++;
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
}

export interface ClusterCache {
  /** Story id -> its sums, tagged with the row state they were parsed from. */
  sums: Lru<number, { tag: string; sums: ArticleVectors }>;
  signatures: Lru<number, Signature>;
  allVectors: Lru<number, Vector>;
  /** Document frequencies as of `documents` (the corpus size, which every fold changes). */
  df: { documents: number; known: Lru<string, number> };
}

const caches = new WeakMap<object, ClusterCache>();

/** The cache for one database handle (a process may hold several databases, as tests do). */
export function clusterCacheFor(db: Kysely<Database>): ClusterCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = {
      sums: new Lru(CACHED_STORY_SUMS),
      signatures: new Lru(CACHED_REPORTS),
      allVectors: new Lru(CACHED_REPORTS),
      df: { documents: -1, known: new Lru(CACHED_TERMS) },
    };
    caches.set(db, cache);
  }
  return cache;
}
