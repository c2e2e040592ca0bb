/**
 * @module Queuing a job from a process that runs none (a `serve --no-fetch` web process): graphile-
 * worker's utilities, opened on first use and kept. Only on PostgreSQL; on SQLite the fetcher's
 * timers find the work themselves.
 */
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import type { Config } from "../config/config.ts";
import { queueSchemaOf } from "./queue-schema.ts";
import { singleton } from "./task-names.ts";

const opened = new Map<string, Promise<WorkerUtils>>();

/** Queues `task` as a singleton job (task-names.ts) on the queue of `config`'s database. */
export async function queueSingleton(config: Config, task: string): Promise<void> {
  const schema = queueSchemaOf(config);
  const key = `${config.databaseUrl} ${schema}`;
  let utils = opened.get(key);
  if (!utils) {
    utils = makeWorkerUtils({ connectionString: config.databaseUrl, schema });
    opened.set(key, utils);
    // A failed open is not kept: the next call tries again.
    utils.catch(() => opened.delete(key));
  }
  await (await utils).addJob(task, {}, singleton(task));
}

/** Releases the utilities opened here (shutdown, tests). */
export async function closeQueueClients(): Promise<void> {
  const all = [...opened.values()];
  opened.clear();
  await Promise.all(all.map(async (u) => (await u.catch(() => null))?.release()));
}
