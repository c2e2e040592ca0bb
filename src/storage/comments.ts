/** @module Repository for comments: what the public pages need until the comments issue adds the rest. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** How many approved comments an article has (pending, spam and trash are never counted or shown). */
export async function countApprovedComments(db: Kysely<Database>, articleId: number): Promise<number> {
  // Reads the (article_id, status) index only.
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
