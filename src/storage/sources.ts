/** @module Repository for sources: the feeds Newsdesk follows, and their fetch health. */
import { type Kysely, sql } from "kysely";
import type { Database, DisplayMode, Source, SourceLabels, WebsubState } from "./schema.ts";

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

/** Records a successful fetch: clears the error (and a disabling for failures, not a pause), stores the feed's own title and validators. */
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
      // A success re-enables a source disabled for failing, not one the operator paused meanwhile.
      disabled_at: sql<string | null>`CASE WHEN paused_at IS NULL THEN NULL ELSE disabled_at END`,
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

/**
 * Records a WebSub subscription request before it is sent (a hub may verify before it answers):
 * the hub and topic, the secret and callback token handed over, the state meanwhile, and when.
 */
export async function markWebsubRequested(
  db: Kysely<Database>,
  id: number,
  request: { hub: string; topic: string; secret: string; token: string; state: WebsubState; now: string },
): Promise<void> {
  await db
    .updateTable("sources")
    .set({
      websub_hub: request.hub,
      websub_topic: request.topic,
      websub_secret: request.secret,
      websub_token: request.token,
      websub_state: request.state,
      websub_requested_at: request.now,
      websub_error: null,
    })
    .where("id", "=", id)
    .execute();
}

/** A subscription request failed (unreachable hub, refusal): the state stays, the reason is kept. */
export async function markWebsubFailed(db: Kysely<Database>, id: number, error: string): Promise<void> {
  await db.updateTable("sources").set({ websub_error: error }).where("id", "=", id).execute();
}

/**
 * The hub verified the subscription: pushes are expected until `leaseUntil`. The next poll is moved
 * no later than that, so polling resumes when the lease ends even if it was planned for after.
 */
export async function markWebsubActive(db: Kysely<Database>, id: number, leaseUntil: string): Promise<void> {
  await db
    .updateTable("sources")
    .set((eb) => ({
      websub_state: "active",
      websub_lease_until: leaseUntil,
      websub_error: null,
      next_fetch_at: eb
        .case()
        .when("next_fetch_at", ">", leaseUntil)
        .then(eb.val(leaseUntil))
        .else(eb.ref("next_fetch_at"))
        .end(),
    }))
    .where("id", "=", id)
    .execute();
}

/** The hub refused the subscription (or ended it); the source is polled as usual. */
export async function markWebsubDenied(db: Kysely<Database>, id: number, reason: string): Promise<void> {
  await db
    .updateTable("sources")
    .set({ websub_state: "denied", websub_lease_until: null, websub_error: reason })
    .where("id", "=", id)
    .execute();
}

/**
 * The lease ended without a renewal; the source is polled as usual until it is subscribed again.
 * Only a lease that has really passed is ended, in case a renewal was verified meanwhile.
 */
export async function markWebsubExpired(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable("sources")
    .set({ websub_state: "expired" })
    .where("id", "=", id)
    .where("websub_state", "=", "active")
    .where("websub_lease_until", "<=", now)
    .execute();
}

/** An operator's per-source settings: extraction selectors (null clears one) and the robots.txt override. */
export async function updateSourceSettings(
  db: Kysely<Database>,
  id: number,
  settings: {
    extractInclude?: string | null;
    extractExclude?: string | null;
    ignoreRobots?: boolean;
    displayMode?: DisplayMode;
  },
): Promise<boolean> {
  const changes = {
    ...(settings.extractInclude !== undefined ? { extract_include: settings.extractInclude } : {}),
    ...(settings.extractExclude !== undefined ? { extract_exclude: settings.extractExclude } : {}),
    ...(settings.ignoreRobots !== undefined ? { ignore_robots: settings.ignoreRobots ? 1 : 0 } : {}),
    ...(settings.displayMode !== undefined ? { display_mode: settings.displayMode } : {}),
  };
  // Nothing to change is no SQL error: the answer is only whether the source exists.
  if (Object.keys(changes).length === 0) return (await findSourceById(db, id)) !== undefined;
  const result = await db.updateTable("sources").set(changes).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A source with how many articles it has stored, for the public list of sources. */
export type SourceWithCount = Source & { article_count: number };

/**
 * Every source, alphabetically by title (then URL), with its article count. The count is one
 * grouped scan of the (source_id, guid) index; the sources page is cached, so this stays cheap.
 */
export async function listSourcesWithCounts(db: Kysely<Database>): Promise<SourceWithCount[]> {
  const [sources, counts] = await Promise.all([
    db.selectFrom("sources").selectAll().execute(),
    db
      .selectFrom("articles")
      .select(["source_id", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("source_id")
      .execute(),
  ]);
  const bySource = new Map(counts.map((c) => [Number(c.source_id), Number(c.n)]));
  return sources
    .map((s) => ({ ...s, article_count: bySource.get(s.id) ?? 0 }))
    .sort((a, b) => (a.title ?? a.url).localeCompare(b.title ?? b.url) || a.id - b.id);
}

/** An operator's labels on a source (checked by config/source-labels.ts); none stores null. */
export async function updateSourceLabels(
  db: Kysely<Database>,
  id: number,
  labels: SourceLabels,
): Promise<boolean> {
  const json = Object.keys(labels).length > 0 ? JSON.stringify(labels) : null;
  const result = await db
    .updateTable("sources")
    .set({ labels: json })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Makes the sources with these feed URLs due at `now`, so the scheduler's next pass polls them. */
export async function markSourcesDue(
  db: Kysely<Database>,
  urls: readonly string[],
  now: string,
): Promise<void> {
  if (urls.length === 0) return;
  await db
    .updateTable("sources")
    .set({ next_fetch_at: now })
    .where("url", "in", [...urls])
    .execute();
}

/**
 * Pauses source `id` (operator's choice): nothing is fetched from it until `resumeSource`; its
 * articles stay published. Returns false when there is no such source.
 */
export async function pauseSource(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("sources")
    .set((eb) => ({
      paused_at: eb.fn.coalesce("paused_at", eb.val(now)),
      disabled_at: eb.fn.coalesce("disabled_at", eb.val(now)),
    }))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Resumes source `id`, paused or disabled after failing for too long: fetched again from now (its
 * failure count kept until it succeeds). Returns false when there is no such source.
 */
export async function resumeSource(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("sources")
    .set({ paused_at: null, disabled_at: null, next_fetch_at: now })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
