/** @module `newsdesk demo`: serve the offline demo newsroom, follow its feeds and ingest them once. */
import type { Command } from "commander";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { refreshSources } from "../jobs/scheduler.ts";
import { listSources } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "serve the offline demo newsroom (fictional outlets), follow its feeds and ingest them once; `serve --demo` does this and also runs the site",
    )
    .option("--exit", "stop once the demo feeds are ingested instead of serving the outlets until Ctrl-C")
    .action(async (opts: { exit?: boolean }) => {
      const rt = await openRuntime({ quiet: true });
      const { startDemoNewsroom } = await import("./demo-newsroom.ts");
      const origin = await startDemoNewsroom(rt);
      console.log(`Demo newsroom at ${origin.baseUrl}/ with these feeds (now followed):`);
      for (const f of origin.feeds) console.log(`  ${f.outletName} (${f.format}): ${f.feedUrl}`);
      // Only this process may reach the demo origin (it is on loopback), so it ingests the feeds itself.
      const fetcher = fetcherFromConfig(rt.config, { allowOrigins: [origin.baseUrl] });
      const demoUrls = new Set(origin.feeds.map((f) => f.feedUrl));
      const sources = (await listSources(rt.db.kysely)).filter((s) => demoUrls.has(s.url));
      const reports = await refreshSources(sources, {
        db: rt.db.kysely,
        config: rt.config,
        log: rt.log,
        fetcher,
      });
      const added = reports.reduce((n, r) => n + r.added, 0);
      console.log(`Ingested ${added} new demo articles. Run \`newsdesk serve\` to see them on the site.`);
      const stop = async () => {
        await fetcher.close();
        await origin.close();
        await rt.close();
        process.exit(0);
      };
      if (opts.exit) return stop();
      console.log("Serving the demo outlets until Ctrl-C.");
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });
}
