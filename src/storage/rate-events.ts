/**
 * @module Sliding-window rate limits kept in the database, so every web process and machine counts the
 * same events (sign-in attempts, comments per address or email, emails per recipient).
 */
import { type Kysely, sql } from "kysely";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";

export interface RateLimit {
  /** What is limited: "signin-ip", "comment-ip", "comment-email", "mail-to" ... */
  bucket: string;
  /** Who: an IP, a keyed hash of an email (never the address itself). */
  key: string;
  /** Events allowed in the window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more event would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Records one event and says whether it is within the limit. A refused event is not recorded, so a
 * client hammering the limit is let in again as soon as its window has room. Counting and inserting
 * are one step for concurrent callers: on PostgreSQL the transaction first takes an advisory lock on
 * bucket and key (READ COMMITTED alone let 40 concurrent calls with limit 5 admit 10 or more);
 * SQLite's IMMEDIATE transactions already serialize writers.
 */
export async function takeRateToken(db: Kysely<Database>, rule: RateLimit, now: Date): Promise<RateDecision> {
  const since = new Date(now.getTime() - rule.windowMs).toISOString();
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) {
      // Held to commit, so the next caller for this key counts after our insert is visible.
      const lockKey = `${rule.bucket}:${rule.key}`;
      await sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}::text, 0))`.execute(trx);
    }
    const recent = await trx
      .selectFrom("rate_events")
      .select("at")
      .where("bucket", "=", rule.bucket)
      .where("key", "=", rule.key)
      .where("at", ">", since)
      .orderBy("at", "asc")
      .limit(rule.limit)
      .execute();
    if (recent.length >= rule.limit) {
      const oldest = Date.parse(recent[0]?.at ?? now.toISOString());
      const retry = Math.max(1, Math.ceil((oldest + rule.windowMs - now.getTime()) / 1000));
      return { allowed: false, retryAfterSeconds: retry };
    }
    await trx
      .insertInto("rate_events")
      .values({ bucket: rule.bucket, key: rule.key, at: now.toISOString() })
      .execute();
    return { allowed: true, retryAfterSeconds: 0 };
  });
}

/** How many events a key has in the window, without recording one (e.g. failed sign-ins). */
export async function countRateEvents(
  db: Kysely<Database>,
  bucket: string,
  key: string,
  windowMs: number,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom("rate_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("bucket", "=", bucket)
    .where("key", "=", key)
    .where("at", ">", new Date(now.getTime() - windowMs).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records an event without a limit check (a failed sign-in, counted later by `countRateEvents`). */
export async function recordRateEvent(
  db: Kysely<Database>,
  bucket: string,
  key: string,
  now: Date,
): Promise<void> {
  await db.insertInto("rate_events").values({ bucket, key, at: now.toISOString() }).execute();
}

/** Deletes events older than every window (the scheduler calls it now and then). */
export async function pruneRateEvents(db: Kysely<Database>, before: Date): Promise<number> {
  const res = await db.deleteFrom("rate_events").where("at", "<", before.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}
