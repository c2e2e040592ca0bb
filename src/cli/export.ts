/** @module `newsdesk export [file]`: every followed feed as OPML 2.0, categories as folders. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { type OpmlFeed, renderOpml } from "../feeds/opml.ts";
import { listSources } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write every followed feed as an OPML 2.0 file, categories as folders, for other readers")
    .argument("[file]", "where to write it; standard output when omitted")
    .action(async (file: string | undefined) => {
      const rt = await openRuntime({ quiet: true });
      try {
        const feeds: OpmlFeed[] = (await listSources(rt.db.kysely)).map((s) => ({
          xmlUrl: s.url,
          title: s.title,
          htmlUrl: s.site_url,
          category: s.category,
        }));
        const opml = renderOpml(feeds, {
          title: `${rt.config.siteTitle} subscriptions`,
          dateCreated: new Date(),
        });
        if (file === undefined || file === "-") {
          process.stdout.write(opml);
          return;
        }
        await writeFile(file, opml, "utf8");
        console.log(`exported ${feeds.length} feeds to ${file}`);
      } finally {
        await rt.close();
      }
    });
}
