/** @module `newsdesk extract`: the article extractor as a standalone tool, and the extraction bench's adapter. */
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { extractArticle } from "../extract/extract-article.ts";
import { selectorProblem } from "../extract/selectors.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { unpackPage } from "../ingest/keep-page.ts";
import { sanitizeHtml } from "../sanitize/sanitize-html.ts";
import { latestSourcePage } from "../storage/article-pages.ts";
import { findSourceById } from "../storage/sources.ts";
import { readLocalFile } from "./read-local-file.ts";
import { openRuntime } from "./runtime.ts";
import { parseSourceId } from "./source-id.ts";

type Format = "json" | "html" | "markdown" | "text";

interface ExtractOptions {
  format: Format;
  url?: string;
  jsonl?: boolean;
  include?: string;
  exclude?: string;
  source?: number;
}

/** Reads "path[\tURL]" lines from stdin and prints one JSON line per page (shared/bench/extraction contract). */
async function runJsonl(maxBytes: number): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const [path = "", url = ""] = line.split("\t");
    let out: object;
    try {
      const bytes = readLocalFile(path, maxBytes);
      const t0 = performance.now();
      const a = extractArticle(decodeText(bytes, null), url || `file://${path}`);
      const ms = performance.now() - t0;
      out =
        a.kind === "article"
          ? {
              path,
              ms,
              text: a.text,
              title: a.title,
              byline: a.byline,
              bylines: a.bylines,
              agency: a.agency,
              published: a.published,
              modified: a.modified,
              siteName: a.siteName,
            }
          : { path, ms, text: "", error: `not an article: ${a.reason}` };
    } catch (err) {
      out = { path, text: "", error: (err as Error).message };
    }
    if (!process.stdout.write(`${JSON.stringify(out)}\n`))
      await new Promise((r) => process.stdout.once("drain", r));
  }
}

/** The source's latest kept page, decoded, with its selectors: a preview of what ingest makes of it. */
async function keptSourcePage(
  sourceId: number,
  maxBytes: number,
): Promise<{ html: string; url: string; include: string | null; exclude: string | null }> {
  const rt = await openRuntime({ quiet: true });
  try {
    const source = await findSourceById(rt.db.kysely, sourceId);
    if (!source) throw new Error(`extract: there is no source ${sourceId} (see \`newsdesk sources\`)`);
    const page = await latestSourcePage(rt.db.kysely, sourceId);
    if (!page)
      throw new Error(
        `extract: no page of source ${sourceId} is kept (pages are kept for NEWSDESK_PAGE_ARCHIVE_DAYS once fetched)`,
      );
    const bytes = await unpackPage(page.gzip, maxBytes);
    return {
      html: decodeText(bytes, page.contentType),
      url: page.url,
      include: source.extract_include,
      exclude: source.extract_exclude,
    };
  } finally {
    await rt.close();
  }
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract the article from a web page (a URL or an HTML file) and print it")
    .argument("[source]", "an http(s) URL or a path to an HTML file")
    .option("--format <format>", "json, html, markdown or text", "json")
    .option("--url <url>", "the page's address, for resolving relative links when the source is a file")
    .option(
      "--jsonl",
      "read 'path[TAB url]' lines from stdin and print one JSON line per page (for benchmarks)",
    )
    .option("--include <css>", "CSS selector of the article body (as a source's operator setting would give)")
    .option("--exclude <css>", "CSS selector of elements to drop first")
    .option(
      "--source <id>",
      "extract the source's most recently kept page with its selectors (--include/--exclude try others instead)",
      parseSourceId,
    )
    .action(async (source: string | undefined, opts: ExtractOptions) => {
      if (opts.jsonl) return runJsonl(loadConfig().maxBodyBytes);
      if (!source && opts.source === undefined)
        throw new Error("give a URL or a file (or --source N, or --jsonl to read paths from stdin)");
      const config = loadConfig();
      let html: string;
      let url: string;
      if (opts.source !== undefined) {
        const kept = await keptSourcePage(opts.source, config.maxBodyBytes);
        html = kept.html;
        url = kept.url;
        opts.include ??= kept.include ?? undefined;
        opts.exclude ??= kept.exclude ?? undefined;
        source = url;
      } else if (!source) {
        throw new Error("give a URL or a file");
      } else if (/^https?:\/\//i.test(source)) {
        const fetcher = fetcherFromConfig(config);
        try {
          const res = await fetcher.fetch(source, { expect: "html" });
          html = decodeText(res.bytes, res.contentType);
          url = res.finalUrl;
        } finally {
          await fetcher.close();
        }
      } else {
        html = decodeText(readLocalFile(source, config.maxBodyBytes), null);
        url = opts.url ?? `file://${source}`;
      }
      for (const css of [opts.include, opts.exclude]) {
        const problem = css ? selectorProblem(css) : null;
        if (problem) throw new Error(problem);
      }
      const article = extractArticle(html, url, {
        selectors: { include: opts.include, exclude: opts.exclude },
      });
      if (article.kind !== "article") throw new Error(`${source}: not an article: ${article.reason}`);
      const bodyHtml = sanitizeHtml(article.bodyHtml, url);
      switch (opts.format) {
        case "html":
          console.log(bodyHtml);
          break;
        case "text":
          console.log(article.text);
          break;
        case "markdown":
          console.log(article.markdown);
          break;
        default:
          console.log(JSON.stringify({ ...article, bodyHtml }, null, 2));
      }
    });
}
