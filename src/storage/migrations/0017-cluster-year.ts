/**
 * @module The year each clustered report names in its opening (`features.ts` `year`), kept with its
 * clustering features: for input without publication times, a story's reports' years are the time
 * signal a new report is compared with (`stories/assign.ts` YEAR_GAP). Null for reports filed before
 * this migration and for texts that name no year.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("cluster_features").addColumn("year", "integer").execute();
}
