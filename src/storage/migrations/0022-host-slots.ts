/**
 * @module Per-host politeness across processes (issue 16, PostgreSQL): a host's request slots
 * (NEWSDESK_HOST_CONCURRENCY rows, each held by one request at a time, with a lease that frees it if
 * its process dies) and the earliest time its next request may start (NEWSDESK_HOST_INTERVAL_MS
 * after the last start), shared by every worker on every machine. Times are epoch milliseconds of
 * the database's clock, so machines' clocks never disagree. Created on SQLite too (one process
 * fetches there and keeps its limits in memory), so both databases keep one schema.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("host_slots")
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("slot", "integer", (c) => c.notNull())
    .addColumn("holder", "text")
    .addColumn("held_until", "bigint")
    .addPrimaryKeyConstraint("host_slots_pk", ["host", "slot"])
    .execute();
  await db.schema
    .createTable("host_pace")
    .addColumn("host", "text", (c) => c.primaryKey())
    .addColumn("next_start", "bigint", (c) => c.notNull())
    .execute();
}
