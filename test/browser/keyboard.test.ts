/** @module Keyboard use of every page in chromium: the skip link comes first and works; focus is always visible. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkipReason, launchBrowser, type TestBrowser } from "../support/browser.ts";
import { type Site, startSite } from "./fixture-site.ts";
import { focusState, tabThrough } from "./page-checks.ts";
import { pageCases } from "./page-table.ts";

describe("keyboard navigation in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  let site: Site;
  let page: Page;
  before(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite()]);
    page = await browser.context.newPage();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const c of pageCases) {
    test(`${c.name} page: skip link first, then into main`, async () => {
      await page.goto(site.url + c.path(site));
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      assert.equal(first, "#main", "the first Tab stop is the skip link");
      const box = await page.locator(":focus").boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, "the focused skip link is on screen");
      await page.keyboard.press("Enter");
      const landed = await focusState(page);
      assert.equal(landed.hash, "#main");
      if (!landed.inMain) {
        // A main without tabindex keeps focus on the link but moves the sequential focus point to
        // main, so the next Tab must land inside it (when main has anything focusable).
        const focusable = await page.locator("main a[href], main button, main input, main select").count();
        if (focusable > 0) {
          await page.keyboard.press("Tab");
          const next = await focusState(page);
          assert.ok(next.inMain, `after the skip link, Tab goes into main, not to ${next.label}`);
        }
      }
    });

    test(`${c.name} page: every focus stop shows a visible indicator`, async () => {
      await page.goto(site.url + c.path(site));
      const stops = await tabThrough(page);
      assert.ok(stops.length >= 2, "the page has at least the skip link and the site title to tab to");
      for (const s of stops) {
        assert.ok(s.drawsIndicator, `${s.label}: focused style draws nothing (${s.focusedStyle})`);
        assert.notEqual(s.focusedStyle, s.unfocusedStyle, `${s.label}: focus changes nothing`);
      }
    });
  }
});
