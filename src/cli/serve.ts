/**
 * @module `newsdesk serve`: the website and the background fetcher. The fetcher (fetching, ingest,
 * email, housekeeping) is a process of its own (fetcher-process.ts), so the process that accepts
 * connections never parses a feed; with NEWSDESK_WEB_WORKERS other than 1, web workers share the
 * port (cluster.ts).
 */

import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import type { RefreshDeps } from "../ingest/refresh-source.ts";
import { storeWaitingPushes } from "../ingest/websub-push.ts";
import { startBackgroundJobs } from "../jobs/background.ts";
import { CLUSTERING_SWEEP_TICK_MS, describeSweep, sweepClustering } from "../jobs/clustering-sweep.ts";
import { hourlyHousekeeping } from "../jobs/housekeeping.ts";
import { PAGE_RETRY_TICK_MS, retryDuePages } from "../jobs/page-retries.ts";
import { repeatEvery } from "../jobs/repeat.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { startQueueWorker } from "../queue/pg-worker.ts";
import { sharedHostLimits } from "../queue/shared-host-limiter.ts";
import { isPostgres } from "../storage/db.ts";
import { markSourcesDue } from "../storage/sources.ts";
import { startWebWorkers } from "./cluster.ts";
import { isFetcherProcess, startFetcherProcess } from "./fetcher-process.ts";
import { openRuntime } from "./runtime.ts";

interface ServeOptions {
  demo?: boolean;
  fetch: boolean;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the website and fetch sources in the background (HOST, PORT, NEWSDESK_WEB_WORKERS)")
    .option("--demo", "also start the offline demo newsroom and follow its feeds")
    .option("--no-fetch", "serve only; do not fetch sources or send queued email in this process")
    .action(serve);
}

async function serve(opts: ServeOptions): Promise<void> {
  if (isFetcherProcess()) return runFetcher();
  // A worker was forked with the same arguments: it serves pages and leaves fetching to the primary.
  const worker = cluster.isWorker;
  const rt = await openRuntime();
  const { config, log } = rt;
  // Background work (fetching, email, housekeeping) runs in one process of its own, forked by the
  // primary, unless --no-fetch.
  const background = opts.fetch && !worker;
  // Made before listening, so a bad NEWSDESK_SMTP_URL stops `serve` at start with its message.
  if (background) createMailer(config)?.close();
  const workers = config.webWorkers === 0 ? availableParallelism() : config.webWorkers;
  const clustered = !worker && workers > 1;
  // Loaded only when asked for, so production installs never touch the demo content.
  const demo = opts.demo && !worker ? await (await import("./demo-newsroom.ts")).startDemoNewsroom(rt) : null;

  let stopWeb: () => Promise<void>;
  let port: number;
  if (clustered) {
    const web = startWebWorkers(workers, log);
    stopWeb = web.stop;
    port = await web.listening;
  } else {
    // Loaded here, not at the top: the fetcher and a clustered primary serve no pages, and the web
    // app is most of a process's memory at start.
    const { buildApp } = await import("../web/app.tsx");
    const app = buildApp({ db: rt.db.kysely, config, log });
    await app.listen({ host: config.host, port: config.port });
    stopWeb = () => app.close();
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : config.port;
  }
  if (!worker) {
    log.info(
      { url: `http://${config.host}:${port}/`, workers: clustered ? workers : 1 },
      "newsdesk is serving",
    );
    console.log(`Newsdesk is running at http://${config.host}:${port}/`);
  }
  const fetcherProcess = background
    ? startFetcherProcess(
        log,
        demo
          ? {
              [DEMO_ORIGIN_ENV]: JSON.stringify({
                baseUrl: demo.baseUrl,
                feeds: demo.feeds.map((f) => f.feedUrl),
              }),
            }
          : {},
      )
    : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (!worker) log.info({ signal }, "shutting down");
    // Both at once: the fetcher must hear it is being stopped before it can exit (systemd's default
    // kill mode signals every process of the group), or its exit would look like a crash to restart.
    await Promise.all([stopWeb(), fetcherProcess?.stop()]);
    await demo?.close();
    await rt.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  // A worker whose primary is gone would serve nobody: stop with it.
  if (worker) cluster.worker?.once("disconnect", () => void shutdown("disconnect"));
}

