/** @module `newsdesk parse-feed`: the feed parser as a standalone tool, and the conformance harness's adapter. */
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import type { ParsedFeed, TextValue } from "../feeds/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { readLocalFile } from "./read-local-file.ts";

const value = (tv: TextValue | null) => (tv ? tv.value : null);

/** One feed in the output contract of shared/bench/feeds/README.md. */
export function toContract(feed: ParsedFeed) {
  return {
    feed: {
      title: value(feed.title),
      link: feed.siteUrl,
      description: value(feed.description),
      language: feed.language,
      updated: feed.updated,
      image: feed.imageUrl,
    },
    items: feed.items.map((i) => ({
      id: i.id,
      title: value(i.title),
      link: i.url,
      published: i.published,
      updated: i.updated,
      author: i.author,
      summary: value(i.summary),
      content: value(i.content),
      categories: i.categories,
      enclosures: i.enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })),
    })),
  };
}

export function registerParseFeed(program: Command): void {
  program
    .command("parse-feed")
    .description("parse a feed file or URL and print the normalized result as JSON")
    .argument("<source...>", "a file path or an http(s) URL; with --jsonl, any number of files")
    .option(
      "--jsonl",
      "one JSON line per file in the conformance-harness contract (path, ok, error, ms, feed, items)",
    )
    .action(async (sources: string[], opts: { jsonl?: boolean }) => {
      const config = loadConfig();
      if (opts.jsonl) {
        for (const path of sources) {
          let line: object;
          try {
            const bytes = readLocalFile(path, config.maxBodyBytes);
            const t0 = performance.now();
            const feed = parseFeed(decodeText(bytes, null), `file://${path}`);
            const ms = performance.now() - t0;
            line = { path, ok: true, error: null, ms, ...toContract(feed) };
          } catch (err) {
            line = { path, ok: false, error: (err as Error).message, feed: null, items: [] };
          }
          process.stdout.write(`${JSON.stringify(line)}\n`);
        }
        return;
      }
      const [source] = sources;
      if (!source || sources.length > 1)
        throw new Error("give one file or URL (or use --jsonl for many files)");
      let text: string;
      let base: string;
      if (/^https?:\/\//i.test(source)) {
        const fetcher = fetcherFromConfig(config);
        try {
          const res = await fetcher.fetch(source, { expect: "feed" });
          text = decodeText(res.bytes, res.contentType);
          base = res.finalUrl;
        } finally {
          await fetcher.close();
        }
      } else {
        text = decodeText(readLocalFile(source, config.maxBodyBytes), null);
        base = `file://${source}`;
      }
      console.log(JSON.stringify(parseFeed(text, base), null, 2));
    });
}
