/**
 * @module Articles left in no story, filed: a process stopped between an insert's two transactions
 * (storage/articles.ts `insertArticle`) leaves its article stored but unfiled. The minute's sweep
 * (jobs/clustering-sweep.ts) files it as ingest would have: its clustering features (and its
 * statements, unless its writer wrote them) read from the stored text by the same functions, then
 * `fileArticle`, which files an article once however many try.
 */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { Logger } from "../log.ts";
import { fileArticle, listUnfiledArticles, type UnfiledArticle } from "../storage/article-filing.ts";
import type { Database } from "../storage/schema.ts";
import { articleStatements } from "./article-statements.ts";
import { clusterRequest } from "./cluster-request.ts";

/**
 * An article stored this long ago and still in no story was left by its writer: a live one files it
 * right after storing it, within milliseconds, or seconds when many writers queue for the filing
 * lock. Filing it sooner would be harmless (it is filed once) but would do the writer's work twice.
 */
export const UNFILED_GRACE_MS = 60_000;
/** Unfiled articles read per query: bounded memory after a crash that left many. */
const BATCH = 100;

export interface FileUnfiledDeps {
  db: Kysely<Database>;
  config: Pick<Config, "storyWindowHours">;
  log: Pick<Logger, "warn">;
  now?: () => Date;
}

/**
 * Files every article stored more than `graceMs` ago that is in no story, in id order, each in a
 * transaction of its own. One that fails is logged and left for the next sweep, after the others.
 */
export async function fileUnfiledArticles(
  deps: FileUnfiledDeps,
  graceMs = UNFILED_GRACE_MS,
): Promise<{ filed: number; failed: number }> {
  let filed = 0;
  let failed = 0;
  let after = 0;
  for (;;) {
    const now = deps.now?.() ?? new Date();
    const before = new Date(now.getTime() - graceMs).toISOString();
    const batch = await listUnfiledArticles(deps.db, before, after, BATCH);
    if (batch.length === 0) break;
    for (const article of batch) {
      try {
        if ((await fileOne(deps, article, now.toISOString())) !== null) filed++;
      } catch (err) {
        failed++;
        deps.log.warn(
          { article_id: article.id, error: String((err as Error).message).slice(0, 300) },
          "unfiled article not filed; the next sweep tries again",
        );
      }
    }
    after = batch.at(-1)?.id ?? after;
  }
  return { filed, failed };
}

function fileOne(deps: FileUnfiledDeps, article: UnfiledArticle, now: string): Promise<number | null> {
  // Its writer may have written its statements before it stopped.
  const statements =
    article.statements_at === null ? articleStatements(article.text, article.outlet, deps.log) : undefined;
  return fileArticle(
    deps.db,
    { id: article.id, sourceId: article.source_id, title: article.title, sortAt: article.sort_at },
    {
      cluster: clusterRequest(article, deps.config),
      ...(statements ? { statements: { of: article.text, list: statements } } : {}),
    },
    now,
  );
}