/** How often the fetcher looks for kept WebSub pushes on SQLite (one indexed read when there are none). */
const PUSH_TICK_MS = 2_000;

/** SQLite's way to run the work: the scheduler's, pushes', page retries', the clustering sweep's and background jobs' timers, in this process. */
function startTimers(
  deps: RefreshDeps,
  mailer: Mailer | null,
): { runNow(): Promise<void>; stop(): Promise<void> } {
  const scheduler = startScheduler(deps);
  // WebSub pushes the web process kept: looked for often, since a push is news the hub just sent.
  const pushes = repeatEvery(
    "websub pushes",
    PUSH_TICK_MS,
    async () => {
      await storeWaitingPushes(deps);
    },
    deps.log,
  );
  // Article pages that failed for a passing reason, fetched again once their back-off is over.
  const pageRetries = repeatEvery(
    "page retries",
    PAGE_RETRY_TICK_MS,
    async () => {
      await retryDuePages(deps);
    },
    deps.log,
  );
  // Articles a killed process left in no story filed, and stories it left unsummarized; clustering's old rows pruned.
  const clusteringSweep = repeatEvery(
    "clustering sweep",
    CLUSTERING_SWEEP_TICK_MS,
    async () => {
      const repaired = describeSweep(await sweepClustering(deps));
      if (repaired) deps.log.info(repaired);
    },
    deps.log,
  );
  const jobs = startBackgroundJobs({
    db: deps.db,
    log: deps.log,
    mailer,
    hourly: hourlyHousekeeping(deps.db, deps.config),
  });
  return {
    runNow: () => scheduler.runNow(),
    async stop() {
      await scheduler.stop();
      await pushes.stop();
      await pageRetries.stop();
      await clusteringSweep.stop();
      await jobs.stop();
    },
  };
}

/** Set by the serving process when it runs the demo newsroom: its origin and feeds, for the fetcher. */
const DEMO_ORIGIN_ENV = "NEWSDESK_DEMO_ORIGIN";

/**
 * The fetcher process (fetcher-process.ts): due sources refreshed on the scheduler's timer, failed
 * article pages fetched again, queued email sent, hourly housekeeping; with the demo, its feeds polled once more a minute in. Stops on
 * SIGTERM and when the serving process is gone.
 */
async function runFetcher(): Promise<void> {
  const rt = await openRuntime();
  const { config, log } = rt;
  const db = rt.db.kysely;
  const demo = process.env[DEMO_ORIGIN_ENV]
    ? (JSON.parse(process.env[DEMO_ORIGIN_ENV]) as { baseUrl: string; feeds: string[] })
    : null;
  // The demo origin is on loopback, which the address guard refuses; exempt exactly it, only while it runs.
  const fetcher = fetcherFromConfig(config, {
    allowOrigins: demo ? [demo.baseUrl] : [],
    ...sharedHostLimits(db, config),
  });
  const mailer = createMailer(config);
  const deps = { db, config, log, fetcher };
  // On PostgreSQL the job queue runs the work (with any `newsdesk worker`s elsewhere); on SQLite, timers.
  const work = isPostgres(db)
    ? startQueueWorker({ ...deps, mailer }, config.workerConcurrency, () => process.exit(1))
    : startTimers(deps, mailer);
  if (demo) {
    const { DEMO_REPOLL_MS } = await import("./demo-newsroom.ts");
    setTimeout(() => {
      void markSourcesDue(db, demo.feeds, new Date().toISOString())
        .then(() => work.runNow?.())
        .catch((err: unknown) => log.warn({ error: String(err) }, "demo re-poll failed"));
    }, DEMO_REPOLL_MS).unref();
  }
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await work.stop();
    // The timers' background jobs close the mailer themselves.
    if (isPostgres(db)) mailer?.close();
    await fetcher.close();
    await rt.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  // The serving process is gone (killed, or it stopped without stopping this one): stop at once, as a
  // killed serve would. Every write is a transaction, so nothing half-done remains; a message in flight
  // stays claimed and is given up later, never sent again (mail/send-due-mail.ts), as after a kill.
  process.once("disconnect", () => process.exit(0));
}
