/** @module The lead image's width and height when the page declared them, so pages reserve its box (no layout shift). */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("lead_image_width", "integer").execute();
  await db.schema.alterTable("articles").addColumn("lead_image_height", "integer").execute();
}
