/**
 * @module The job queue's worker pools and their heartbeats (PostgreSQL, issue 16): a pool that stops
 * beating (its process was killed) has its jobs unlocked by the others, instead of after
 * graphile-worker's four-hour lock timeout. Created on SQLite too, where nothing uses it, so both
 * databases keep one schema.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("queue_workers")
    .addColumn("pool_id", "text", (c) => c.primaryKey())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("pid", "integer", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("beat_at", "text", (c) => c.notNull())
    .execute();
}
