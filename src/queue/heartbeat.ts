/**
 * @module Worker pools' heartbeats. graphile-worker unlocks the jobs of a worker that died only after
 * four hours; a killed worker would leave its sources unrefreshed that long. Each pool beats every
 * few seconds; every pool looks for pools silent past NEWSDESK_WORKER_TIMEOUT_SECONDS and unlocks
 * their jobs at once.
 */
import { hostname } from "node:os";
import type { WorkerUtils } from "graphile-worker";
import type { Kysely } from "kysely";
import type { Logger } from "../log.ts";
import { beatQueueWorker, forgetQueueWorkers, silentQueueWorkers } from "../storage/queue-workers.ts";
import type { Database } from "../storage/schema.ts";

/** A beat every sixth of the timeout: a slow query or a long garbage collection misses one, not six. */
const BEATS_PER_TIMEOUT = 6;

/** Beats for `poolId` and unlocks silent pools' jobs until stopped. */
export function startHeartbeat(
  db: Kysely<Database>,
  utils: WorkerUtils,
  poolId: string,
  log: Logger,
  timeoutMs: number,
): { stop(): Promise<void> } {
  const pool = { poolId, host: hostname(), pid: process.pid };
  let running: Promise<void> | null = null;
  /** Whether this pool's last beat went through: after failed ones, others' silence proves nothing. */
  let lastBeatOk = false;
  const beat = async () => {
    try {
      await beatQueueWorker(db, pool);
    } catch (err) {
      lastBeatOk = false;
      throw err;
    }
    // Right after an outage every pool has been silent, this one too: judge only from the next beat.
    const judge = lastBeatOk;
    lastBeatOk = true;
    if (!judge) return;
    const silent = (await silentQueueWorkers(db, timeoutMs)).filter((id) => id !== poolId);
    if (silent.length > 0) {
      await utils.forceUnlockWorkers(silent);
      await forgetQueueWorkers(db, silent);
      log.warn({ pools: silent }, "job queue: jobs of silent workers unlocked");
    }
  };
  const tick = () => {
    // A database that is down fails the beat; the next one tries again.
    running ??= beat()
      .catch((err: unknown) => log.warn({ error: String(err) }, "job queue heartbeat failed"))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, timeoutMs / BEATS_PER_TIMEOUT);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await forgetQueueWorkers(db, [poolId]).catch(() => undefined);
    },
  };
}
