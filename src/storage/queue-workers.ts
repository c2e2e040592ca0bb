/** @module Heartbeats of the job queue's worker pools (queue/heartbeat.ts reads and writes them). */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Records that `poolId` is alive now (inserting it on its first beat). */
export async function beatQueueWorker(
  db: Kysely<Database>,
  pool: { poolId: string; host: string; pid: number },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("queue_workers")
    .values({ pool_id: pool.poolId, host: pool.host, pid: pool.pid, started_at: at, beat_at: at })
    .onConflict((oc) => oc.column("pool_id").doUpdateSet({ beat_at: at }))
    .execute();
}

/** Pools whose last beat is older than `before`. */
export async function silentQueueWorkers(db: Kysely<Database>, before: Date): Promise<string[]> {
  const rows = await db
    .selectFrom("queue_workers")
    .select("pool_id")
    .where("beat_at", "<", before.toISOString())
    .execute();
  return rows.map((r) => r.pool_id);
}

/** Forgets pools (stopped, or found dead and their jobs unlocked). */
export async function forgetQueueWorkers(db: Kysely<Database>, poolIds: string[]): Promise<void> {
  if (poolIds.length === 0) return;
  await db.deleteFrom("queue_workers").where("pool_id", "in", poolIds).execute();
}
