/** @module Invariants of the demo newsroom's content data (the ground truth other tests rely on). */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  articlesOfEvent,
  type DemoArticle,
  demoArticles,
  demoConfusableEvents,
  demoEvents,
  demoOutlets,
  findArticle,
  findOutlet,
  imagesOf,
  revisedVersion,
} from "./index.ts";

const DAY = 86_400_000;

/** The lower-cased words of an article's story text (credit lines such as "Source: ..." left out). */
function words(a: DemoArticle): Set<string> {
  const text = a.body
    .flatMap((b) =>
      b.type === "ul" || b.type === "ol" ? b.items : b.type === "credit" ? [] : "text" in b ? [b.text] : [],
    )
    .join(" ")
    .toLowerCase();
  return new Set(text.match(/[\p{L}\p{N}$%]+(?:[.,'’-][\p{L}\p{N}%]+)*/gu) ?? []);
}

/** Jaccard overlap of two articles' word sets: 1 for the same words, 0 for none in common. */
function overlap(a: DemoArticle, b: DemoArticle): number {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
}

const isOriginal = (a: DemoArticle): boolean => a.reprintOf === null;

test("outlets and articles", () => {
  assert.ok(demoOutlets.length >= 5);
  assert.ok(demoArticles.length >= 30);
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
  assert.ok(demoEvents.length >= 8);
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

test("at least 6 events are each written up by at least 3 outlets (reprints not counted)", () => {
  const wellCovered = demoEvents.filter(
    (e) =>
      new Set(
        articlesOfEvent(e.id)
          .filter(isOriginal)
          .map((a) => a.outletSlug),
      ).size >= 3,
  );
  assert.ok(wellCovered.length >= 6, wellCovered.map((e) => e.id).join(", "));
});

test("events are more than two days apart, except the confusable pair; coverage follows its event", () => {
  const confusable = (a: string, b: string): boolean =>
    demoConfusableEvents.some(({ events: [x, y] }) => (x === a && y === b) || (x === b && y === a));
  assert.ok(demoConfusableEvents.length >= 1);
  for (const e of demoEvents) {
    assert.match(e.date, /^2026-11-\d\d$/);
    for (const f of demoEvents) {
      if (e === f) continue;
      const apart = Math.abs(Date.parse(e.date) - Date.parse(f.date));
      if (confusable(e.id, f.id)) assert.ok(apart <= 2 * DAY, `${e.id} and ${f.id} are within two days`);
      else assert.ok(apart > 2 * DAY, `${e.id} and ${f.id} are more than two days apart`);
    }
    for (const a of articlesOfEvent(e.id)) {
      const after = Date.parse(a.published) - Date.parse(`${e.date}T00:00:00-08:00`);
      assert.ok(after >= 0 && after < 2 * DAY, `${a.slug} is published within two days of ${e.id}`);
    }
  }
  for (const { events, subject, mentions } of demoConfusableEvents) {
    for (const [i, id] of events.entries()) {
      const articles = articlesOfEvent(id);
      assert.ok(articles.length >= 3, id);
      assert.ok(
        articles.every((a) => JSON.stringify(a.body).includes(subject)),
        `${id}: every article names ${subject}`,
      );
      const word = mentions[i] ?? "";
      assert.ok(
        articles.some((a) => words(a).has(word)),
        `${id}: an article mentions the other event ("${word}")`,
      );
    }
  }
});

test("wire reprints are near-identical to their original; other write-ups of an event are clearly different", () => {
  const reprints = demoArticles.filter((a) => !isOriginal(a));
  assert.ok(reprints.length >= 2);
  for (const r of reprints) {
    const original = findArticle(r.reprintOf ?? "");
    assert.ok(original, `${r.slug}: original ${r.reprintOf}`);
    assert.equal(original.outletSlug, "meridian-wire");
    assert.notEqual(r.outletSlug, original.outletSlug);
    assert.equal(r.eventId, original.eventId);
    assert.ok(r.eventId, "a reprint belongs to its original's event");
    assert.notEqual(r.headline, original.headline);
    assert.deepEqual(r.body.at(-1), { type: "credit", text: "Source: Meridian Business Wire" });
    assert.match(JSON.stringify(original.body.at(-1)), /\(Reporting by/);
    assert.ok(!JSON.stringify(r.body).includes("(Reporting by"), "the wire's credit line is trimmed");
    assert.ok(overlap(r, original) > 0.9, `${r.slug}: overlap ${overlap(r, original).toFixed(3)}`);
    assert.ok(overlap(r, original) < 1, `${r.slug} differs from the wire copy in a word or two`);
  }
  let pairs = 0;
  for (const e of demoEvents) {
    const articles = articlesOfEvent(e.id);
    for (const [i, a] of articles.entries()) {
      for (const b of articles.slice(i + 1)) {
        if (a.reprintOf === `${b.outletSlug}/${b.slug}` || b.reprintOf === `${a.outletSlug}/${a.slug}`)
          continue;
        pairs++;
        assert.ok(overlap(a, b) < 0.5, `${a.slug} / ${b.slug}: overlap ${overlap(a, b).toFixed(3)}`);
      }
    }
  }
  assert.ok(pairs >= 20);
});

test("one article has a headline edit with the same identity", () => {
  const edited = demoArticles.filter((a) => a.revision);
  assert.equal(edited.length, 1);
  for (const a of edited) {
    const r = revisedVersion(a);
    assert.notEqual(r.headline, a.headline);
    assert.equal(r.slug, a.slug);
    assert.ok(r.updated && Date.parse(r.updated) > Date.parse(a.updated ?? a.published));
    assert.match(JSON.stringify(r.body.at(-1)), /Correction/);
    assert.ok(isOriginal(a) && a.eventId);
  }
});
