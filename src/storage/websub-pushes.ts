/** @module WebSub pushes kept between the web process that received them and the process that stores them. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface StoredPush {
  id: number;
  sourceId: number;
  body: Buffer;
  contentType: string | null;
}

/** Keeps a signed push's body for the fetcher or a worker. */
export async function keepPush(
  db: Kysely<Database>,
  push: { sourceId: number; body: Buffer; contentType: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto("websub_pushes")
    .values({
      source_id: push.sourceId,
      body: push.body,
      content_type: push.contentType,
      received_at: now.toISOString(),
    })
    .execute();
}

/** The oldest pushes waiting after `afterId`, at most `limit`. */
export async function waitingPushes(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<StoredPush[]> {
  const rows = await db
    .selectFrom("websub_pushes")
    .select(["id", "source_id", "body", "content_type"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    sourceId: Number(r.source_id),
    body: Buffer.from(r.body),
    contentType: r.content_type,
  }));
}

/** Forgets a push once its items are stored (or it proved unreadable). */
export async function dropPush(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("websub_pushes").where("id", "=", id).execute();
}
