/**
 * @module `newsdesk quotes --backfill [--all]`: extracts the attributed statements of stored articles
 * (those stored before statements existed, or whose extraction failed; with --all every article, after
 * an upgrade), in id order, each article in its own transaction, so an interrupted run loses nothing
 * and the next one carries on.
 */
import { articleStatements } from "../ingest/article-statements.ts";
import {
  countArticlesForStatements,
  listArticlesForStatements,
  storeArticleStatements,
} from "../storage/statements.ts";
import { startProgress } from "./progress.ts";
import { openRuntime } from "./runtime.ts";

/** Articles read per query: bounded memory at any corpus size. */
const BATCH = 200;

export async function runQuotesBackfill(opts: { all?: boolean }): Promise<void> {
  const rt = await openRuntime({ quiet: true });
  try {
    const db = rt.db.kysely;
    const total = await countArticlesForStatements(db, opts.all);
    const progress = startProgress("statements", total);
    let done = 0;
    let statements = 0;
    let failed = 0;
    let after = 0;
    for (;;) {
      const batch = await listArticlesForStatements(db, after, BATCH, opts.all);
      if (batch.length === 0) break;
      for (const article of batch) {
        const found = articleStatements(article.text, article.outlet, rt.log);
        if (found) {
          await storeArticleStatements(db, article, found, new Date().toISOString());
          statements += found.length;
        } else failed++;
        done++;
        progress.tick();
      }
      after = batch.at(-1)?.id ?? after;
    }
    progress.stop();
    console.log(
      `${done} articles read, ${statements} statements stored${failed > 0 ? `, ${failed} articles failed (kept for the next run)` : ""}`,
    );
  } finally {
    await rt.close();
  }
}
