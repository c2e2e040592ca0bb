/** @module Pure presenters: story ranking, page cursors, script-safe JSON, text direction, excerpts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { firstWords, presentArticle } from "./article.ts";
import { formatCursor, parseCursor } from "./cursor.ts";
import { scriptSafeJson } from "./json-ld.ts";
import { rankStories, storyScore } from "./ranking.ts";
import { cleanLanguageTag, textDirection } from "./text-direction.ts";

const T = Date.parse("2026-11-20T12:00:00.000Z");
const story = (id: number, outlets: number, hoursAgo: number) => ({
  id,
  source_count: outlets,
  last_published_at: new Date(T - hoursAgo * 3_600_000).toISOString(),
});

test("ranking weighs outlets against age, measured from the newest candidate", () => {
  const ranked = rankStories([story(1, 1, 0), story(2, 5, 6), story(3, 5, 30), story(4, 1, 3)], 10);
  assert.deepEqual(
    ranked.map((s) => s.id),
    [2, 1, 4, 3],
  );
  assert.ok(
    storyScore(story(9, 5, 7), T) > storyScore(story(8, 1, 0), T),
    "five outlets hold the top for hours",
  );
  assert.ok(storyScore(story(9, 5, 9), T) < storyScore(story(8, 1, 0), T), "but not for ever");
  assert.deepEqual(rankStories([], 5), []);
  assert.equal(rankStories([story(1, 1, 0), story(2, 1, 1)], 1).length, 1);
  // Only relative ages matter: the same candidates a day later rank the same.
  const later = [story(1, 1, 24), story(2, 5, 30), story(3, 5, 54), story(4, 1, 27)];
  assert.deepEqual(
    rankStories(later, 10).map((s) => s.id),
    [2, 1, 4, 3],
  );
});

test("cursors round-trip and anything malformed is null", () => {
  const row = { sort_at: "2026-11-20T10:00:00.000Z", id: 42 };
  assert.deepEqual(parseCursor(formatCursor(row)), { sortAt: row.sort_at, id: 42 });
  assert.equal(parseCursor(undefined), undefined);
  assert.equal(parseCursor(""), undefined);
  for (const bad of ["x", "2026-11-20T10:00:00.000Z", "2026-11-20_1", "2026-02-31T10:00:00Z_1x", ["a"], 5])
    assert.equal(parseCursor(bad), null, String(bad));
  assert.equal(parseCursor("2026-11-20T10:00:00Z_99999999999999999"), null);
  // Storage compares times as text: a rolled-over day, an offset or another precision would page from
  // the wrong row, so only the stored form is a cursor.
  for (const bad of [
    "2026-02-31T10:00:00.000Z_1",
    "2026-11-20T12:00:00.000+02:00_1",
    "2026-11-20T10:00:00Z_1",
  ])
    assert.equal(parseCursor(bad), null, bad);
});

test("script-safe JSON cannot close its script element and parses back to the same value", () => {
  const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028" };
  const json = scriptSafeJson(value);
  assert.doesNotMatch(json, /[<>&\u2028]/);
  assert.deepEqual(JSON.parse(json), value);
});

test("right-to-left languages are recognised; junk language tags are dropped", () => {
  for (const rtl of ["ar", "he", "fa", "ur", "ar-EG", "FA", "ps", "yi"])
    assert.equal(textDirection(rtl), "rtl", rtl);
  for (const ltr of ["en", "fr-CA", "zh-Hant"]) assert.equal(textDirection(ltr), "ltr", ltr);
  assert.equal(textDirection(null), null);
  assert.equal(cleanLanguageTag('en" onload="x'), null);
  assert.equal(cleanLanguageTag("pt_BR"), "pt-BR");
});

test("excerpts stop after the word limit with an ellipsis", () => {
  assert.equal(firstWords("one two  three", 5), "one two three");
  assert.equal(firstWords("a b c d", 2), "a b…");
});

/** An article row as storage returns it, with `over` on top. */
function articleRow(over: Partial<ArticleWithSource> = {}): ArticleWithSource {
  return {
    id: 1,
    source_id: 1,
    guid: "g",
    url: "https://www.outlet.test/a?utm=1",
    canonical_url: null,
    title: "T",
    byline: null,
    agency: null,
    published_at: null,
    lead_image_url: null,
    lead_image_alt: null,
    lead_image_caption: null,
    lead_image_credit: null,
    lead_image_width: null,
    lead_image_height: null,
    body_html: "",
    text: "",
    excerpt: null,
    language: null,
    fetched_at: "2026-11-20T10:00:00.000Z",
    created_at: "2026-11-20T10:00:00.000Z",
    updated_at: "2026-11-20T10:00:00.000Z",
    sort_at: "2026-11-20T10:00:00.000Z",
    story_id: null,
    comments_closed: 0,
    near_duplicate_of: null,
    url_key: null,
    revised_at: null,
    statements_at: null,
    source_title: "Outlet",
    source_url: "https://outlet.test/feed",
    source_site_url: null,
    source_display_mode: "full",
    ...over,
  };
}

test("rel=canonical credits the original's canonical address only on the original's own site", () => {
  const base = articleRow();
  const own = presentArticle({ ...base, canonical_url: "https://outlet.test/a" });
  assert.equal(own.originalCanonical, "https://outlet.test/a");
  const foreign = presentArticle({ ...base, canonical_url: "https://elsewhere.test/a" });
  assert.equal(foreign.originalCanonical, "https://www.outlet.test/a?utm=1");
  const hostile = presentArticle({ ...base, canonical_url: "javascript:alert(1)" });
  assert.equal(hostile.originalCanonical, "https://www.outlet.test/a?utm=1");
});

test("the lead image keeps the size the page declared, so its box is reserved", () => {
  const row = articleRow({
    lead_image_url: "https://outlet.test/b.jpg",
    lead_image_alt: "A harbour",
    lead_image_width: 1200,
    lead_image_height: 800,
  });
  const sized = presentArticle(row).leadImage;
  assert.equal(sized?.width, 1200);
  assert.equal(sized?.height, 800);
  const unsized = presentArticle({ ...row, lead_image_width: null, lead_image_height: null }).leadImage;
  assert.equal(unsized?.width, null);
});
