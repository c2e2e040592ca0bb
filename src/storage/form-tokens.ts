/** @module Used comment form tokens (migration 0018): one use each, forgotten once they would have expired. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Records the token's nonce as used; false when it was used before (a replayed form). */
export async function useFormToken(db: Kysely<Database>, nonce: string, now: Date): Promise<boolean> {
  const res = await db
    .insertInto("form_tokens_used")
    .values({ nonce, used_at: now.toISOString() })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets nonces used before `before` (their tokens are expired by then); returns how many. */
export async function pruneUsedFormTokens(db: Kysely<Database>, before: Date): Promise<number> {
  const res = await db
    .deleteFrom("form_tokens_used")
    .where("used_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
