/**
 * @module The sanitizers' property tests, sampled in a real browser (issue 15): the output of both
 * sanitizers for 50 hostile generated fragments (fixed seed), and for every known XSS vector, is
 * loaded into headless Chromium; no script may run (the hook records `__pwned()`, alert and the
 * like; dialogs and console are watched too) and the live DOM may hold no handler, script URL,
 * foreign script or embedding element (test/support/dom-audit.ts, shared with the XSS test).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { sanitizeCommentHtml } from "../../src/sanitize/sanitize-comment.ts";
import { sanitizeHtml } from "../../src/sanitize/sanitize-html.ts";
import { browserSkipReason, launchBrowser, type TestBrowser } from "../support/browser.ts";
import { auditDocument, HOOK_SCRIPT, OWN_SCRIPT_SRC } from "../support/dom-audit.ts";
import { hostileHtml } from "../support/fuzz.ts";
import { MARKDOWN, MARKUP } from "../support/hostile-comments.ts";

const BASE = "https://news.example.test/2026/story";
const SAMPLES = 50;
const BATCH = 10;
/** Long enough for error, load, focus and toggle events of the page's elements to have fired. */
const SETTLE_MS = 60;

/** The hook runs first and then removes its own element, so the audit sees no script of ours. */
function pageFor(fragments: string[]): string {
  const parts = fragments.map((f, i) => `<div id="s${i}">${f}</div>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><script>${HOOK_SCRIPT};document.currentScript.remove();</script></head><body>${parts}</body></html>`;
}

describe("sanitized hostile HTML in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  /** Loads the fragments in a fresh page and returns everything that ran or should not be there. */
  async function runsNothing(fragments: string[]): Promise<string[]> {
    const page = await browser.context.newPage();
    const seen: string[] = [];
    page.on("dialog", (d) => {
      seen.push(`dialog ${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.text().includes("__PWNED__")) seen.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => seen.push(`page error (something ran): ${e.message}`));
    try {
      await page.setContent(pageFor(fragments), { waitUntil: "load" });
      await page.waitForTimeout(SETTLE_MS);
      const calls = await page.evaluate(() => (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls);
      const problems = await page.evaluate(auditDocument, {
        ownScriptSrc: OWN_SCRIPT_SRC.source,
        hostile: "__pwned",
      });
      // The browser's own reading of every link and source: only web and mail addresses.
      const schemes = await page.evaluate(() =>
        Array.from(document.querySelectorAll("[href], [src], [cite]"))
          .flatMap((el) => ["href", "src", "cite"].map((a) => el.getAttribute(a)).filter((v) => v !== null))
          .map((v) => new URL(v as string, document.baseURI).protocol)
          .filter((p) => !["http:", "https:", "mailto:"].includes(p)),
      );
      return [...seen, ...calls, ...problems, ...schemes.map((p) => `a ${p} address`)];
    } finally {
      await page.close();
    }
  }

  test(`${SAMPLES} generated hostile fragments: neither sanitizer's output runs anything`, async () => {
    const samples = fc.sample(hostileHtml(25), { seed: 0xb10, numRuns: SAMPLES });
    const outputs = samples.map((html) => [sanitizeHtml(html, BASE), sanitizeCommentHtml(html)]);
    // Ten samples to a page, for speed; a page with a finding is loaded again sample by sample to name it.
    for (let start = 0; start < outputs.length; start += BATCH) {
      const batch = outputs.slice(start, start + BATCH);
      if ((await runsNothing(batch.flat())).length === 0) continue;
      for (const [i, out] of batch.entries()) {
        const html = samples[start + i];
        assert.deepEqual(await runsNothing(out), [], `sample ${start + i}: ${JSON.stringify(html)}`);
      }
      assert.fail(`samples ${start}-${start + batch.length - 1} run something together, none alone`);
    }
  });

  test("every known XSS vector, sanitized: nothing runs", async () => {
    const vectors = [...MARKUP, ...MARKDOWN];
    const out = vectors.flatMap((v) => [sanitizeHtml(v, BASE), sanitizeCommentHtml(v)]);
    assert.deepEqual(await runsNothing(out), []);
  });

  test("the check itself sees a script that runs (a control, unsanitized)", async () => {
    const found = await runsNothing(['<img src="https://x.test/a.png" onerror="__pwned()">', "<p>ok</p>"]);
    assert.ok(
      found.some((f) => f.includes("__pwned")),
      found.join("\n"),
    );
  });
});
