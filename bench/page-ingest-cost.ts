/**
 * @module What the rest of an article's ingest costs in CPU, so clustering's cost can be set against
 * a whole ingest: extracting the article from its page and sanitizing what is stored (the same calls
 * as ingest/fetch-page.ts and ingest/build-article.ts), on the demo newsroom's article pages (five
 * outlets' page styles) and, when ../shared is beside the checkout, on the extraction dev set's real
 * pages. The network wait of a fetch is left out: it costs no CPU.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { demoArticles, demoOutlets } from "../demo/content/index.ts";
import { EditTimeline } from "../demo/edits.ts";
import { articlePath } from "../demo/paths.ts";
import { buildRoutes } from "../demo/site.ts";
import { extractArticle } from "../src/extract/extract-article.ts";
import { articleOrNull } from "../src/extract/types.ts";
import { decodeText } from "../src/fetch/decode-text.ts";
import { htmlToPlainText } from "../src/sanitize/plain-text.ts";
import { sanitizeHtml } from "../src/sanitize/sanitize-html.ts";

export interface Page {
  url: string;
  html: string;
}

/** The demo newsroom's article pages, rendered as its origin serves them. */
export function demoPages(): Page[] {
  const routes = buildRoutes(new EditTimeline());
  const base = "http://demo.test";
  const out: Page[] = [];
  for (const a of demoArticles) {
    const outlet = demoOutlets.find((o) => o.slug === a.outletSlug);
    const path = outlet ? articlePath(outlet, a) : null;
    const route = path ? routes.get(path) : undefined;
    if (path && route) out.push({ url: `${base}${path}`, html: route.render(base) });
  }
  return out;
}

/** Up to `limit` pages of the extraction dev set (in its index's order), when it is beside the checkout. */
export function devSetPages(limit = 200): Page[] {
  const dir = join(import.meta.dirname, "..", "..", "shared", "datasets", "extraction-dev", "snippets");
  const index = join(dir, "evaldata.json");
  if (!existsSync(index)) return [];
  const entries = Object.entries(JSON.parse(readFileSync(index, "utf8")) as Record<string, { file: string }>);
  const out: Page[] = [];
  for (const [url, { file }] of entries.slice(0, limit)) {
    const path = join(dir, "eval", file);
    if (existsSync(path)) out.push({ url, html: decodeText(readFileSync(path), null) });
  }
  return out;
}

function ingestOne(page: Page): void {
  const ex = articleOrNull(extractArticle(page.html, page.url, { selectors: {} }));
  if (!ex) return;
  sanitizeHtml(ex.bodyHtml, page.url);
  htmlToPlainText(ex.title ?? "");
}

/** Median ms to extract and sanitize one of `pages`, over `rounds` passes (the first is a warm-up). */
export function medianPageMs(pages: readonly Page[], rounds = 4): number {
  if (pages.length === 0) return Number.NaN;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const page of pages) {
      const t = performance.now();
      ingestOne(page);
      if (r > 0) times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
