/** @module The in-process scheduler: refreshes sources whose time has come, one small batch at a time. */

import { mapLimit } from "../ingest/map-limit.ts";
import { type RefreshDeps, type RefreshReport, refreshSource } from "../ingest/refresh-source.ts";
import type { Source } from "../storage/schema.ts";
import { listDueSources } from "../storage/sources.ts";

/** Sources refreshed at once; two keeps one slow feed from holding up the rest without crowding the CPU. */
const SOURCE_CONCURRENCY = 2;
/** Sources taken per batch, so a huge backlog is worked through in bounded steps. */
const BATCH_SIZE = 50;

/** Refreshes the given sources, a few at a time; one report per source, in order, each also to `onDone`. */
export function refreshSources(
  sources: Source[],
  deps: RefreshDeps,
  onDone?: (report: RefreshReport) => void,
): Promise<RefreshReport[]> {
  return mapLimit(sources, SOURCE_CONCURRENCY, async (s) => {
    const report = await refreshSource(s, deps);
    onDone?.(report);
    return report;
  });
}

/** Refreshes every source that is due now; returns one report per source. */
export async function refreshDueSources(deps: RefreshDeps): Promise<RefreshReport[]> {
  const reports: RefreshReport[] = [];
  for (;;) {
    const now = (deps.now?.() ?? new Date()).toISOString();
    const due = await listDueSources(deps.db, now, BATCH_SIZE);
    if (due.length === 0) return reports;
    reports.push(...(await refreshSources(due, deps)));
    // Each refresh moves next_fetch_at into the future, so the loop always ends.
  }
}

export interface Scheduler {
  /** Runs a pass now (or waits for the one in progress). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Checks for due sources every `tickMs` until stopped. A pass never overlaps the previous one. */
export function startScheduler(deps: RefreshDeps, tickMs = 30_000): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    running ??= refreshDueSources(deps)
      .then(() => undefined)
      .catch((err: unknown) => deps.log.error({ error: String(err) }, "scheduler pass failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void pass();
  }, tickMs);
  timer.unref();
  void pass();
  return {
    runNow: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
