/**
 * @module A source the operator paused (`newsdesk pause`): `paused_at` says when. A paused source also
 * has `disabled_at` set, so everything that leaves a disabled source alone (polling, the queue, pushes,
 * page retries) leaves it alone too; a success no longer clears `disabled_at` while it is paused, and
 * `newsdesk resume` clears both. Null on every existing row.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("sources").addColumn("paused_at", "text").execute();
}
