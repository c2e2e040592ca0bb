/**
 * @module Filing a stored article into a story, and writing its statements: what follows an insert's
 * first transaction (storage/articles.ts `insertArticle`), which stores the article and what comes
 * with it in parallel with other writers. Its statements are written in a transaction of their own,
 * serialized with other statement writers, then the article is filed (by clustering, else a story of
 * one) in one serialized with other filings: a worker writing one article's statements while another
 * files the next. An article whose writer stopped before filing it keeps `story_id` NULL until the
 * minute's sweep (ingest/file-unfiled.ts) files it the same way, its statements too if none were
 * written.
 */
import type { Kysely, Transaction } from "kysely";
import { clusterCacheFor, forgetClusterCache } from "./cluster-cache.ts";
import {
  type ClusterRequest,
  clusterInsertedArticle,
  refreshStorySummary,
  summarizeStory,
} from "./clustering.ts";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";
import { replaceArticleStatements, type StatementInput } from "./statements.ts";
import { takeWriterLocks } from "./writer-locks.ts";

/** A stored article to be filed, as its insert (or the sweep) knows it. */
export interface ArticleToFile {
  id: number;
  sourceId: number;
  title: string;
  /** Its sort time (storage/articles.ts sortTime). */
  sortAt: string;
}

/**
 * An article's attributed statements, with the text they were read from: written unless that text is
 * no longer the article's (a publisher's edit came in between, and wrote its own) or statements were
 * written since.
 */
export interface StatementsOf {
  of: string;
  list: readonly StatementInput[];
}

/** How to file it. */
export interface FilingRequest {
  /** File it by clustering; without it, it starts a story of one. */
  cluster?: ClusterRequest;
  /** Its statements, written in the filing's transaction (the sweep's way; an insert writes them before). */
  statements?: StatementsOf;
}

/**
 * Writes a stored article's statements (see StatementsOf) in a transaction of its own, under the
 * statement writers' lock (writer-locks.ts). Returns whether they were written.
 */
export async function writeArticleStatements(
  db: Kysely<Database>,
  article: Pick<ArticleToFile, "id" | "sortAt">,
  statements: StatementsOf,
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await takeWriterLocks(trx, { statements: true });
    if (!(await stillUnread(trx, article.id, statements.of))) return false;
    await replaceArticleStatements(trx, article.id, article.sortAt, statements.list, now);
    return true;
  });
}

/**
 * Files article `article` into a story (and writes `request.statements`), in one transaction whose
 * first statements take clustering's lock (and the statement writers' before it, with statements)
 * and its site_version shard (writer-locks.ts). Nothing happens if the article is gone or already
 * filed (the sweep and a slow writer both got to it): the check is made under the lock, so it is
 * filed once. `now` is the filing time. A clustered story's summary is refreshed, on PostgreSQL, after
 * the commit in a transaction of its own (`summarizeStory`), so clustering's lock is not held for it;
 * on SQLite, whose one writer waits either way, at the end of the filing's transaction. Returns
 * the story's id, or null when nothing was filed.
 */
export async function fileArticle(
  db: Kysely<Database>,
  article: ArticleToFile,
  request: FilingRequest,
  now: string,
): Promise<number | null> {
  let summarizeAfterCommit: number | null = null;
  let summarizeInside: number | null = null;
  try {
    const filed = await db.transaction().execute(async (trx) => {
      await takeWriterLocks(trx, { statements: request.statements !== undefined, clustering: true });
      const row = await trx
        .selectFrom("articles")
        .select("story_id")
        .where("id", "=", article.id)
        .executeTakeFirst();
      if (!row || row.story_id !== null) return null;
      let storyId: number;
      if (request.cluster) {
        const filed = {
          id: article.id,
          sourceId: article.sourceId,
          at: article.sortAt,
          title: article.title,
        };
        storyId = await clusterInsertedArticle(trx, clusterCacheFor(db), filed, request.cluster, now);
        // SQLite has one writer, so no lock is held longer for it: the summary joins the filing's
        // commit (one commit's pages fewer). PostgreSQL refreshes it after, outside clustering's lock.
        if (isPostgres(trx)) summarizeAfterCommit = storyId;
        else summarizeInside = storyId;
      } else {
        const story = await trx
          .insertInto("stories")
          .values({
            title: article.title,
            last_published_at: article.sortAt,
            first_published_at: article.sortAt,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        storyId = Number(story.id);
        await trx.updateTable("articles").set({ story_id: storyId }).where("id", "=", article.id).execute();
      }
      const statements = request.statements;
      if (statements && (await stillUnread(trx, article.id, statements.of)))
        await replaceArticleStatements(trx, article.id, article.sortAt, statements.list, now);
      // Should it fail, the filing rolls back with it and the minute's sweep files the article again.
      if (summarizeInside !== null) await refreshStorySummary(trx, summarizeInside, now, clusterCacheFor(db));
      return storyId;
    });
    // After the commit, outside clustering's lock: a summary reads only what is committed.
    if (summarizeAfterCommit !== null)
      await summarizeStory(db, summarizeAfterCommit, now, clusterCacheFor(db));
    return filed;
  } catch (err) {
    forgetClusterCache(db);
    throw err;
  }
}

/** Whether article `id` still has text `text` (compared in the database) and no statements written. */
async function stillUnread(trx: Transaction<Database>, id: number, text: string): Promise<boolean> {
  const row = await trx
    .selectFrom("articles")
    .select("id")
    .where("id", "=", id)
    .where("statements_at", "is", null)
    .where("text", "=", text)
    .executeTakeFirst();
  return row !== undefined;
}

/** An article left unfiled, with what filing it needs. */
export interface UnfiledArticle {
  id: number;
  source_id: number;
  title: string;
  text: string;
  language: string | null;
  published_at: string | null;
  sort_at: string;
  created_at: string;
  /** Its source's name: the outlet its statements' own sourcing is told apart from. */
  outlet: string | null;
  /** Set when its statements were written before its writer stopped. */
  statements_at: string | null;
}

/**
 * Up to `limit` articles after id `afterId` in no story, stored before `storedBefore` (ISO-8601), in id
 * order: those whose writer stopped between storing and filing them.
 */
export async function listUnfiledArticles(
  db: Kysely<Database>,
  storedBefore: string,
  afterId: number,
  limit: number,
): Promise<UnfiledArticle[]> {
  const rows = await db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select([
      "articles.id",
      "articles.source_id",
      "articles.title",
      "articles.text",
      "articles.language",
      "articles.published_at",
      "articles.sort_at",
      "articles.created_at",
      "articles.statements_at",
      "sources.title as outlet",
    ])
    .where("articles.story_id", "is", null)
    .where("articles.created_at", "<", storedBefore)
    .where("articles.id", ">", afterId)
    .orderBy("articles.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), source_id: Number(r.source_id) }));
}
