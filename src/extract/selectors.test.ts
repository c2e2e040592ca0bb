/** @module Operator-set selectors: the include selector is taken as the body, the exclude selector drops first. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "./extract-article.ts";
import { selectorProblem } from "./selectors.ts";
import { articleOrNull } from "./types.ts";

const PAGE = `<html><body>
<div class="story"><p>The festival opens on Friday with music on three stages along the river, organisers said.</p>
<p class="promo-box">Win tickets in our weekly draw!</p>
<p>Food stalls will stay open until midnight, and buses will run every ten minutes until one in the morning.</p></div>
<div class="sidebar-text"><p>A long unrelated essay about gardening that goes on and on, with many commas, clauses, and words, and more words.</p>
<p>Another paragraph of the unrelated essay, long enough to compete with the story for the extractor's attention, surely.</p>
<p>And a third one, so that the essay wins on its own, which is exactly why a source's operator may want to say where the body is.</p></div>
</body></html>`;

test("the include selector wins over scoring, and the exclude selector drops first", () => {
  const auto = articleOrNull(extractArticle(PAGE, "https://s.test/a"));
  assert.match(auto?.text ?? "", /gardening/, "without selectors the longer essay wins");
  const chosen = articleOrNull(
    extractArticle(PAGE, "https://s.test/a", {
      selectors: { include: ".story", exclude: ".promo-box" },
    }),
  );
  assert.match(chosen?.text ?? "", /festival opens on Friday/);
  assert.match(chosen?.text ?? "", /buses will run/);
  assert.doesNotMatch(chosen?.text ?? "", /gardening|Win tickets/);
});

test("a selector that matches nothing falls back to the automatic extraction; a broken one is reported", () => {
  const none = articleOrNull(
    extractArticle(PAGE, "https://s.test/a", { selectors: { include: ".no-such-thing" } }),
  );
  assert.ok((none?.text.length ?? 0) > 100);
  assert.match(selectorProblem("div[") ?? "", /not a valid CSS selector/);
  assert.equal(selectorProblem(".story > p, #main"), null);
});
