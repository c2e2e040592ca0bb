/** @module Invariants of the demo newsroom's content data (the ground truth other tests rely on). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { articlesOfEvent, demoArticles, demoEvents, demoOutlets, findOutlet, imagesOf } from "./index.ts";

test("outlets and articles", () => {
  assert.ok(demoOutlets.length >= 4);
  assert.ok(demoArticles.length >= 20);
  assert.equal(new Set(demoOutlets.map((o) => o.slug)).size, demoOutlets.length);
  for (const outlet of demoOutlets) {
    assert.ok(demoArticles.filter((a) => a.outletSlug === outlet.slug).length >= 3, outlet.slug);
  }
});

test("every article is complete and dated November 2026", () => {
  const keys = new Set<string>();
  for (const a of demoArticles) {
    const outlet = findOutlet(a.outletSlug);
    assert.ok(outlet, a.slug);
    assert.ok(
      outlet.sections.some((s) => s.slug === a.section),
      `${a.slug}: section ${a.section}`,
    );
    assert.match(a.published, /^2026-11-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    if (a.updated) assert.ok(Date.parse(a.updated) > Date.parse(a.published), a.slug);
    assert.ok(a.headline && a.author && a.summary && a.tags.length > 0, a.slug);
    assert.match(a.slug, /^[a-z0-9-]+$/);
    keys.add(`${a.outletSlug}/${a.slug}`);
  }
  assert.equal(keys.size, demoArticles.length, "slugs are unique per outlet");
  const images = demoArticles.flatMap(imagesOf);
  assert.equal(new Set(images.map((i) => i.name)).size, images.length, "image names are unique");
});

test("article lengths vary: 4-9 paragraphs, with one very short article", () => {
  const paragraphs = demoArticles.map((a) => a.body.filter((b) => b.type === "p").length);
  assert.equal(paragraphs.filter((n) => n <= 2).length, 1);
  assert.ok(
    paragraphs.filter((n) => n > 2).every((n) => n >= 4 && n <= 9),
    String(paragraphs),
  );
  assert.ok(demoArticles.some((a) => a.direction === "rtl"));
  assert.ok(demoArticles.some((a) => a.body.some((b) => b.type === "quote")));
  assert.ok(demoArticles.some((a) => a.body.some((b) => b.type === "figure")));
});

test("each event is covered by 2-4 different outlets; other articles stand alone", () => {
  assert.ok(demoEvents.length >= 4);
  for (const event of demoEvents) {
    const articles = articlesOfEvent(event.id);
    const outlets = new Set(articles.map((a) => a.outletSlug));
    assert.equal(outlets.size, articles.length, `${event.id}: one article per outlet`);
    assert.ok(outlets.size >= 2 && outlets.size <= 4, event.id);
    assert.equal(new Set(articles.map((a) => a.headline)).size, articles.length);
  }
  for (const a of demoArticles) {
    if (a.eventId !== null)
      assert.ok(
        demoEvents.some((e) => e.id === a.eventId),
        a.slug,
      );
  }
});
