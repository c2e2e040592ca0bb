/**
 * @module Host slots and pacing in the database (migration 0022), PostgreSQL only: every statement
 * reads the database's clock, so processes on machines whose clocks differ still agree.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** Makes sure `host` has `count` slot rows (more rows than the setting are never used). */
export async function ensureHostSlots(db: Kysely<Database>, host: string, count: number): Promise<void> {
  await sql`INSERT INTO host_slots (host, slot)
    SELECT ${host}, g FROM generate_series(0, ${count - 1}) AS g
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * Takes a free slot of `host` among the first `count` (free: never held, released, or its lease ran
 * out) for `holder`, for `leaseMs`; null when all are held. Two takers never get one slot: the row is
 * locked, and rows another taker has locked are skipped.
 */
export async function takeHostSlot(
  db: Kysely<Database>,
  host: string,
  count: number,
  holder: string,
  leaseMs: number,
): Promise<number | null> {
  const { rows } = await sql<{ slot: number }>`
    UPDATE host_slots SET holder = ${holder}, held_until = ${NOW_MS} + ${leaseMs}
    WHERE (host, slot) = (
      SELECT host, slot FROM host_slots
      WHERE host = ${host} AND slot < ${count} AND (holder IS NULL OR held_until < ${NOW_MS})
      ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING slot`.execute(db);
  return rows[0] ? Number(rows[0].slot) : null;
}

/**
 * Extends `holder`'s lease on a slot it holds to `leaseMs` from now; false when the slot is no longer
 * its own (the lease ran out and another took it).
 */
export async function renewHostSlot(
  db: Kysely<Database>,
  host: string,
  slot: number,
  holder: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await sql`UPDATE host_slots SET held_until = ${NOW_MS} + ${leaseMs}
    WHERE host = ${host} AND slot = ${slot} AND holder = ${holder}`.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Frees a slot `holder` took (a slot whose lease ran out and was taken by another stays theirs). */
export async function releaseHostSlot(db: Kysely<Database>, host: string, slot: number, holder: string) {
  await sql`UPDATE host_slots SET holder = NULL, held_until = NULL
    WHERE host = ${host} AND slot = ${slot} AND holder = ${holder}`.execute(db);
}

/**
 * Starts a request on `host` now if the last start was at least `intervalMs` ago, recording this one:
 * 0. Otherwise how many milliseconds remain, and nothing is recorded (ask again then). Claimed at the
 * moment of starting, not reserved ahead, so a process whose timer fires late never lets the next
 * start crowd it.
 */
export async function claimHostStart(
  db: Kysely<Database>,
  host: string,
  intervalMs: number,
): Promise<number> {
  await sql`INSERT INTO host_pace (host, next_start) VALUES (${host}, 0) ON CONFLICT DO NOTHING`.execute(db);
  const claimed = await sql`UPDATE host_pace SET next_start = ${NOW_MS} + ${intervalMs}
    WHERE host = ${host} AND next_start <= ${NOW_MS}`.execute(db);
  if (Number(claimed.numAffectedRows ?? 0n) > 0) return 0;
  const { rows } = await sql<{ wait_ms: number | string }>`
    SELECT greatest(1, next_start - ${NOW_MS}) AS wait_ms FROM host_pace WHERE host = ${host}`.execute(db);
  return Number(rows[0]?.wait_ms ?? 1);
}
