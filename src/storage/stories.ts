/** @module Repository for stories: the front page's ranking window, a story's articles, and "also covered by". */
import type { Kysely } from "kysely";
import { type ArticleWithSource, withSource } from "./articles.ts";
import type { Database, Story } from "./schema.ts";

/**
 * The stories whose newest article falls in the `windowHours` before the newest story's, newest
 * first, at most `limit`, and never fewer than `atLeast` while there are that many (a quiet site's
 * front page still has stories to show): the candidates the front page ranks. One read of the
 * recency index, so it costs the same over a thousand articles or a million.
 */
export async function listRecentStories(
  db: Kysely<Database>,
  windowHours: number,
  limit: number,
  atLeast = 0,
): Promise<Story[]> {
  const newest = await db
    .selectFrom("stories")
    .selectAll()
    .orderBy("last_published_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.max(limit, atLeast))
    .execute();
  const first = newest[0];
  if (!first) return [];
  const since = new Date(Date.parse(first.last_published_at) - windowHours * 3_600_000).toISOString();
  const inWindow = newest.filter((s) => s.last_published_at >= since).slice(0, limit);
  return inWindow.length >= atLeast ? inWindow : newest.slice(0, atLeast);
}

export async function findStoryById(db: Kysely<Database>, id: number): Promise<Story | undefined> {
  return db.selectFrom("stories").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every article of the stories in `storyIds`, oldest first (who reported it first, then who followed). */
export async function listStoryArticles(
  db: Kysely<Database>,
  storyIds: readonly number[],
): Promise<ArticleWithSource[]> {
  if (storyIds.length === 0) return [];
  return withSource(db)
    .where("articles.story_id", "in", [...storyIds])
    .orderBy("articles.sort_at", "asc")
    .orderBy("articles.id", "asc")
    .execute();
}

/**
 * Puts `articleIds` into story `storyId` and brings the story's counts and times up to date, in one
 * transaction; stories left empty are deleted. What clustering calls once it has decided.
 */
export async function assignArticlesToStory(
  db: Kysely<Database>,
  storyId: number,
  articleIds: readonly number[],
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom("articles")
      .select("story_id")
      .where("id", "in", [...articleIds])
      .execute();
    await trx
      .updateTable("articles")
      .set({ story_id: storyId })
      .where("id", "in", [...articleIds])
      .execute();
    const touched = new Set<number>([storyId]);
    for (const p of previous) if (p.story_id !== null) touched.add(Number(p.story_id));
    for (const id of touched) {
      const agg = await trx
        .selectFrom("articles")
        .select((eb) => [
          eb.fn.countAll<number>().as("n"),
          eb.fn.count<number>("source_id").distinct().as("sources"),
          eb.fn.max("sort_at").as("last"),
          eb.fn.min("sort_at").as("first"),
        ])
        .where("story_id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(agg.n) === 0) {
        await trx.deleteFrom("stories").where("id", "=", id).execute();
        continue;
      }
      await trx
        .updateTable("stories")
        .set({
          article_count: Number(agg.n),
          source_count: Number(agg.sources),
          last_published_at: String(agg.last),
          first_published_at: String(agg.first),
          updated_at: now.toISOString(),
        })
        .where("id", "=", id)
        .execute();
    }
  });
}

/** Every article's story and reprint link, keyed by guid (`newsdesk stories` reads its answer here). */
export async function listStoryAssignments(
  db: Kysely<Database>,
): Promise<Array<{ id: number; guid: string; story_id: number | null; near_duplicate_of: number | null }>> {
  const rows = await db
    .selectFrom("articles")
    .select(["id", "guid", "story_id", "near_duplicate_of"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    guid: r.guid,
    story_id: r.story_id == null ? null : Number(r.story_id),
    near_duplicate_of: r.near_duplicate_of == null ? null : Number(r.near_duplicate_of),
  }));
}
