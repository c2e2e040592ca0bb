/** @module The moderation queue's size, for the email that tells moderators comments wait. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** How many comments wait for a moderator (status pending), on every article. */
export async function countPendingComments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
