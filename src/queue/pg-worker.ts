/**
 * @module A worker on PostgreSQL: graphile-worker runs the queue's tasks (tasks.ts) with
 * NEWSDESK_WORKER_CONCURRENCY jobs at once; any number of these, on any number of machines, share one
 * queue and never run one job twice at the same time. Used by `newsdesk worker` and by `serve`'s
 * fetcher process on PostgreSQL. If graphile-worker stops (the database went away for longer than its
 * retries), the worker starts it again until stopped.
 */
import { EventEmitter } from "node:events";
import {
  Logger as GraphileLogger,
  type LogLevel,
  makeWorkerUtils,
  run,
  type WorkerUtils,
} from "graphile-worker";
import type pg from "pg";
import type { Logger } from "../log.ts";
import { resilientPgPool } from "../storage/db.ts";
import { forgetQueueWorkers } from "../storage/queue-workers.ts";
import { startHeartbeat } from "./heartbeat.ts";
import { queueSchemaOf } from "./queue-schema.ts";
import { CRONTAB, singleton, TASK } from "./task-names.ts";
import { type TaskDeps, taskList } from "./tasks.ts";

export { queueSchemaOf };

/** Pause before starting again after graphile-worker stopped or could not start. */
const RESTART_MS = 5_000;
/** How long a pool graphile-worker shuts down by itself may take before the process gives up on it. */
const STUCK_AFTER_MS = 15_000;
/** How often a worker looks for jobs when no notification came (new jobs are announced at once). */
const POLL_MS = 2_000;

export interface QueueWorker {
  /** Queues a sweep for due sources now (a source made due by hand is refreshed without waiting). */
  runNow(): Promise<void>;
  /** Finishes the jobs in hand (graphile-worker's graceful shutdown) and stops. */
  stop(): Promise<void>;
}

/** graphile-worker's log lines through ours; its routine chatter only at debug. */
function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger(() => (level: LogLevel, message: string) => {
    const fields = { component: "queue" };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else log.debug(fields, message);
  });
}

/**
 * The queue's connection settings: a pool of our own that survives the server going away (graphile-
 * worker's own would crash the process on a PostgreSQL restart) and the queue's schema.
 */
function queueOptions(deps: TaskDeps, pgPool: pg.Pool) {
  return { pgPool, schema: queueSchemaOf(deps.config), logger: graphileLogger(deps.log) };
}

/** Connections a worker's pool may open: one per job at once, and a few for the queue's own work. */
const poolSize = (concurrency: number) => concurrency + 4;

/**
 * Creates or updates the queue's schema and returns utilities to add and manage jobs, on `pgPool`
 * (which the caller ends).
 */
export async function openQueue(deps: TaskDeps, pgPool: pg.Pool): Promise<WorkerUtils> {
  const utils = await makeWorkerUtils(queueOptions(deps, pgPool));
  try {
    await utils.migrate();
  } catch (err) {
    await utils.release();
    throw err;
  }
  return utils;
}

/**
 * Starts a worker with `concurrency` jobs at once; it keeps running until `stop()`. `onStuck` is
 * called when graphile-worker shuts its pool down by itself (the database went away while it was
 * completing or failing a job: it retries, then gives up) and has not finished within
 * STUCK_AFTER_MS: the process should exit, so its supervisor (`serve`, systemd) starts a fresh one;
 * the jobs the old pool held are unlocked by the others' heartbeats.
 */
