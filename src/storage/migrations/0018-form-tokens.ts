/**
 * @module Comment form tokens used once: the nonce of every token a post has used, kept until the token
 * would have expired anyway (a day), so a form cannot be sent twice with one token.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("form_tokens_used")
    .addColumn("nonce", "text", (c) => c.primaryKey())
    .addColumn("used_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("form_tokens_used_at").on("form_tokens_used").column("used_at").execute();
}
