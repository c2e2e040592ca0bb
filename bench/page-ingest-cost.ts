/**
 * @module What the rest of an article's ingest costs in CPU, so clustering's cost can be set against
 * a whole ingest: decoding the page, extracting the article and sanitizing what is stored (the same
 * calls as ingest/fetch-page.ts and ingest/build-article.ts), and finding its statements
 * (ingest/article-statements.ts), on the demo newsroom's article pages (five outlets' page styles)
 * and, when ../shared is beside the checkout, on the extraction dev set's real pages. The network
 * wait of a fetch is left out: it costs no CPU.
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
import { articleStatements } from "../src/ingest/article-statements.ts";
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

/** What one page costs ingest's main thread, in ms, by step. */
export interface PageCost {
  /** Decoding the fetched bytes, extracting the article, sanitizing what is stored. */
  extraction: number;
  /** Finding its attributed statements (every article's, since issue 13). */
  statements: number;
}

const quiet = { warn: () => {} };

function ingestOne(page: Page): PageCost {
  const bytes = Buffer.from(page.html, "utf8");
  const t0 = performance.now();
  const html = decodeText(bytes, "text/html; charset=utf-8");
  const ex = articleOrNull(extractArticle(html, page.url, { selectors: {} }));
  if (ex) {
    sanitizeHtml(ex.bodyHtml, page.url);
    htmlToPlainText(ex.title ?? "");
  }
  const t1 = performance.now();
  if (ex) articleStatements(ex.text, "Bench Outlet", quiet);
  return { extraction: t1 - t0, statements: performance.now() - t1 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/**
 * The median ms of each step and of their sum over `pages`, over `rounds` passes (the first is a
 * warm-up). Keeping the page (gzip) is left out: it runs on libuv's thread pool, not the thread
 * that clusters.
 */
export function medianPageCost(pages: readonly Page[], rounds = 4): PageCost & { total: number } {
  const parts: PageCost[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const page of pages) {
      const cost = ingestOne(page);
      if (r > 0) parts.push(cost);
    }
  }
  return {
    extraction: median(parts.map((p) => p.extraction)),
    statements: median(parts.map((p) => p.statements)),
    total: median(parts.map((p) => p.extraction + p.statements)),
  };
}
