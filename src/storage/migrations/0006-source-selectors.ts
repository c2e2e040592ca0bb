/** @module Operator-set CSS selectors per source, applied by the extractor before its own judgement. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Comma-separated CSS selectors: where the article body is, and what to drop from it. Null: automatic.
  await db.schema.alterTable("sources").addColumn("extract_include", "text").execute();
  await db.schema.alterTable("sources").addColumn("extract_exclude", "text").execute();
}
