/** @module Repository for sources: the feeds Newsdesk follows, and their fetch health. */
import type { Kysely } from "kysely";
import type { Database, Source } from "./schema.ts";

/**
 * Adds a source, or returns the existing one with the same URL unchanged (adding twice is not an error).
 * `title` and `siteUrl` are provisional (from an OPML file) until the feed's own are fetched.
 */
export async function insertSource(
  db: Kysely<Database>,
  url: string,
  now: string,
  options: {
    ignoreRobots?: boolean;
    category?: string | null;
    title?: string | null;
    siteUrl?: string | null;
  } = {},
): Promise<{ source: Source; created: boolean }> {
  const inserted = await db
    .insertInto("sources")
    .values({
      url,
      title: options.title ?? null,
      site_url: options.siteUrl ?? null,
      created_at: now,
      next_fetch_at: now,
      error_count: 0,
      ignore_robots: options.ignoreRobots ? 1 : 0,
      category: options.category ?? null,
    })
    .onConflict((oc) => oc.column("url").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { source: inserted, created: true };
  const existing = await db
    .selectFrom("sources")
    .selectAll()
    .where("url", "=", url)
    .executeTakeFirstOrThrow();
  return { source: existing, created: false };
}

export async function findSourceByUrl(db: Kysely<Database>, url: string): Promise<Source | undefined> {
  return db.selectFrom("sources").selectAll().where("url", "=", url).executeTakeFirst();
}

export async function findSourceById(db: Kysely<Database>, id: number): Promise<Source | undefined> {
  return db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listSources(db: Kysely<Database>): Promise<Source[]> {
  return db.selectFrom("sources").selectAll().orderBy("id").execute();
}

/** Active sources whose next fetch time has come, oldest due first (disabled ones wait for a manual retry). */
export async function listDueSources(db: Kysely<Database>, now: string, limit: number): Promise<Source[]> {
  return db
    .selectFrom("sources")
    .selectAll()
    .where("next_fetch_at", "<=", now)
    .where("disabled_at", "is", null)
    .orderBy("next_fetch_at")
    .limit(limit)
    .execute();
}

/** Records a successful fetch: clears the error (and any disabling), stores the feed's own title and validators. */
export async function markSourceFetched(
  db: Kysely<Database>,
  id: number,
  result: {
    now: string;
    nextFetchAt: string;
    pollIntervalMinutes?: number;
    title?: string | null;
    siteUrl?: string | null;
    etag?: string | null;
    lastModified?: string | null;
  },
): Promise<void> {
  await db
    .updateTable("sources")
    .set({
      last_fetched_at: result.now,
      last_success_at: result.now,
      last_error: null,
      last_error_kind: null,
      error_count: 0,
      disabled_at: null,
      next_fetch_at: result.nextFetchAt,
      ...(result.pollIntervalMinutes !== undefined
        ? { poll_interval_minutes: result.pollIntervalMinutes }
        : {}),
      ...(result.title ? { title: result.title } : {}),
      ...(result.siteUrl ? { site_url: result.siteUrl } : {}),
      ...(result.etag !== undefined ? { etag: result.etag } : {}),
      ...(result.lastModified !== undefined ? { last_modified: result.lastModified } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Records a failed fetch with a one-line reason and counts consecutive failures. `disable` marks a
 * source that has failed for too long; it keeps its reason and can be retried by hand.
 */
export async function markSourceFailed(
  db: Kysely<Database>,
  id: number,
  failure: { now: string; nextFetchAt: string; error: string; kind: string; disable?: boolean },
): Promise<void> {
  await db
    .updateTable("sources")
    .set((eb) => ({
      last_fetched_at: failure.now,
      last_error: failure.error,
      last_error_kind: failure.kind,
      error_count: eb("error_count", "+", 1),
      next_fetch_at: failure.nextFetchAt,
      ...(failure.disable ? { disabled_at: eb.fn.coalesce("disabled_at", eb.val(failure.now)) } : {}),
    }))
    .where("id", "=", id)
    .execute();
}
