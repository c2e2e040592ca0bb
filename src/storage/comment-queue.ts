/**
 * @module The moderation queue's sizes: pending for the moderators' email, every status for the
 * moderation page's tabs, and which of some comments are in given statuses.
 */
import type { Kysely } from "kysely";
import type { CommentStatus, Database } from "./schema.ts";

/** How many comments wait for a moderator (status pending), on every article. */
export async function countPendingComments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many comments each status holds (statuses with none are 0). One grouped query. */
export async function countCommentsByStatus(db: Kysely<Database>): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom("comments")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Those of `ids` whose comment is in one of `statuses` (missing ids are left out). */
export async function idsInStatus(
  db: Kysely<Database>,
  ids: readonly number[],
  statuses: readonly CommentStatus[],
): Promise<number[]> {
  if (ids.length === 0 || statuses.length === 0) return [];
  const rows = await db
    .selectFrom("comments")
    .select("id")
    .where("id", "in", [...ids])
    .where("status", "in", [...statuses])
    .execute();
  return rows.map((r) => Number(r.id));
}
