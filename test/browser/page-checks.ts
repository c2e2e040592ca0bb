/** @module Checks that run inside the page: keyboard focus walk, focus styles, and the DOM order of parts. */
import type { Page } from "playwright-core";

/** Elements Tab has reached, kept on the page between evaluate() calls to measure them again unfocused. */
type FocusLog = { __focusStops?: Element[] };

/** One element Tab reached, described for assertions and failure messages. */
export interface FocusStop {
  label: string;
  inMain: boolean;
  skipLink: boolean;
  /** Outline and box-shadow while focused, and after blur. */
  focusedStyle: string;
  unfocusedStyle: string;
  /** Whether the focused style draws something: an outline of some width, or a box shadow. */
  drawsIndicator: boolean;
}

/** Presses Tab from the top of a freshly loaded page until focus leaves the page or comes back around. */
export async function tabThrough(page: Page, max = 150): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (window as unknown as FocusLog).__focusStops = [];
  });
  const stops: Omit<FocusStop, "unfocusedStyle">[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      const seen = (window as unknown as FocusLog).__focusStops ?? [];
      if (!el || el === document.body || seen.includes(el)) return null;
      seen.push(el);
      const s = getComputedStyle(el);
      const width = s.getPropertyValue("outline-width");
      const outline = s.getPropertyValue("outline-style");
      const shadow = s.getPropertyValue("box-shadow");
      return {
        label: `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").trim().slice(0, 60)} ${el.getAttribute("href") ?? ""}`,
        inMain: el.closest("main") !== null,
        skipLink: el.getAttribute("href") === "#main",
        focusedStyle: `${outline} ${width} ${s.getPropertyValue("outline-color")} | ${shadow}`,
        drawsIndicator: (outline !== "none" && width !== "0px") || shadow !== "none",
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  const unfocused = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    return ((window as unknown as FocusLog).__focusStops ?? []).map((el) => {
      const s = getComputedStyle(el);
      return `${s.getPropertyValue("outline-style")} ${s.getPropertyValue("outline-width")} ${s.getPropertyValue("outline-color")} | ${s.getPropertyValue("box-shadow")}`;
    });
  });
  return stops.map((s, i) => ({ ...s, unfocusedStyle: unfocused[i] ?? "" }));
}

/** Where focus is now: inside main (or main itself), and the hash the page shows. */
export async function focusState(page: Page): Promise<{ inMain: boolean; hash: string; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      inMain: el?.closest("main") != null,
      hash: window.location.hash,
      label: el ? `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").trim().slice(0, 40)}` : "nothing",
    };
  });
}

/** A part of the page to find: the first match of a CSS selector, or the innermost element holding a text. */
export type Probe = { css: string } | { text: string } | { exactText: string };

/**
 * Each probe's element inside main, as its position in document order (-1 if absent), so a test can
 * say "headline before byline before image" without caring about the markup between them.
 */
export async function mainPositions(page: Page, probes: readonly Probe[]): Promise<number[]> {
  return page.evaluate((list) => {
    const main = document.querySelector("main");
    const all = Array.from(document.querySelectorAll("*"));
    const inMain = all.filter((el) => main?.contains(el) ?? false);
    const innermost = (match: (el: Element) => boolean) =>
      inMain.find((el) => match(el) && !Array.from(el.children).some((c) => match(c)));
    return list.map((p) => {
      let el: Element | null | undefined;
      if ("css" in p) el = main?.querySelector(p.css);
      else if ("text" in p) el = innermost((e) => (e.textContent ?? "").includes(p.text));
      else el = inMain.find((e) => (e.textContent ?? "").trim() === p.exactText);
      return el ? all.indexOf(el) : -1;
    });
  }, probes);
}

/**
 * The text of main with whitespace collapsed, to count how often something is said. textContent, not
 * innerText: CSS may upper-case a credit for show, but the page still says it as written.
 */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
}

/**
 * Loads every image, lazy ones below the fold included (a lazy image there would not have started),
 * and returns the addresses of those that failed. Also makes full-page screenshots show them.
 */
export async function brokenImages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = "eager";
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    return images.filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
  });
}
