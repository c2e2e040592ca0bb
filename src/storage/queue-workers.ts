/**
 * @module Heartbeats of the job queue's worker pools (queue/heartbeat.ts reads and writes them). Times
 * come from the database's clock, never a machine's: two machines whose clocks disagree must not take
 * a live worker for a dead one.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";

/** The database's time, `shiftMs` from now, as ISO-8601 UTC text (what the column holds). */
function dbTime(db: Kysely<Database>, shiftMs = 0): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`to_char((clock_timestamp() + ${shiftMs} * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${shiftMs / 1000} seconds`})`;
}

/** Records that `pool` is alive now (inserting it on its first beat). */
export async function beatQueueWorker(
  db: Kysely<Database>,
  pool: { poolId: string; host: string; pid: number },
): Promise<void> {
  await db
    .insertInto("queue_workers")
    .values({
      pool_id: pool.poolId,
      host: pool.host,
      pid: pool.pid,
      started_at: dbTime(db),
      beat_at: dbTime(db),
    })
    .onConflict((oc) => oc.column("pool_id").doUpdateSet({ beat_at: dbTime(db) }))
    .execute();
}

/** Pools whose last beat is more than `timeoutMs` old. */
export async function silentQueueWorkers(db: Kysely<Database>, timeoutMs: number): Promise<string[]> {
  const rows = await db
    .selectFrom("queue_workers")
    .select("pool_id")
    .where("beat_at", "<", dbTime(db, -timeoutMs))
    .execute();
  return rows.map((r) => r.pool_id);
}

/** Forgets pools (stopped, or found dead and their jobs unlocked). */
export async function forgetQueueWorkers(db: Kysely<Database>, poolIds: string[]): Promise<void> {
  if (poolIds.length === 0) return;
  await db.deleteFrom("queue_workers").where("pool_id", "in", poolIds).execute();
}
