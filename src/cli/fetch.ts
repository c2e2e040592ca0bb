/** @module `newsdesk fetch`: refresh sources now and print what each one did. */
import type { Command } from "commander";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import type { RefreshReport } from "../ingest/refresh-source.ts";
import { sweepClustering } from "../jobs/clustering-sweep.ts";
import { refreshSources } from "../jobs/scheduler.ts";
import { sharedHostLimits } from "../queue/shared-host-limiter.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, listDueSources, listSources } from "../storage/sources.ts";
import { startProgress } from "./progress.ts";
import { openRuntime } from "./runtime.ts";
import { parseSourceId } from "./source-id.ts";

/** Due sources taken by `fetch --due`, in one list: a command run by hand or from cron. */
const DUE_LIMIT = 10_000;

const demoOrigin = (port: number) => `http://127.0.0.1:${port}`;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function describe(r: RefreshReport): string {
  if (r.error) return `source #${r.sourceId}: failed: ${r.error}`;
  if (r.notModified) return `source #${r.sourceId}: not modified`;
  return `source #${r.sourceId}: ${r.items} items, ${r.added} new`;
}

export function registerFetch(program: Command): void {
  program
    .command("fetch")
    .description(
      "fetch sources now (all of them unless --due or --source), storing new articles; exits with status 1 if any source failed",
    )
    .option("--due", "only sources whose next fetch time has come")
    .option("--source <id>", "only this source", parseSourceId)
    .action(async (opts: { due?: boolean; source?: number }) => {
      // Each failure is printed once, below: the refresh's own warning would repeat it.
      const rt = await openRuntime({ quiet: "errors" });
      const fetcher = fetcherFromConfig(rt.config, sharedHostLimits(rt.db.kysely, rt.config));
      const deps = { db: rt.db.kysely, config: rt.config, log: rt.log, fetcher };
      try {
        let sources: Source[];
        if (opts.source !== undefined) {
          const source = await findSourceById(rt.db.kysely, opts.source);
          if (!source) throw new Error(`there is no source #${opts.source}; \`newsdesk add <url>\` adds one`);
          sources = [source];
        } else if (opts.due) {
          sources = await listDueSources(rt.db.kysely, new Date().toISOString(), DUE_LIMIT);
        } else {
          sources = await listSources(rt.db.kysely);
        }
        // The demo newsroom's feeds are on loopback, reachable only by the `serve --demo` that runs
        // it: fetched from here they would fail and be marked failing.
        const demo = demoOrigin(rt.config.demoPort);
        const skipped: Source[] = [];
        for (const s of sources) {
          if (originOf(s.url) === demo) {
            console.log(
              `source #${s.id}: skipped: a feed of the demo newsroom (${demo}), which \`npm start\` (serve --demo) fetches itself`,
            );
            skipped.push(s);
          } else if (s.paused_at && opts.source === undefined) {
            // Named with --source, a paused source is fetched as asked (and stays paused).
            console.log(`source #${s.id}: skipped: paused; \`newsdesk resume ${s.id}\` resumes it`);
            skipped.push(s);
          }
        }
        const bar = startProgress("fetching", sources.length - skipped.length);
        const reports = await refreshSources(
          sources.filter((s) => !skipped.includes(s)),
          deps,
          () => bar.tick(),
        ).finally(() => bar.stop());
        // What an earlier, killed run left unfiled, and clustering's old rows: nothing else may run
        // the minute's sweep (a fetch from cron, without `serve`).
        await sweepClustering(deps);
        for (const r of reports) console.log(describe(r));
        const failed = reports.filter((r) => r.error).length;
        const added = reports.reduce((n, r) => n + r.added, 0);
        console.log(`${reports.length} sources fetched, ${added} new articles, ${failed} failed`);
        if (opts.due && sources.length === DUE_LIMIT)
          console.log(
            `more than ${DUE_LIMIT} sources were due: run \`newsdesk fetch --due\` again for the rest`,
          );
        if (failed > 0) process.exitCode = 1;
      } finally {
        await fetcher.close();
        await rt.close();
      }
    });
}
