/** @module `newsdesk import <file.opml>`: follow every feed of an OPML list, folders as categories. */
import type { Command } from "commander";
import { oneLine } from "../errors.ts";
import { type OpmlFeed, parseOpml } from "../feeds/opml.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { mapLimit } from "../ingest/map-limit.ts";
import { refreshSource } from "../ingest/refresh-source.ts";
import { sharedHostLimits } from "../queue/shared-host-limiter.ts";
import { findSourceById, insertSource } from "../storage/sources.ts";
import { parseFeedUrl } from "./add.ts";
import { startProgress } from "./progress.ts";
import { readLocalFile } from "./read-local-file.ts";
import { openRuntime, type Runtime } from "./runtime.ts";

/** Sources fetched at once with --fetch, as the scheduler does. */
const FETCH_CONCURRENCY = 2;

interface Problem {
  feed: OpmlFeed;
  reason: string;
}

function readOpmlFile(path: string, maxBytes: number): ReturnType<typeof parseOpml> {
  // The file's own <?xml encoding?> or byte-order mark decides its charset, as for fetched feeds.
  return parseOpml(decodeText(readLocalFile(path, maxBytes), null));
}

/** The site link is shown on article pages, so only a plain http(s) URL is kept. */
function httpUrlOrNull(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return parseFeedUrl(raw);
  } catch {
    return null;
  }
}

interface Added {
  feed: OpmlFeed;
  sourceId: number;
}

/** Adds each feed once; returns the sources it created, and records a problem for every feed it could not add. */
async function addFeeds(rt: Runtime, feeds: OpmlFeed[], problems: Problem[]): Promise<Added[]> {
  const added: Added[] = [];
  const seen = new Set<string>();
  const progress = startProgress("adding  ", feeds.length);
  try {
    for (const feed of feeds) {
      progress.tick();
      let url: string;
      try {
        url = parseFeedUrl(feed.xmlUrl);
      } catch (err) {
        problems.push({ feed, reason: `invalid URL: ${oneLine(err)}` });
        continue;
      }
      if (seen.has(url)) {
        problems.push({ feed, reason: "duplicate: listed earlier in the file" });
        continue;
      }
      seen.add(url);
      const { source, created } = await insertSource(rt.db.kysely, url, new Date().toISOString(), {
        category: feed.category,
        title: feed.title,
        siteUrl: httpUrlOrNull(feed.htmlUrl),
      });
      if (created) added.push({ feed, sourceId: source.id });
      else problems.push({ feed, reason: `duplicate: already following as source #${source.id}` });
    }
  } finally {
    progress.stop();
  }
  return added;
}

/** Refreshes each new source once, as `newsdesk fetch` would; returns how many failed. */
async function fetchAdded(rt: Runtime, added: Added[], problems: Problem[]): Promise<number> {
  const fetcher = fetcherFromConfig(rt.config, sharedHostLimits(rt.db.kysely, rt.config));
  const deps = { db: rt.db.kysely, config: rt.config, log: rt.log, fetcher };
  const progress = startProgress("fetching", added.length);
  let failed = 0;
  try {
    await mapLimit(added, FETCH_CONCURRENCY, async ({ feed, sourceId }) => {
      const source = await findSourceById(rt.db.kysely, sourceId);
      const report = source ? await refreshSource(source, deps) : null;
      progress.tick();
      if (report?.error) {
        failed++;
        problems.push({ feed, reason: `fetch failed: ${report.error}` });
      }
    });
  } finally {
    progress.stop();
    await fetcher.close();
  }
  return failed;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "follow every feed in an OPML file; its folders become categories (nested ones as News/Local)",
    )
    .argument("<file>", "an OPML 1.0 or 2.0 file, e.g. exported from another reader")
    .option("--fetch", "fetch each new source once now, reporting those that fail")
    .action(async (file: string, opts: { fetch?: boolean }) => {
      const rt = await openRuntime({ quiet: true });
      try {
        const doc = readOpmlFile(file, rt.config.maxBodyBytes);
        const problems: Problem[] = [];
        const added = await addFeeds(rt, doc.feeds, problems);
        const failed = opts.fetch && added.length > 0 ? await fetchAdded(rt, added, problems) : 0;
        const title = doc.title ? ` ("${doc.title}")` : "";
        const fetched = opts.fetch ? `, ${failed} failed to fetch` : "";
        console.log(
          `imported ${file}${title}: ${doc.feeds.length} feeds, ${added.length} added, ${doc.feeds.length - added.length} not added${fetched}`,
        );
        if (problems.length === 0) return;
        console.log("problems:");
        const order = (p: Problem) => doc.feeds.indexOf(p.feed);
        for (const p of problems.sort((a, b) => order(a) - order(b))) {
          console.log(`  "${p.feed.title ?? "(untitled)"}" <${p.feed.xmlUrl}>: ${p.reason}`);
        }
      } finally {
        await rt.close();
      }
    });
}
