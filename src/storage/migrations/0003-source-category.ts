/** @module A category per source: the folder it sits in, from an OPML import or the operator. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The folder path, outermost first, joined with "/" ("News/Local"); null when the source has none.
  await db.schema.alterTable("sources").addColumn("category", "text").execute();
}
