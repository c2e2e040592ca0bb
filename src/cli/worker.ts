/**
 * @module `newsdesk worker`: runs the job queue's jobs on PostgreSQL (queue/pg-worker.ts): refreshing
 * sources, sending queued email, housekeeping. Start as many as you like, on any machine that reaches
 * the database; pair them with `serve --no-fetch` web processes.
 */
import type { Command } from "commander";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createMailer } from "../mail/mailer.ts";
import { startQueueWorker } from "../queue/pg-worker.ts";
import { sharedHostLimits } from "../queue/shared-host-limiter.ts";
import { isPostgres } from "../storage/db.ts";
import { openRuntime } from "./runtime.ts";

/**
 * How long a stop may take before the worker exits anyway: the jobs in hand are left locked and are
 * run by another worker once this one is silent past NEWSDESK_WORKER_TIMEOUT_SECONDS, as after a kill.
 * A job that never ends (a stuck connection) must not keep a stopped worker, or a deploy, waiting.
 */
const STOP_DEADLINE_MS = 80_000; // under TimeoutStopSec=90 of docs/systemd/newsdesk-worker@.service

function positiveInt(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new Error(`--concurrency must be an integer from 1 to 256, got "${raw}"`);
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description(
      "run queued jobs (source refreshes, email, housekeeping) on PostgreSQL; run several, on any machines",
    )
    .option("--concurrency <n>", "jobs at once (default NEWSDESK_WORKER_CONCURRENCY)", positiveInt)
    .action(async (opts: { concurrency?: number }) => {
      const rt = await openRuntime();
      if (!isPostgres(rt.db.kysely)) {
        await rt.close();
        throw new Error(
          "the job queue runs on PostgreSQL; on SQLite, `newsdesk serve` runs every job itself (set DATABASE_URL to a postgres:// URL to use workers)",
        );
      }
      const { config, log } = rt;
      const fetcher = fetcherFromConfig(config, sharedHostLimits(rt.db.kysely, config));
      const mailer = createMailer(config);
      const worker = startQueueWorker(
        { db: rt.db.kysely, config, log, fetcher, mailer },
        opts.concurrency ?? config.workerConcurrency,
        // Exit status 1: systemd's Restart= (docs/deploy.md) starts a fresh worker.
        () => process.exit(1),
      );
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        log.info({ signal }, "worker shutting down");
        setTimeout(() => {
          log.error(
            { afterMs: STOP_DEADLINE_MS },
            "worker: jobs did not finish in time; exiting, other workers take them over",
          );
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
        await worker.stop();
        mailer?.close();
        await fetcher.close();
        await rt.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
    });
}
