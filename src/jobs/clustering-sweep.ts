/**
 * @module The minute's clustering sweep, one function for both ways jobs run (`serve`'s fetcher
 * process on SQLite, the queue's `sweep_clustering` job on PostgreSQL; `newsdesk fetch` runs it once
 * at its end): articles a stopped process left in no story are filed (ingest/file-unfiled.ts), and
 * clustering's rows of articles and stories filed longer ago than any story stays open are pruned,
 * a batch per short transaction, instead of in every filing's.
 */
import { type FileUnfiledDeps, fileUnfiledArticles } from "../ingest/file-unfiled.ts";
import { PRUNE_BATCH, pruneClustering } from "../storage/clustering.ts";

/** How often the sweep runs: an unfiled article waits about a minute past its grace. */
export const CLUSTERING_SWEEP_TICK_MS = 60_000;

export interface SweepReport {
  filed: number;
  failed: number;
  /** Articles whose clustering rows were pruned. */
  pruned: number;
}

/** Files what was left unfiled, then prunes clustering's old rows until none are left. */
export async function sweepClustering(deps: FileUnfiledDeps, graceMs?: number): Promise<SweepReport> {
  const { filed, failed } = await fileUnfiledArticles(deps, graceMs);
  const now = (deps.now?.() ?? new Date()).toISOString();
  let pruned = 0;
  for (;;) {
    const batch = await pruneClustering(deps.db, now, deps.config.storyWindowHours, PRUNE_BATCH);
    pruned += batch.articles;
    // Each batch deletes what it found, so the loop ends once a batch finds less than it could take.
    if (batch.articles < PRUNE_BATCH && batch.stories < PRUNE_BATCH) break;
  }
  return { filed, failed, pruned };
}