export function startQueueWorker(deps: TaskDeps, concurrency: number, onStuck: () => void): QueueWorker {
  const { log } = deps;
  let stopping = false;
  let stopCurrent: (() => Promise<void>) | null = null;
  let sweepNow: (() => Promise<void>) | null = null;
  /** The pool a restart replaces: its jobs are this process's to unlock at once, not after the timeout. */
  let previousPool: string | null = null;
  let retry: NodeJS.Timeout | null = null;
  const tasks = taskList(deps);

  const start = async (): Promise<void> => {
    retry = null;
    if (stopping) return;
    let utils: WorkerUtils | null = null;
    const pool = resilientPgPool(deps.config.databaseUrl, poolSize(concurrency), (err) =>
      log.warn({ error: err.message }, "job queue: database connection lost; the next query reconnects"),
    );
    const endPool = () => pool.end().catch(() => undefined);
    try {
      utils = await openQueue(deps, pool);
      if (previousPool) {
        await utils.forceUnlockWorkers([previousPool]);
        await forgetQueueWorkers(deps.db, [previousPool]);
        previousPool = null;
      }
      const events = new EventEmitter();
      let poolId = "";
      events.on("pool:create", ({ workerPool }: { workerPool: { id: string } }) => {
        poolId = workerPool.id;
      });
      let settled = false;
      events.on("pool:gracefulShutdown", ({ message }: { message?: string }) => {
        if (stopping) return;
        log.error({ reason: message }, "job queue: graphile-worker is shutting its pool down by itself");
        setTimeout(() => {
          if (!settled && !stopping) {
            log.error(
              "job queue: the pool did not finish shutting down; this process stops so a fresh one starts",
            );
            onStuck();
          }
        }, STUCK_AFTER_MS).unref();
      });
      const runner = await run({
        ...queueOptions(deps, pool),
        concurrency,
        noHandleSignals: true,
        pollInterval: POLL_MS,
        taskList: tasks,
        crontab: CRONTAB,
        // Completing and failing jobs through graphile-worker's batches, even of none (delay 0): they
        // retry while the database is away and then stop the pool cleanly (which start() restarts);
        // the unbatched calls reject unheard and crash the process.
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
        events: events as never,
      });
      if (stopping) {
        // stop() came while this start was under way: it waits for this start, then finds nothing to stop.
        await runner.stop();
        await utils.release();
        await endPool();
        return;
      }
      const heartbeat = startHeartbeat(deps.db, utils, poolId, log, deps.config.workerTimeoutSeconds * 1000);
      const held = utils;
      stopCurrent = async () => {
        await runner.stop();
        await heartbeat.stop();
        await held.release();
        await endPool();
      };
      log.info({ pool: poolId, concurrency }, "job queue worker started");
      sweepNow = async () => {
        await runner.addJob(TASK.enqueueDue, {}, singleton(TASK.enqueueDue));
      };
      // Heard before anything else can fail: once the runner runs, its end restarts it.
      void runner.promise
        .finally(() => {
          settled = true;
        })
        .catch((err: unknown) => log.error({ error: String(err) }, "job queue worker failed"))
        .then(async () => {
          if (stopping) return;
          stopCurrent = null;
          sweepNow = null;
          previousPool = poolId;
          await heartbeat.stop();
          await Promise.resolve()
            .then(() => held.release())
            .catch(() => undefined);
          await endPool();
          log.warn("job queue worker stopped; starting again");
          retry = setTimeout(() => {
            current = start();
          }, RESTART_MS);
        });
      // At start, not a minute later: sources due while no worker ran are queued now. A failure is
      // no reason to restart: the minute's sweep does the same.
      await sweepNow().catch((err: unknown) =>
        log.warn({ error: String(err) }, "job queue: the first sweep could not be queued"),
      );
    } catch (err) {
      const unreleased = utils;
      await Promise.resolve()
        .then(() => unreleased?.release())
        .catch(() => undefined);
      await endPool();
      if (stopping) return;
      log.error({ error: String(err) }, "job queue worker could not start; trying again");
      retry = setTimeout(() => {
        current = start();
      }, RESTART_MS);
    }
  };
  // The start in progress or last made: stop() waits for it, so no start outlives a stop.
  let current = start();

  return {
    runNow: async () => {
      await sweepNow?.();
    },
    async stop() {
      stopping = true;
      if (retry) clearTimeout(retry);
      await current;
      await stopCurrent?.();
    },
  };
}
