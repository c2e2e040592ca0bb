/**
 * @module The site's data version in shards (issue 16): on PostgreSQL every writer bumped the one
 * row of `site_version`, so concurrent writers' transactions queued behind each other's row lock
 * until commit. Now a transaction bumps the row its transaction id picks (always the same one within
 * a transaction, so it never holds two and cannot deadlock), and readers add the rows up
 * (storage/site-version.ts). The sum only grows, and a write and its bump still commit
 * together, so a reader that sees a version sees the writes that made it. SQLite, one writer at a
 * time, keeps bumping row 1; the other rows exist there too so both databases hold the same rows.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

/** Rows: enough that four to eight writers rarely share one, few enough to sum in microseconds. */
export const SITE_VERSION_SHARDS = 16;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (let id = 2; id <= SITE_VERSION_SHARDS; id++) {
    // Version 0: the sum, the version every reader has seen, stays what it was.
    await sql`INSERT INTO site_version (id, version, changed_at)
      SELECT ${id}, 0, changed_at FROM site_version WHERE id = 1`.execute(db);
  }
  if (dialect !== "postgres") return;
  await sql
    .raw(`CREATE OR REPLACE FUNCTION newsdesk_bump_site_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE site_version SET version = version + 1,
        changed_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        WHERE id = 1 + txid_current() % ${SITE_VERSION_SHARDS};
      RETURN NULL;
    END $$`)
    .execute(db);
}
