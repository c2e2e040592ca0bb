/** @module Reads the site's data version, which triggers bump on every write to what pages show. */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** A version number that only grows, and when it last changed (ISO-8601 UTC). */
export interface SiteVersion {
  version: number;
  changedAt: string;
}

/** One indexed single-row read: cheap enough to run a few times a second per process. */
export async function readSiteVersion(db: Kysely<Database>): Promise<SiteVersion> {
  const { rows } = await sql<{
    version: number | string;
    changed_at: string;
  }>`SELECT version, changed_at FROM site_version WHERE id = 1`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("storage: site_version has no row; run `newsdesk migrate`");
  return { version: Number(row.version), changedAt: row.changed_at };
}
