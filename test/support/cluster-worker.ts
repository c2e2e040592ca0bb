/**
 * @module A child process that stores reports with clustering, as one ingest worker would, for the
 * parallel clustering test. Environment: DATABASE_URL (a migrated database) and CLUSTER_JOB, JSON
 * {windowHours, steps: [[{key, sourceId, guid, t0}]]} (keys of story-texts.ts, times from t0). It
 * opens its own pool, then for each step prints "ready", waits for a "go" line on stdin (so every
 * worker starts the step at once) and stores the step's reports in order; at the end it prints
 * "done <count>" and exits. Any error exits 1 with its message on stderr.
 */
import { createInterface } from "node:readline";
import { clusterRequest } from "../../src/ingest/cluster-request.ts";
import { insertArticle } from "../../src/storage/articles.ts";
import { openDb } from "../../src/storage/db.ts";
import type { NewArticle } from "../../src/storage/schema.ts";
import { ALL_REPORTS, FIRE_LATER, type StoryText, storyTextArticle } from "./story-texts.ts";

export interface WorkerReport {
  key: string;
  sourceId: number;
  guid: string;
  /** The hour the fixture's `hours` count from (ISO-8601). */
  t0: string;
}

export interface WorkerJob {
  windowHours: number;
  steps: WorkerReport[][];
}

const TEXTS = new Map<string, StoryText>([...ALL_REPORTS, ...FIRE_LATER].map((r) => [r.key, r]));

function row(report: WorkerReport): NewArticle {
  const r = TEXTS.get(report.key);
  if (!r) throw new Error(`cluster-worker: no report ${report.key}`);
  // Stored under the worker's own guid: several rounds of one race store the same text.
  return {
    ...storyTextArticle(report.sourceId, r, Date.parse(report.t0), "parallel.test"),
    guid: report.guid,
    url: `https://parallel.test/${report.guid}`,
  };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const job = JSON.parse(process.env.CLUSTER_JOB ?? "null") as WorkerJob | null;
  if (!url || !job) throw new Error("cluster-worker: DATABASE_URL and CLUSTER_JOB are required");
  const db = openDb(url);
  const input = createInterface({ input: process.stdin });
  const lines = input[Symbol.asyncIterator]();
  try {
    // Connect before the first step, so the workers race on clustering, not on connecting.
    await db.kysely.selectFrom("cluster_state").select("documents").execute();
    let stored = 0;
    for (const step of job.steps) {
      // The features are computed before the start signal too, as ingest does before its transaction.
      const rows = step.map((r) => {
        const article = row(r);
        return { article, cluster: clusterRequest(article, { storyWindowHours: job.windowHours }) };
      });
      process.stdout.write("ready\n");
      const line = await lines.next();
      if (line.done || line.value.trim() !== "go") throw new Error("cluster-worker: no start signal");
      for (const { article, cluster } of rows) {
        if (await insertArticle(db.kysely, article, [], { cluster })) stored++;
      }
    }
    process.stdout.write(`done ${stored}\n`);
  } finally {
    input.close();
    process.stdin.destroy();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
