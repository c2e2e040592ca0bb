/** @module `newsdesk serve`: the web server and the background fetcher in one process. */
import type { Command } from "commander";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { buildApp } from "../web/app.tsx";
import { openRuntime } from "./runtime.ts";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the website and fetch sources in the background (HOST, PORT)")
    .option("--demo", "also start the offline demo newsroom and follow its feeds")
    .option("--no-fetch", "serve only; do not fetch sources in this process")
    .action(async (opts: { demo?: boolean; fetch: boolean }) => {
      const rt = await openRuntime();
      const { config, log } = rt;
      // Loaded only when asked for, so production installs never touch the demo content.
      const demo = opts.demo ? await (await import("./demo-newsroom.ts")).startDemoNewsroom(rt) : null;
      // The demo origin is on loopback, which the address guard refuses; exempt exactly it, only while it runs.
      const fetcher = fetcherFromConfig(config, { allowOrigins: demo ? [demo.baseUrl] : [] });
      const app = buildApp({ db: rt.db.kysely, config, log, fetcher });
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      log.info({ url: `http://${config.host}:${port}/` }, "newsdesk is serving");
      console.log(`Newsdesk is running at http://${config.host}:${port}/`);
      const scheduler = opts.fetch ? startScheduler({ db: rt.db.kysely, config, log, fetcher }) : null;

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        log.info({ signal }, "shutting down");
        await app.close();
        await scheduler?.stop();
        await fetcher.close();
        await demo?.close();
        await rt.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
    });
}
