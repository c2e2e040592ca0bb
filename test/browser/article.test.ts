/** @module The article page's anatomy in chromium, in the brief's order, and a right-to-left article. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkipReason, launchBrowser, type TestBrowser } from "../support/browser.ts";
import { type Site, seed, startSite } from "./fixture-site.ts";
import { brokenImages, mainPositions, mainText } from "./page-checks.ts";

describe("the article page in chromium", { skip: browserSkipReason() }, () => {
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

  test("headline once, then byline and date, lead image, body and the Source block, in that order", async () => {
    await page.goto(site.url + site.paths.article);
    assert.equal(await page.locator("h1").count(), 1, "exactly one h1");
    assert.equal((await page.locator("h1").textContent())?.trim(), seed.storyTitle);
    const text = await mainText(page);
    assert.equal(text.split(seed.storyTitle).length - 1, 1, "the headline appears once in main");

    const time = page.locator("main time[datetime]").first();
    const datetime = (await time.getAttribute("datetime")) ?? "";
    assert.equal(Date.parse(datetime), Date.parse("2026-11-19T08:30:00.000Z"), "machine-readable time");
    assert.match((await time.textContent()) ?? "", /2026/, "a readable date");

    const img = page.locator("main figure img").first();
    assert.equal(await img.getAttribute("alt"), seed.imageAlt);
    assert.deepEqual(await brokenImages(page), [], "the lead image loads from 127.0.0.1");
    assert.ok(
      (await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)) > 0,
      "the lead image has pixels",
    );
    const apart = await page.locator("main figure figcaption").evaluate(
      (fc, [caption, credit]) => {
        // The innermost elements holding the caption and the credit: two, neither inside the other.
        const inner = (s: string) =>
          [...fc.querySelectorAll("*")].find(
            (e) => e.textContent?.includes(s) && ![...e.children].some((c) => c.textContent?.includes(s)),
          );
        const a = inner(caption);
        const b = inner(credit);
        return Boolean(a && b && a !== b && !a.contains(b) && !b.contains(a));
      },
      [seed.caption, seed.credit] as const,
    );
    assert.ok(apart, "caption and credit in the figcaption, kept apart");

    const order = await mainPositions(page, [
      { css: "h1" },
      { text: seed.byline },
      { css: "time[datetime]" },
      { css: "figure img" },
      { css: "figcaption" },
      { text: seed.bodyText },
      { exactText: "Source" },
      { css: `a[href="${site.originalUrl}"]` },
    ]);
    assert.ok(!order.includes(-1), `every part is in main: ${order}`);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      "parts in the brief's order",
    );
  });

  test("the Source block names the outlet and links to the original", async () => {
    await page.goto(site.url + site.paths.article);
    const block = await page.evaluate((url) => {
      const heading = [...document.querySelectorAll("main h2, main h3")].find(
        (h) => h.textContent?.trim() === "Source",
      );
      const box = heading?.parentElement;
      return {
        hasLink: box?.querySelector(`a[href="${url}"]`) != null,
        text: box?.textContent ?? "",
      };
    }, site.originalUrl);
    assert.ok(block.hasLink, "the Source block links to the original URL");
    assert.ok(block.text.includes(seed.outlets[0]), "the Source block names the outlet");
  });

  test("a right-to-left article sets dir=rtl and its language on the article", async () => {
    await page.goto(site.url + site.paths.rtlArticle);
    const article = page.locator("main article").first();
    assert.equal(await article.getAttribute("lang"), "ar");
    assert.equal(await article.getAttribute("dir"), "rtl");
    assert.equal(await page.locator("h1").evaluate((h) => getComputedStyle(h).direction), "rtl");
  });

  test("right-to-left names in the meta line are isolated from the English around them", async () => {
    await page.goto(site.url + site.paths.rtlArticle);
    for (const name of [seed.rtlByline, seed.rtlOutlet]) {
      const isolated = await page.evaluate((text) => {
        const meta = document.querySelector("main time")?.parentElement;
        const parts = [...(meta?.querySelectorAll("*") ?? [])];
        // The element holding just the name, else the one holding "By <name>".
        const holder =
          parts.find((e) => e.textContent?.trim() === text) ??
          parts.find((e) => e.textContent?.trim() === `By ${text}`);
        for (let el: Element | null | undefined = holder; el && el !== meta; el = el.parentElement) {
          const bidi = getComputedStyle(el).unicodeBidi;
          if (el.tagName === "BDI" || el.hasAttribute("dir") || /isolate|plaintext/.test(bidi)) return true;
        }
        return false;
      }, name);
      assert.ok(isolated, `"${name}" is in a <bdi> or an element with dir`);
    }
  });
});
