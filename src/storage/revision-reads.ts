/** @module An article's earlier versions as its page shows them: the headlines it had, oldest first. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** The headlines article `articleId` had before its publisher changed them, oldest first, without bodies. */
export async function listArticleRevisions(
  db: Kysely<Database>,
  articleId: number,
): Promise<Array<{ title: string; replaced_at: string }>> {
  return db
    .selectFrom("article_revisions")
    .select(["title", "replaced_at"])
    .where("article_id", "=", articleId)
    .orderBy("replaced_at", "asc")
    .orderBy("id", "asc")
    .execute();
}
