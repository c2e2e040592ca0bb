/**
 * @module Reads and clean-ups of graphile-worker's job table (PostgreSQL only) that its API does not
 * offer, in the queue's schema (queue/queue-schema.ts).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** Which of `keys` belong to a job running (locked by a worker) now. */
export async function runningJobKeys(
  db: Kysely<Database>,
  schema: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`
    SELECT key FROM ${sql.id(schema)}.jobs
    WHERE key = ANY(${[...keys]}::text[]) AND locked_at IS NOT NULL`.execute(db);
  return new Set(rows.map((r) => r.key));
}

/**
 * Deletes jobs graphile-worker set aside when a job of the same key was queued while they ran (it
 * takes their key and marks them failed for good, to be deleted when they complete): one whose
 * worker was killed before completing stays so forever. Every job of ours has a key, so a keyless
 * one failed for good was set aside; an hour after its last change, its worker is long gone.
 */
export async function deleteSetAsideJobs(db: Kysely<Database>, schema: string): Promise<void> {
  await sql`SELECT id FROM ${sql.id(schema)}.complete_jobs(array(
      SELECT id FROM ${sql.id(schema)}.jobs
      WHERE key IS NULL AND attempts >= max_attempts AND locked_at IS NULL
        AND updated_at < now() - interval '1 hour'))`.execute(db);
}
