/**
 * @module Who said what in chromium: an article's section, a story's comparison across outlets, a
 * person's page and the people index at a phone's and a laptop's width (axe-clean, no sideways
 * scrolling, photographed as who-said-what-*.png and people-*.png), reachable by keyboard.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { slugify } from "../../src/util/slug.ts";
import {
  browserSkipReason,
  launchBrowser,
  SCREENSHOT_DIR,
  SCREENSHOT_WIDTHS,
  seriousAxeViolations,
  type TestBrowser,
} from "../support/browser.ts";
import { seedWhoSaidWhat, type WhoSaidWhatWorld, wsw } from "../support/who-said-what.ts";
import { type Site, startSite } from "./fixture-site.ts";
import { tabThrough } from "./page-checks.ts";

const T0 = Date.parse("2026-11-19T06:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe("who said what in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  let site: Site;
  let w: WhoSaidWhatWorld;
  before(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" })]);
    w = await seedWhoSaidWhat(site.db, at);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const paths = {
    article: () => `/articles/${w.ids.wire}-${slugify(wsw.storyTitle)}`,
    story: () => `/stories/${w.story}-${slugify(wsw.storyTitle)}`,
    person: () => `/people/${wsw.minister.slug}`,
    index: () => "/people",
  };
  const pages = [
    { file: "who-said-what-article", path: paths.article, part: ".who-said-what" },
    { file: "who-said-what-story", path: paths.story, part: ".story-statements" },
    { file: "people-person", path: paths.person, part: ".person-statements" },
    { file: "people-index", path: paths.index, part: ".people-list" },
  ];

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(site.url + path);
    return page;
  }

  for (const p of pages) {
    test(`${p.file} at ${SCREENSHOT_WIDTHS.join(" and ")} px: axe clean, no sideways scroll, photographed`, async () => {
      const page = await open(p.path());
      try {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        assert.equal(await page.locator(p.part).count(), 1, `the page has its ${p.part}`);
        for (const width of SCREENSHOT_WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          assert.equal(await page.locator("h1").count(), 1, "one h1");
          assert.deepEqual(await seriousAxeViolations(page), [], `axe at ${width} px`);
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(sideways <= 0, `no sideways scrolling at ${width} px (${sideways} px too wide)`);
          await page.screenshot({
            path: join(SCREENSHOT_DIR, `${p.file}-${width}.png`),
            fullPage: true,
            animations: "disabled",
          });
        }
        assert.deepEqual(browser.blocked, [], "no request left 127.0.0.1");
      } finally {
        await page.close();
      }
    });
  }

  test("the article's section: each source once, quotes in quotation marks, paraphrases said so, links by keyboard", async () => {
    const page = await open(paths.article());
    try {
      const section = page.locator(".who-said-what");
      const names = await section.locator(".speaker-heading").allTextContents();
      assert.deepEqual(names, [
        `${wsw.minister.name}, ${wsw.minister.affiliation}`,
        "Unnamed source: senior official",
        wsw.ministry.name,
      ]);
      // The browser draws the quotation marks of <q>: a reader sees the words as a quotation.
      const marks = await section
        .locator("q")
        .first()
        .evaluate((q) => [getComputedStyle(q, "::before").content, getComputedStyle(q, "::after").content]);
      assert.ok(
        marks.every((m) => m !== "none" && m !== ""),
        `quotation marks: ${marks}`,
      );
      const paraphrase = (
        (await section.locator(".statement-paraphrase").first().textContent()) ?? ""
      ).trim();
      assert.match(paraphrase, /^said \(paraphrase\): Moscow wanted/);
      // Who said what comes after Also covered by, before the comments.
      const order = await page.evaluate(() =>
        [".also-covered", ".who-said-what", "#comments"].map(
          (s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1,
        ),
      );
      assert.ok(order[0] !== undefined && order[1] !== undefined && order[2] !== undefined);
      assert.ok(order[0] >= 0 && order[0] < order[1] && order[1] < order[2], `in order: ${order}`);
      const stops = await tabThrough(page, 250);
      const lavrov = stops.find((s) => s.label.includes(`/people/${wsw.minister.slug}`));
      assert.ok(lavrov, "the person link is a Tab stop");
      assert.ok(lavrov.drawsIndicator, "with a visible focus indicator");
      assert.ok(stops.some((s) => s.label.includes(`/people/${wsw.ministry.slug}`)));
      await page.goto(site.url + paths.article());
      await page.locator(".who-said-what a.speaker-name").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(`**${paths.person()}`);
      assert.equal(await page.locator("h1").textContent(), wsw.minister.name);
    } finally {
      await page.close();
    }
  });

  test("the story's comparison lists each outlet under each source; the person page pages by keyboard", async () => {
    const page = await open(paths.story());
    try {
      const first = page.locator(".compared-speaker").first();
      assert.deepEqual(await first.locator("dt").allTextContents(), [...wsw.outlets]);
      assert.match(
        (await first.locator("dd").nth(1).textContent()) ?? "",
        new RegExp(wsw.quotes.gazetteReady),
      );
      const stops = await tabThrough(page, 250);
      assert.ok(
        stops.some((s) => s.inMain && s.label.includes(wsw.gazetteTitle)),
        "the compared reports are Tab stops",
      );

      await page.goto(site.url + paths.person());
      assert.equal(await page.locator(".person-statements > li").count(), 30);
      const older = page.locator('.pager a[rel="next"]');
      await older.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/before=/);
      assert.equal(await page.locator(".person-statements > li").count(), wsw.archiveStatements + 4 - 30);
      const search = page.locator("a", { hasText: "Search their statements" });
      await search.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/speaker=sergei-lavrov/);
      assert.equal(await page.locator("#search-speaker").inputValue(), wsw.minister.slug);
      await page.locator("#search-q").fill("grain");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=grain/);
      assert.equal(await page.locator(".search-hit").count(), 3);
      assert.ok((await page.locator(".hit-statements li").count()) >= 3, "their words under each hit");
    } finally {
      await page.close();
    }
  });
});
