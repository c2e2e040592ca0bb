/** @module The extractor on every demo newsroom page, against the demo's own content as ground truth. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { demoArticles, findOutlet } from "../../demo/content/index.ts";
import { type DemoOrigin, startDemoOrigin } from "../../demo/origin.ts";
import { articlePath } from "../../demo/paths.ts";
import { extractArticle } from "../../src/extract/extract-article.ts";
import { articleOrNull } from "../../src/extract/types.ts";

let origin: DemoOrigin;
before(async () => {
  origin = await startDemoOrigin();
});
after(() => origin.close());

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const FURNITURE =
  /leave a reply|email address will not be published|newsletter|subscribe|share on|related stories|cookie/i;

for (const article of demoArticles) {
  test(`${article.outletSlug}: ${article.slug}`, async () => {
    const outlet = findOutlet(article.outletSlug);
    assert.ok(outlet);
    const url = `${origin.baseUrl}${articlePath(outlet, article)}`;
    const html = await (await fetch(url)).text();
    const got = articleOrNull(extractArticle(html, url));
    assert.ok(got, "an article was found");

    assert.equal(norm(got.title), norm(article.headline), "headline");
    assert.ok(norm(got.byline).includes(article.author), `byline "${got.byline}" names ${article.author}`);
    assert.equal(got.published, new Date(article.published).toISOString(), "published");
    assert.ok(
      got.leadImage?.url.endsWith(`/${article.leadImage.name}.svg`),
      `lead image ${got.leadImage?.url}`,
    );
    assert.equal(norm(got.leadImage?.caption), norm(article.leadImage.caption), "caption");
    assert.ok(
      norm(got.leadImage?.credit).includes(article.leadImage.credit),
      `credit "${got.leadImage?.credit}"`,
    );

    const text = norm(got.text);
    for (const block of article.body) {
      if (block.type === "p" || block.type === "h2")
        assert.ok(text.includes(norm(block.text)), `keeps: ${block.text.slice(0, 60)}`);
      if (block.type === "ul" || block.type === "ol")
        for (const item of block.items) assert.ok(text.includes(norm(item)), `keeps list item: ${item}`);
    }
    assert.doesNotMatch(text, FURNITURE, "no page furniture in the body");
    assert.ok(!text.includes(norm(article.headline)), "the headline is not repeated in the body");
  });
}
