/**
 * @module What one process keeps between clustered articles so it need not read and parse the same
 * rows again: each open story's summed vectors and its reports' rows (good while the row's version
 * holds, the rows while no pruning has run since), reports' signatures and vectors (never change once
 * stored) and document frequencies (good until the next batch is folded into term_stats, which always
 * changes the document count). Every entry is checked
 * against the database's state inside the transaction, so several processes never see stale data.
 * Each part has a budget, so memory stays flat however large the corpus or the window grows.
 */
import type { Kysely } from "kysely";
import type { Signature } from "../stories/minhash.ts";
import type { ArticleVectors, Vector } from "../stories/vectors.ts";
import type { Database } from "./schema.ts";

/**
 * Budgets, in vector terms (a parsed term weighs about 100 bytes: its string, the Map entry and the
 * number) or entries. Story sums: up to 1,200 terms a story, so 400,000 terms is 330+ full stories
 * (about 40 MB), which held 99% of lookups at 2,000 articles a day in bench/clustering.ts.
 */
export const CACHED_SUM_TERMS = 400_000;
/** Reports' whole-text vectors (up to 150 terms each), about 25 MB. */
export const CACHED_VECTOR_TERMS = 250_000;
/** Reports' signatures (64 numbers each, about 600 bytes), about 12 MB. */
export const CACHED_SIGNATURES = 20_000;
/** Document frequencies kept between folds (a fold starts afresh), about 10 MB. */
export const CACHED_TERMS = 100_000;

/** A Map that forgets its least recently used entries once their weights pass `limit`. */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private total = 0;
  /** Lookups answered and not (for the benchmark's report). */
  hits = 0;
  misses = 0;
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      this.hits++;
      this.map.delete(key);
      this.map.set(key, e);
      return e.value;
    }
    this.misses++;
    return undefined;
  }
  /** The entry, if any, without counting a lookup or refreshing its recency. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value;
  }
  set(key: K, value: V, weight = 1): void {
    const old = this.map.get(key);
    if (old) {
      this.total -= old.weight;
      this.map.delete(key);
    }
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.total <= this.limit || this.map.size === 1) break;
      this.map.delete(k);
      this.total -= e.weight;
    }
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}

/** A report's clustering row (cluster_features) as a story's candidates need it. */
export interface StoryMember {
  articleId: number;
  /** Its time, in ms. */
  at: number;
  year: number | null;
  /** When it was filed (ISO-8601): rows filed longer ago than the window and span are pruned. */
  filedAt: string;
}

export interface ClusterCache {
  /**
   * Story id -> its sums, tagged with the row state they were parsed from, and its reports' clustering
   * rows when known, as of a prune epoch: every filing into a story and every merge rewrites its row (a
   * new tag), and only a pruning, which counts itself in cluster_state.prune_epoch, deletes reports' rows.
   */
  sums: Lru<
    number,
    { tag: string; sums: ArticleVectors; members?: { epoch: number; rows: readonly StoryMember[] } }
  >;
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
      sums: new Lru(CACHED_SUM_TERMS),
      signatures: new Lru(CACHED_SIGNATURES),
      allVectors: new Lru(CACHED_VECTOR_TERMS),
      df: { documents: -1, known: new Lru(CACHED_TERMS) },
    };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Forgets everything cached for `db`: after a filing's transaction failed, what it cached was never
 * committed (a story's sums under a row version another write may reuse, a fold's frequencies under a
 * document count, a report filed again from another text), so none of it may be taken for the truth.
 */
export function forgetClusterCache(db: Kysely<Database>): void {
  caches.delete(db);
}
