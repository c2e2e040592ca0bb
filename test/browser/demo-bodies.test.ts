/**
 * @module The demo newsroom's article bodies as a newcomer sees them after `npm start`: every demo
 * article, ingested by `serve --demo` through the real pipeline, opened in chromium; the first and
 * the last block of its body must be what its page means them to be (its standfirst or first
 * paragraph; its last paragraph, credit line or correction), never a section link, a repeated
 * byline, a dangling label or a layout table.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoArticles } from "../../demo/content/index.ts";
import type { DemoArticle, DemoBlock } from "../../demo/content/types.ts";
import { browserSkipReason, launchBrowser, type TestBrowser } from "../support/browser.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { type DemoServe, demoArticleLinks, startDemoServe } from "../support/serve-command.ts";

/** Text as compared: quotes and dashes folded, whitespace collapsed. */
const fold = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

/** What a demo body block reads as: its text, a list's items, a quotation without its markup. */
function blockText(b: DemoBlock): string | null {
  switch (b.type) {
    case "p":
    case "h2":
    case "credit":
      return b.text;
    case "quote":
      return b.text;
    case "ul":
    case "ol":
      return b.items.join(" ");
    case "figure":
      return null;
  }
}

/** The blocks a reader may rightly see first and last in the article's body. */
function expectedEnds(a: DemoArticle): { first: string[]; last: string[] } {
  const texts = a.body.flatMap((b) => blockText(b) ?? []);
  const story = a.body.filter((b) => b.type !== "credit").flatMap((b) => blockText(b) ?? []);
  const credits = a.body.filter((b) => b.type === "credit").map((b) => blockText(b) ?? "");
  return {
    // Pages that show a standfirst over the text lead with it.
    first: [a.summary, texts[0] ?? ""].map(fold),
    last: [story.at(-1) ?? "", ...credits, ...(a.revision?.note ? [a.revision.note] : [])].map(fold),
  };
}

describe("demo article bodies in chromium", { skip: browserSkipReason() }, () => {
  const tdb = sqliteTestDatabase();
  let browser: TestBrowser;
  let demo: DemoServe;
  let links: string[] = [];
  before(async () => {
    [browser, demo] = await Promise.all([launchBrowser(), startDemoServe(tdb.url)]);
    links = (await demoArticleLinks(demo.site, demoArticles.length, 90_000)).links;
  });
  after(async () => {
    await browser?.close();
    const code = await demo?.stop();
    await tdb.drop();
    assert.equal(code, 0, "serve exits cleanly");
  });

  test("every demo article's body starts and ends where its page's article does", async () => {
    assert.equal(links.length, demoArticles.length, "every demo article is on the site");
    const problems: string[] = [];
    const page = await browser.context.newPage();
    try {
      for (const link of links) {
        await page.goto(demo.site + link);
        const seen = await page.evaluate(() => {
          const body = document.querySelector(".article-body");
          const blocks: string[] = [];
          const BLOCK = /^(P|H[1-6]|UL|OL|DL|BLOCKQUOTE|TABLE|PRE|FIGURE|HR)$/;
          const walk = (el: Element) => {
            let inline = "";
            for (const n of Array.from(el.childNodes)) {
              if (n.nodeType === Node.TEXT_NODE) inline += n.textContent ?? "";
              else if (n instanceof Element && BLOCK.test(n.tagName)) {
                if (inline.trim()) blocks.push(inline);
                inline = "";
                if (n.tagName !== "FIGURE" && n.tagName !== "HR" && (n.textContent ?? "").trim())
                  blocks.push(n.tagName === "TABLE" ? `<table> ${n.textContent}` : (n.textContent ?? ""));
              } else if (
                n instanceof Element &&
                /^(DIV|SECTION|ARTICLE|ASIDE|MAIN|HEADER|FOOTER)$/.test(n.tagName)
              ) {
                if (inline.trim()) blocks.push(inline);
                inline = "";
                walk(n);
              } else inline += n.textContent ?? "";
            }
            if (inline.trim()) blocks.push(inline);
          };
          if (body) walk(body);
          return { headline: document.querySelector("h1")?.textContent ?? "", blocks };
        });
        const article = demoArticles.find(
          (a) =>
            fold(a.headline) === fold(seen.headline) ||
            fold(a.revision?.headline ?? "") === fold(seen.headline),
        );
        if (!article) {
          problems.push(`${link}: no demo article is headed "${seen.headline}"`);
          continue;
        }
        const want = expectedEnds(article);
        const first = fold(seen.blocks[0] ?? "");
        const last = fold(seen.blocks.at(-1) ?? "");
        if (!want.first.includes(first)) problems.push(`${link}: first block "${first.slice(0, 90)}"`);
        if (!want.last.includes(last)) problems.push(`${link}: last block "${last.slice(0, 90)}"`);
      }
    } finally {
      await page.close();
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  });
});
