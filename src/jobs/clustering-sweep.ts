/**
 * @module The minute's clustering sweep, one function for both ways jobs run (`serve`'s fetcher
 * process on SQLite, the queue's `sweep_clustering` job on PostgreSQL; `newsdesk fetch` runs it once
 * at its end): articles a stopped process left in no story are filed (ingest/file-unfiled.ts), the
 * summaries of stories a stopped process filed into but did not summarize are refreshed, and
 * clustering's rows of articles and stories filed longer ago than any story stays open are pruned,
 * a batch per short transaction, instead of in every filing's.
 */
import { type FileUnfiledDeps, fileUnfiledArticles } from "../ingest/file-unfiled.ts";
import {
  listUnsummarizedStories,
  PRUNE_BATCH,
  pruneClustering,
  summarizeStory,
} from "../storage/clustering.ts";

/** How often the sweep runs: an unfiled article waits about a minute past its grace. */
export const CLUSTERING_SWEEP_TICK_MS = 60_000;
/**
 * How far back the sweep looks for stories filed into without their summary: ten ticks, so a sweep
 * or two that did not run (every worker down) still leaves none behind.
 */
export const SUMMARY_LOOKBACK_MS = 10 * CLUSTERING_SWEEP_TICK_MS;

export interface SweepReport {
  filed: number;
  failed: number;
  /** Stories whose summary was refreshed because a stopped process had not. */
  summarized: number;
  /** Articles whose clustering rows were pruned. */
  pruned: number;
}

/** What a sweep repaired, for the log line (null when it found nothing a stopped process left). */
export function describeSweep(report: SweepReport): string | null {
  if (report.filed === 0 && report.failed === 0 && report.summarized === 0) return null;
  return `unfiled articles filed: ${report.filed}, failed: ${report.failed}; stories summarized: ${report.summarized}`;
}

/**
 * Files what was left unfiled, summarizes the stories left unsummarized, then prunes clustering's old
 * rows until none are left.
 */
export async function sweepClustering(deps: FileUnfiledDeps, graceMs?: number): Promise<SweepReport> {
  const { filed, failed } = await fileUnfiledArticles(deps, graceMs);
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  const now = new Date(nowMs).toISOString();
  const stale = await listUnsummarizedStories(deps.db, new Date(nowMs - SUMMARY_LOOKBACK_MS).toISOString());
  for (const id of stale) await summarizeStory(deps.db, id, now);
  let pruned = 0;
  for (;;) {
    const batch = await pruneClustering(deps.db, now, deps.config.storyWindowHours, PRUNE_BATCH);
    pruned += batch.articles;
    // Each batch deletes what it found, so the loop ends once a batch finds less than it could take.
    if (batch.articles < PRUNE_BATCH && batch.stories < PRUNE_BATCH) break;
  }
  return { filed, failed, summarized: stale.length, pruned };
}
