/**
 * @module `newsdesk reextract [--source N] [--since DATE]`: rebuilds stored articles from their kept
 * pages with today's extractor (after an upgrade, or after changing a source's include/exclude
 * selectors): bodies, metadata and statements, each article in its own transaction, so an interrupted
 * run loses nothing. Articles whose page was not kept (older than NEWSDESK_PAGE_ARCHIVE_DAYS, larger
 * than the cap, or stored from feed text alone) are left as they are.
 */
import { type Command, InvalidArgumentError } from "commander";
import { reextractArticle } from "../ingest/reextract.ts";
import { countKeptPages, listKeptPages, type PageFilter } from "../storage/article-pages.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, listSources } from "../storage/sources.ts";
import { startProgress } from "./progress.ts";
import { openRuntime } from "./runtime.ts";
import { parseSourceId } from "./source-id.ts";

/** Kept pages read per query: bounded memory at any archive size. */
const BATCH = 50;

function parseSince(value: string): string {
  const ms = Date.parse(value.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(ms))
    throw new InvalidArgumentError(`give a date as YYYY-MM-DD (or an ISO-8601 time), not "${value}"`);
  return new Date(ms).toISOString();
}

interface ReextractOptions {
  source?: number;
  since?: string;
}

async function runReextract(opts: ReextractOptions): Promise<void> {
  const rt = await openRuntime({ quiet: true });
  try {
    const db = rt.db.kysely;
    if (opts.source !== undefined && !(await findSourceById(db, opts.source)))
      throw new Error(`reextract: there is no source ${opts.source} (see \`newsdesk sources\`)`);
    const sources = new Map<number, Source>((await listSources(db)).map((s) => [s.id, s]));
    const filter: PageFilter = {
      ...(opts.source !== undefined ? { sourceId: opts.source } : {}),
      ...(opts.since !== undefined ? { since: opts.since } : {}),
    };
    const total = await countKeptPages(db, filter);
    const progress = startProgress("re-extracting", total);
    const counts = { changed: 0, unchanged: 0, gone: 0, failed: 0 };
    let after = 0;
    for (;;) {
      const batch = await listKeptPages(db, filter, after, BATCH);
      if (batch.length === 0) break;
      for (const page of batch) {
        const source = sources.get(page.sourceId);
        const outcome = source
          ? await reextractArticle(
              page,
              source,
              { db, config: rt.config, log: rt.log },
              new Date().toISOString(),
            )
          : "gone";
        counts[outcome]++;
        progress.tick();
      }
      after = batch.at(-1)?.articleId ?? after;
    }
    progress.stop();
    const read = counts.changed + counts.unchanged + counts.gone + counts.failed;
    console.log(
      `${read} kept pages read: ${counts.changed} articles rebuilt, ${counts.unchanged} unchanged` +
        (counts.failed > 0 ? `, ${counts.failed} could not be re-extracted (see the log)` : "") +
        (counts.gone > 0 ? `, ${counts.gone} gone meanwhile` : ""),
    );
  } finally {
    await rt.close();
  }
}

export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description(
      "rebuild stored articles (body, metadata, who said what) from their kept pages with the current extractor and each source's selectors",
    )
    .option("--source <id>", "only this source's articles", parseSourceId)
    .option("--since <date>", "only articles published (else fetched) on or after this date", parseSince)
    .action((opts: ReextractOptions) => runReextract(opts));
}
