/** @module `newsdesk add <url>`: follow a feed. */
import type { Command } from "commander";
import { insertSource } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";

/** Accepts only absolute http(s) URLs; anything else is a usage error with a clear message. */
export function parseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not a URL; give the full address, e.g. https://example.com/feed.xml`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`only http and https feeds can be followed, not ${url.protocol}`);
  }
  return url.toString();
}

export function registerAdd(program: Command): void {
  program
    .command("add")
    .description("follow a feed (RSS or Atom); its items are fetched by the next `fetch` or by `serve`")
    .argument("<url>", "the feed's URL")
    .option("--ignore-robots", "fetch this source's article pages even where its robots.txt disallows them")
    .action(async (raw: string, opts: { ignoreRobots?: boolean }) => {
      const url = parseFeedUrl(raw);
      const rt = await openRuntime({ quiet: true });
      try {
        const { source, created } = await insertSource(rt.db.kysely, url, new Date().toISOString(), {
          ignoreRobots: opts.ignoreRobots === true,
        });
        console.log(
          created
            ? `added source #${source.id}: ${url}`
            : `already following as source #${source.id}: ${url}`,
        );
      } finally {
        await rt.close();
      }
    });
}
