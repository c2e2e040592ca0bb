/**
 * @module Stories in chromium: the front page, story pages and article pages at a phone's and a
 * laptop's width (axe-clean, no sideways scrolling, photographed), relative times against the
 * reader's clock, dates kept readable inside right-to-left cards, reprints and revisions shown.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  browserSkipReason,
  launchBrowser,
  SCREENSHOT_DIR,
  SCREENSHOT_WIDTHS,
  seriousAxeViolations,
  type TestBrowser,
} from "../support/browser.ts";
import { type Site, seed, startSite } from "./fixture-site.ts";
import { brokenImages, mainText } from "./page-checks.ts";

/** The reader's clock in these tests: early afternoon of the seeded news day. */
const READER_NOW = new Date("2026-11-19T13:00:00.000Z");
/** A reader weeks later: the cards' times are more than a week old. */
const READER_LATER = new Date("2026-12-06T12:00:00.000Z");

describe("stories in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  let site: Site;
  before(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A fresh page whose clock reads `now` (the clock is the context's: every test sets its own). */
  async function open(path: string, now: Date = READER_NOW): Promise<Page> {
    const page = await browser.context.newPage();
    await page.clock.setFixedTime(now);
    await page.goto(site.url + path);
    return page;
  }

  const pages = [
    { name: "front-page", path: () => "/" },
    { name: "story-page", path: () => site.paths.story },
    { name: "wire-story-page", path: () => site.paths.wireStory },
    { name: "article-page", path: () => site.paths.article },
    { name: "reprint-page", path: () => site.paths.reprint },
  ];
  for (const p of pages) {
    test(`${p.name} at ${SCREENSHOT_WIDTHS.join(" and ")} px: axe clean, no sideways scroll, photographed`, async () => {
      const page = await open(p.path());
      try {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        for (const width of SCREENSHOT_WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          assert.equal(await page.locator("h1").count(), 1, "one h1");
          assert.deepEqual(await brokenImages(page), [], "every image loads");
          assert.deepEqual(await seriousAxeViolations(page), [], `axe at ${width} px`);
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(sideways <= 0, `no sideways scrolling at ${width} px (${sideways} px too wide)`);
          await page.screenshot({
            path: join(SCREENSHOT_DIR, `stories-${p.name}-${width}.png`),
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

  test("the front page leads with a story, names its outlets and shows times relative to the reader's clock", async () => {
    const page = await open("/");
    try {
      const lead = page.locator(".story-card.lead");
      assert.equal(await lead.count(), 1);
      assert.match((await lead.locator(".coverage").textContent()) ?? "", /3 outlets/);
      assert.equal(await lead.locator("figure img").count(), 1, "the lead story has its picture");
      assert.match((await lead.locator("figcaption .credit").textContent()) ?? "", /\S/, "with a credit");
      // The bridge story's naming report, The Gazette's, came out at 08:30: 4.5 hours before 13:00.
      const time = page.locator(".story-card .meta time").first();
      const text = (await time.textContent()) ?? "";
      assert.match(text, /^\d+ hours? ago$|^\d+ minutes? ago$/, `relative: ${text}`);
      assert.match((await time.getAttribute("title")) ?? "", /19 November 2026 at \d\d:\d\d UTC/);
      assert.match((await time.getAttribute("datetime")) ?? "", /^2026-11-19T/);
      // Sections for the main topics of the stories below the top ones.
      assert.ok((await page.locator(".topic-section").count()) >= 1, "topic sections");
      // The wire story's reprint is not a second item anywhere on the page.
      const headlines = await page.locator("main :is(h2, h3) a").allTextContents();
      assert.equal(headlines.filter((h) => h === seed.wire.title).length, 1, "the wire headline once");
    } finally {
      await page.close();
    }
  });

  test("a card more than a week old keeps its exact date", async () => {
    const page = await open("/", READER_LATER);
    try {
      const time = page.locator(".story-card .meta time").first();
      assert.match((await time.textContent()) ?? "", /November 2026 at \d\d:\d\d UTC/);
    } finally {
      await page.close();
    }
  });

  test("a right-to-left card keeps its date in reading order", async () => {
    const page = await open(site.paths.rtlSource, READER_LATER);
    try {
      const time = page.locator('article.card[dir="rtl"] time').first();
      assert.equal(await time.count(), 1, "an Arabic card with a time");
      assert.equal(await time.evaluate((t) => getComputedStyle(t).direction), "ltr");
      // Where the day and the month are drawn: the day stays left of the month, as it is written.
      const xs = await time.evaluate((t) => {
        const node = t.firstChild as Text;
        const text = node.data;
        const x = (word: string) => {
          const r = document.createRange();
          const at = text.indexOf(word);
          r.setStart(node, at);
          r.setEnd(node, at + word.length);
          return r.getBoundingClientRect().x;
        };
        return { day: x("19"), month: x("November"), year: x("2026"), zone: x("UTC") };
      });
      assert.ok(xs.day < xs.month && xs.month < xs.year && xs.year < xs.zone, JSON.stringify(xs));
    } finally {
      await page.close();
    }
  });

  test("a story page says who reported first, breaks the coverage down and puts the reprint under its original", async () => {
    const page = await open(site.paths.wireStory);
    try {
      const text = await mainText(page);
      assert.match(
        text,
        new RegExp(`First reported by ${seed.wire.outlet} at 19 November 2026 at 10:00 UTC`),
      );
      assert.match(text, /3 reports from 3 outlets/);
      assert.match(text, /By kind1 independent outlet, 1 newspaper, 1 wire agency/);
      assert.match(text, /By country2 United Kingdom, 1 Ireland/);
      const groups = await page.locator(".outlet-group h3").allTextContents();
      assert.deepEqual(groups, [seed.wire.outlet, seed.outlets[1]], "the reprinting outlet has no group");
      const under = page.locator(".report .republished li");
      assert.match((await under.textContent()) ?? "", new RegExp(`Republished by ${seed.outlets[2]} at`));
      assert.equal(await page.locator(".timeline li").count(), 3, "the timeline lists every report");
      const feeds = await page.locator('head link[rel="alternate"][href*="/stories/"]').count();
      assert.equal(feeds, 3, "RSS, Atom and JSON Feed of the story");
      const lead = (await page.locator(".story-header .lead-sentence").textContent()) ?? "";
      assert.match(lead, /running again/);
    } finally {
      await page.close();
    }
  });

  test("an edited article says Updated and lists its earlier headline; a reprint names the first publisher", async () => {
    const page = await open(site.paths.article);
    try {
      const meta = (await page.locator(".article-header > .meta").textContent()) ?? "";
      assert.match(meta, /Updated 19 November 2026 at 12:15 UTC/);
      const details = page.locator("details.earlier-headlines");
      await details.locator("summary").focus();
      await page.keyboard.press("Enter");
      assert.equal(
        await details.evaluate((d) => (d as HTMLDetailsElement).open),
        true,
        "opens with the keyboard",
      );
      assert.match((await details.textContent()) ?? "", new RegExp(seed.earlierTitle));
      const also = (await page.locator(".also-covered").textContent()) ?? "";
      assert.match(also, /Full coverage: 3 reports from 3 outlets/);

      await page.goto(site.url + site.paths.reprint);
      const source = (await page.locator(".source-block").textContent()) ?? "";
      assert.match(source, new RegExp(`Republished by ${seed.outlets[2]}`));
      assert.match(source, new RegExp(`First published by ${seed.wire.outlet}`));
      const firstLink = page.locator(".source-block .first-published a").first();
      assert.equal(await firstLink.getAttribute("href"), site.paths.wireOriginal);

      await page.goto(site.url + site.paths.wireOriginal);
      const original = (await page.locator(".source-block").textContent()) ?? "";
      assert.match(original, new RegExp(`Republished by:\\s*${seed.outlets[2]}`));
    } finally {
      await page.close();
    }
  });
});
