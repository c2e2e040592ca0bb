/** @module Classified fetch failures and the operator's robots.txt override, per source. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The failure's stable id (fetch.timeout, fetch.not_allowed, feed.malformed ...), null after a success.
  await db.schema.alterTable("sources").addColumn("last_error_kind", "text").execute();
  // 1 when the operator has chosen to fetch this source's pages even where robots.txt disallows it.
  await db.schema
    .alterTable("sources")
    .addColumn("ignore_robots", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
