/**
 * @module Queuing a job from a process that runs none (a `serve --no-fetch` web process): graphile-
 * worker's utilities, opened on first use and kept. Only on PostgreSQL; on SQLite the fetcher's
 * timers find the work themselves.
 */
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import type pg from "pg";
import type { Config } from "../config/config.ts";
import { resilientPgPool } from "../storage/db.ts";
import { queueSchemaOf } from "./queue-schema.ts";
import { singleton } from "./task-names.ts";

const opened = new Map<string, { utils: Promise<WorkerUtils>; pool: pg.Pool }>();

/** Queues `task` as a singleton job (task-names.ts) on the queue of `config`'s database. */
export async function queueSingleton(config: Config, task: string): Promise<void> {
  const schema = queueSchemaOf(config);
  const key = `${config.databaseUrl} ${schema}`;
  let entry = opened.get(key);
  if (!entry) {
    // A pool that survives a PostgreSQL restart: graphile-worker's own would crash the web process.
    const pool = resilientPgPool(config.databaseUrl, 2);
    const utils = makeWorkerUtils({ pgPool: pool, schema });
    const made = { utils, pool };
    entry = made;
    opened.set(key, made);
    // A failed open is not kept: the next call tries again.
    utils.catch(() => {
      opened.delete(key);
      void pool.end().catch(() => undefined);
    });
  }
  await (await entry.utils).addJob(task, {}, singleton(task));
}

/** Releases the utilities opened here (shutdown, tests). */
export async function closeQueueClients(): Promise<void> {
  const all = [...opened.values()];
  opened.clear();
  await Promise.all(
    all.map(async ({ utils, pool }) => {
      await (await utils.catch(() => null))?.release();
      await pool.end().catch(() => undefined);
    }),
  );
}
