/** @module Debian's chromium through playwright-core for browser tests: offline, with axe-core and screenshots. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Where Debian's `chromium` package puts the browser; .ci/run installs it there. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Screenshots land here, named `<test>-<page>-<width>.png`; CI keeps the folder as an artifact. */
export const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");

/** The widths every page is photographed at: a small phone and a laptop. */
export const SCREENSHOT_WIDTHS = [375, 1280] as const;

/**
 * Why a browser suite should skip, or undefined to run it. Only a developer machine without chromium
 * skips; under CI a missing browser must fail, so the caller gets no reason and the launch throws.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return undefined;
  return `${CHROMIUM_PATH} is missing: install it with "apt-get install chromium" to run the browser tests`;
}

export interface TestBrowser {
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1 that the pages tried, aborted. */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * Starts headless chromium with a fresh profile in a temp folder. Every request that is not to
 * 127.0.0.1 is aborted (and listed), so a page that reaches for the internet is caught, not slowed.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "newsdesk-chromium-"));
  // Playwright refuses --user-data-dir in args; a persistent context is how it takes a profile folder.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });
  // tsx compiles tests with esbuild's keepNames, which wraps inner named functions in __name(); the
  // functions handed to page.evaluate() carry those calls into the page, so the page gets the helper.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  const blocked: string[] = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core finding, trimmed to what a failing assertion needs to say. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page and returns the serious and critical violations. The script goes in
 * through evaluate(), which a page's Content-Security-Policy does not block (a script tag would be).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** File-name-safe form of a test or page name. */
function fileSafe(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Full-page screenshots of the loaded page at each width; returns the files written. */
export async function screenshotWidths(page: Page, testName: string, pageName: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const files: string[] = [];
  const original = page.viewportSize();
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const path = join(SCREENSHOT_DIR, `${fileSafe(testName)}-${fileSafe(pageName)}-${width}.png`);
    await page.screenshot({ path, fullPage: true, animations: "disabled" });
    files.push(path);
  }
  if (original) await page.setViewportSize(original);
  return files;
}
