/**
 * @module A story's postings live as long as the story (clustering.ts): a report is posted only under
 * the index terms its story lacks, so the story's only posting of a term may be its first report's,
 * which must outlast that report's own clustering row. Postings are found by story (pruned with their
 * story's row, moved by a merge) through `cluster_postings_story`. `cluster_state.prune_epoch` counts
 * the prunings that deleted reports' rows, so a process's cached lists of a story's reports are read
 * again after one (cluster-cache.ts).
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex("cluster_postings_story").on("cluster_postings").column("story_id").execute();
  await db.schema
    .alterTable("cluster_state")
    .addColumn("prune_epoch", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
