/** @module `newsdesk add <url>`: follow a feed, or find the feeds of a site and follow one or all. */
import type { Command } from "commander";
import { NewsdeskError } from "../errors.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { type DiscoveredFeed, discoverFeeds } from "../ingest/discover-feeds.ts";
import { sharedHostLimits } from "../queue/shared-host-limiter.ts";
import { findSourceByUrl, insertSource } from "../storage/sources.ts";
import { openRuntime, type Runtime } from "./runtime.ts";

/** Exit status when a site offers several feeds and none was chosen: nothing was added, but nothing failed. */
export const EXIT_CHOOSE = 2;

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

/** `"Title" (rss, 12 items) https://...`: one line per feed, for lists and confirmations. */
export function describeFeed(feed: DiscoveredFeed): string {
  const items = `${feed.itemCount} item${feed.itemCount === 1 ? "" : "s"}`;
  return `"${feed.title ?? "(untitled)"}" (${feed.format}, ${items}) ${feed.url}`;
}

async function follow(
  rt: Runtime,
  url: string,
  options: { ignoreRobots: boolean; title?: string | null },
): Promise<void> {
  const { source, created } = await insertSource(rt.db.kysely, url, new Date().toISOString(), options);
  console.log(
    created ? `added source #${source.id}: ${url}` : `already following as source #${source.id}: ${url}`,
  );
}

export function registerAdd(program: Command): void {
  program
    .command("add")
    .description(
      "follow a feed (RSS, Atom ...), or a site's feed found on its page or at the usual paths; its items are fetched by the next `fetch` or by `serve`",
    )
    .argument("<url>", "a feed's URL, or a site's")
    .option("--all", "when the site offers several feeds, follow every one of them")
    .option("--ignore-robots", "fetch this source's article pages even where its robots.txt disallows them")
    .action(async (raw: string, opts: { all?: boolean; ignoreRobots?: boolean }) => {
      const url = parseFeedUrl(raw);
      const ignoreRobots = opts.ignoreRobots === true;
      const rt = await openRuntime({ quiet: true });
      const fetcher = fetcherFromConfig(rt.config, sharedHostLimits(rt.db.kysely, rt.config));
      try {
        const existing = await findSourceByUrl(rt.db.kysely, url);
        if (existing) {
          console.log(`already following as source #${existing.id}: ${url}`);
          return;
        }
        const feeds = await discoverFeeds(url, { fetcher, log: rt.log });
        if (feeds.length === 0) {
          throw new NewsdeskError(
            "feed.not_a_feed",
            `no feed found at ${url}: it is not a feed, its page links to none, and the usual paths (/feed, /rss.xml, /atom.xml ...) serve none`,
          );
        }
        const [only] = feeds;
        if (only && only.foundBy === "url") return await follow(rt, url, { ignoreRobots, title: only.title });
        if (only && feeds.length === 1) {
          console.log(`found 1 feed at ${url}: ${describeFeed(only)}`);
          return await follow(rt, only.url, { ignoreRobots, title: only.title });
        }
        console.log(`found ${feeds.length} feeds at ${url}:`);
        for (const feed of feeds) console.log(`  ${describeFeed(feed)}`);
        if (opts.all) {
          for (const feed of feeds) await follow(rt, feed.url, { ignoreRobots, title: feed.title });
          return;
        }
        console.log(
          `added none: follow one with \`newsdesk add <feed URL>\`, or all with \`newsdesk add --all ${url}\``,
        );
        process.exitCode = EXIT_CHOOSE;
      } finally {
        await fetcher.close();
        await rt.close();
      }
    });
}
