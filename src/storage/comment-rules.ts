/** @module Repository for moderation rules: blocked words, emails, IPs and networks, each holding or marking spam. */
import type { Kysely } from "kysely";
import type { CommentRulesTable, Database } from "./schema.ts";

export interface StoredRule {
  id: number;
  kind: CommentRulesTable["kind"];
  value: string;
  action: CommentRulesTable["action"];
  created_at: string;
}

/** Every rule, oldest first (a site has tens, not thousands: each comment is checked against all). */
export async function listRules(db: Kysely<Database>): Promise<StoredRule[]> {
  const rows = await db.selectFrom("comment_rules").selectAll().orderBy("id").execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Adds a rule, or changes the action of the same kind+value; emails and words are stored lower-cased.
 * The caller validates `value` (an IP, a CIDR network) before.
 */
export async function addRule(
  db: Kysely<Database>,
  rule: { kind: CommentRulesTable["kind"]; value: string; action: CommentRulesTable["action"] },
  now: Date,
): Promise<void> {
  const value =
    rule.kind === "email" || rule.kind === "word" ? rule.value.trim().toLowerCase() : rule.value.trim();
  await db
    .insertInto("comment_rules")
    .values({ kind: rule.kind, value, action: rule.action, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["kind", "value"]).doUpdateSet({ action: rule.action }))
    .execute();
}

export async function removeRule(db: Kysely<Database>, id: number): Promise<boolean> {
  const res = await db.deleteFrom("comment_rules").where("id", "=", id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
