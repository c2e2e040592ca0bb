/** @module Every page type in real headless chromium: status, content, one h1, images, axe-core, screenshots. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  browserSkipReason,
  launchBrowser,
  screenshotWidths,
  seriousAxeViolations,
  type TestBrowser,
} from "../support/browser.ts";
import { type Site, startSite } from "./fixture-site.ts";
import { brokenImages, mainText } from "./page-checks.ts";
import { pageCases } from "./page-table.ts";

describe("every page in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  let site: Site;
  before(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const c of pageCases) {
    test(`${c.name} page`, async () => {
      const page = await browser.context.newPage();
      try {
        const res = await page.goto(site.url + c.path(site));
        assert.equal(res?.status(), c.status, `${c.name}: status`);
        assert.match(await page.title(), /\S/, "a document title");
        assert.match((await page.getAttribute("html", "lang")) ?? "", /^[a-z]{2}/, "<html lang>");
        assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
        assert.equal(await page.locator("main").count(), 1, "one main landmark");
        const text = await mainText(page);
        for (const s of c.mustShow) assert.ok(text.includes(s), `${c.name} shows "${s}"`);
        for (const s of c.mustNotShow ?? []) assert.ok(!text.includes(s), `${c.name} does not show "${s}"`);
        const broken = await brokenImages(page);
        assert.deepEqual(broken, [], "every image loads");
        assert.deepEqual(await seriousAxeViolations(page), [], "no serious or critical axe violations");
        await screenshotWidths(page, "pages", c.name);
        // The dark theme has its own colours, so its contrast is checked (and photographed) too.
        await page.emulateMedia({ colorScheme: "dark" });
        assert.deepEqual(await seriousAxeViolations(page), [], "no serious or critical axe violations, dark");
        await screenshotWidths(page, "pages", `${c.name}-dark`);
        await page.setViewportSize({ width: 320, height: 640 });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `no sideways scrolling on a 320 px phone (${overflow} px too wide)`);
        assert.deepEqual(browser.blocked, [], "no request left 127.0.0.1");
      } finally {
        await page.close();
      }
    });
  }

  test("the browser never leaves 127.0.0.1: other hosts are aborted and listed", async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${site.url}/`);
      const loaded = await page.evaluate(async () => {
        const img = new Image();
        img.src = "https://images.example.com/photo.jpg";
        return img.decode().then(
          () => true,
          () => false,
        );
      });
      assert.equal(loaded, false);
      assert.deepEqual(browser.blocked.splice(0), ["https://images.example.com/photo.jpg"]);
    } finally {
      await page.close();
    }
  });
});
