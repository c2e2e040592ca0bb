/** @module Adaptive polling: each source's learned interval, and when it was disabled after failing for too long. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Minutes between polls as last computed from the feed's publishing rate and hints; null until known.
  await db.schema.alterTable("sources").addColumn("poll_interval_minutes", "integer").execute();
  // Set when the source has failed continuously for NEWSDESK_DISABLE_AFTER_DAYS; the scheduler skips it.
  await db.schema.alterTable("sources").addColumn("disabled_at", "text").execute();
}
