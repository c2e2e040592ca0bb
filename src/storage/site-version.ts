/** @module Reads the site's data version, which triggers bump on every write to what pages show. */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** A version number that only grows, and when it last changed (ISO-8601 UTC). */
export interface SiteVersion {
  version: number;
  changedAt: string;
}

/**
 * The sum of the version's shards (migration 0020: writers bump different rows, so none waits on
 * another's) and the latest change: a read of 16 small rows, cheap enough to run a few times a
 * second per process.
 */
export async function readSiteVersion(db: Kysely<Database>): Promise<SiteVersion> {
  const { rows } = await sql<{
    version: number | string | null;
    changed_at: string | null;
  }>`SELECT sum(version) AS version, max(changed_at) AS changed_at FROM site_version`.execute(db);
  const row = rows[0];
  if (!row || row.version === null || row.changed_at === null)
    throw new Error("storage: site_version has no row; run `newsdesk migrate`");
  return { version: Number(row.version), changedAt: row.changed_at };
}
