/** @module Pure story presenters: card fallbacks, lead sentences, labels and breakdowns, the front page's plan, reprints, revisions. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleWithSource } from "../../storage/articles.ts";
import type { Story } from "../../storage/schema.ts";
import type { StoryMember } from "../../storage/story-reads.ts";
import { planFrontPage } from "./front-page.ts";
import { withoutListedReprints } from "./reprints.ts";
import { earlierHeadlines } from "./revisions.ts";
import { coverageBreakdown, parseSourceLabels } from "./source-labels.ts";
import { firstSentence, presentStoryCard, storyCardIds } from "./story.ts";
import { presentStoryPage } from "./story-page.ts";

function member(id: number, over: Partial<StoryMember> = {}): StoryMember {
  return {
    id,
    story_id: 1,
    source_id: id,
    title: `Report ${id}`,
    url: `https://s${id}.test/a`,
    sort_at: `2026-11-20T0${id}:00:00.000Z`,
    revised_at: null,
    near_duplicate_of: null,
    language: null,
    has_image: false,
    source_title: `Outlet ${id}`,
    source_url: `https://s${id}.test/feed`,
    source_site_url: null,
    source_display_mode: "full",
    source_labels: null,
    ...over,
  };
}

function story(over: Partial<Story> = {}): Story {
  return {
    id: 1,
    title: "Report 2",
    last_published_at: "2026-11-20T04:00:00.000Z",
    first_published_at: "2026-11-20T01:00:00.000Z",
    article_count: 3,
    source_count: 3,
    created_at: "2026-11-20T01:00:00.000Z",
    updated_at: "2026-11-20T04:00:00.000Z",
    lead_article_id: null,
    first_article_id: null,
    image_article_id: null,
    lead_sentence: null,
    ...over,
  };
}

function row(m: StoryMember, over: Partial<ArticleWithSource> = {}): ArticleWithSource {
  return {
    id: m.id,
    source_id: m.source_id,
    guid: String(m.id),
    url: m.url,
    canonical_url: null,
    title: m.title,
    byline: null,
    agency: null,
    published_at: m.sort_at,
    lead_image_url: m.has_image ? `https://s${m.id}.test/i.jpg` : null,
    lead_image_alt: null,
    lead_image_caption: null,
    lead_image_credit: null,
    lead_image_width: null,
    lead_image_height: null,
    body_html: "",
    text: "",
    excerpt: "First sentence here. Second one.",
    language: null,
    fetched_at: m.sort_at,
    created_at: m.sort_at,
    updated_at: m.sort_at,
    sort_at: m.sort_at,
    story_id: m.story_id,
    comments_closed: 0,
    near_duplicate_of: m.near_duplicate_of,
    url_key: null,
    revised_at: m.revised_at,
    statements_at: null,
    source_title: m.source_title,
    source_url: m.source_url,
    source_site_url: null,
    source_display_mode: m.source_display_mode,
    ...over,
  };
}

test("a card names the stored lead and image reports, else the report the story is named after and the first showable picture", () => {
  const members = [
    member(1, { has_image: true, source_display_mode: "excerpt" }),
    member(2),
    member(3, { has_image: true }),
  ];
  assert.deepEqual(
    storyCardIds(story(), members),
    { lead: 2, image: 3 },
    "an excerpt-only outlet's picture is not shown",
  );
  assert.deepEqual(storyCardIds(story({ lead_article_id: 3, image_article_id: 3 }), members), {
    lead: 3,
    image: 3,
  });
  // A stored choice that is no longer a member (or cannot be shown) falls back.
  assert.deepEqual(storyCardIds(story({ lead_article_id: 99, image_article_id: 1 }), members), {
    lead: 2,
    image: 3,
  });
  assert.deepEqual(
    storyCardIds(story({ title: "Other" }), [member(1, { near_duplicate_of: 5 }), member(2)]),
    {
      lead: 2,
      image: null,
    },
  );
  assert.deepEqual(storyCardIds(story(), []), { lead: null, image: null });
});

test("the lead sentence is the stored one, else the lead report's first sentence", () => {
  assert.equal(firstSentence("Rain fell. Then it stopped."), "Rain fell.");
  assert.equal(firstSentence("  No full stop  "), "No full stop");
  assert.equal(firstSentence(null), null);
  const members = [member(1), member(2)];
  const rows = new Map(members.map((m) => [m.id, row(m)]));
  const card = presentStoryCard(story({ title: "Report 2" }), members, rows);
  assert.equal(card?.leadSentence, "First sentence here.");
  assert.equal(card?.lead.id, 2);
  assert.equal(card?.firstReport?.sourceName, "Outlet 1", "first reported: the oldest member");
  assert.equal(card?.href, card?.path, "a story of several links to its page");
  const stored = presentStoryCard(story({ lead_sentence: "Stored." }), members, rows);
  assert.equal(stored?.leadSentence, "Stored.");
  const one = presentStoryCard(story({ title: "Report 1" }), [member(1)], rows);
  assert.equal(one?.href, one?.lead.path, "a story of one links to its report");
  assert.equal(presentStoryCard(story(), [], rows), null);
});

test("labels are read leniently and counted by outlet, the unlabelled included so the numbers add up", () => {
  assert.deepEqual(parseSourceLabels('{"country": "gb", "kind": "wire"}'), { country: "GB", kind: "wire" });
  assert.deepEqual(parseSourceLabels('{"country": "Britain", "kind": "tabloid"}'), {
    country: null,
    kind: null,
  });
  assert.deepEqual(parseSourceLabels("not json"), { country: null, kind: null });
  assert.deepEqual(parseSourceLabels('["wire"]'), { country: null, kind: null });
  assert.deepEqual(
    parseSourceLabels('{"kind": "toString"}'),
    { country: null, kind: null },
    "own kinds only",
  );
  const b = coverageBreakdown([
    { country: "FR", kind: "wire" },
    { country: "FR", kind: "wire" },
    { country: "GB", kind: "state" },
    { country: null, kind: "independent" },
    { country: null, kind: null },
  ]);
  assert.deepEqual(
    b.kinds.map((l) => l.label),
    ["2 wire agencies", "1 independent outlet", "1 state media", "1 not labelled"],
  );
  assert.deepEqual(
    b.countries.map((l) => l.label),
    ["2 France", "1 United Kingdom", "2 not labelled"],
  );
  assert.deepEqual(
    coverageBreakdown([{ country: null, kind: null }]),
    { kinds: [], countries: [] },
    "nothing to say",
  );
});

test("a story page groups reports by outlet in reporting order and puts reprints under their original", () => {
  const members = [
    member(1),
    member(2, { near_duplicate_of: 1 }),
    member(3),
    member(4, { source_id: 1, revised_at: "2026-11-20T09:00:00.000Z" }),
    member(5, { near_duplicate_of: 77 }),
  ];
  const rows = new Map(members.map((m) => [m.id, row(m)]));
  const view = presentStoryPage(story({ title: "Report 1" }), members, rows);
  assert.ok(view);
  assert.deepEqual(
    view.groups.map((g) => [g.outlet.name, g.reports.map((r) => r.article.id)]),
    [
      ["Outlet 1", [1, 4]],
      ["Outlet 3", [3]],
      ["Outlet 5", [5]],
    ],
    "a reprint of a report outside the story stands as a report",
  );
  assert.deepEqual(
    view.groups[0]?.reports[0]?.republished.map((r) => r.sourceName),
    ["Outlet 2"],
  );
  assert.deepEqual(
    view.timeline.map((t) => [t.id, t.reprint]),
    [
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ],
  );
  assert.equal(view.updated.iso, "2026-11-20T09:00:00.000Z", "an edit after the newest report");
});

test("the front page's plan: the top by ranking, then sections for the most covered topics, each story once", () => {
  const s = (id: number, outlets: number, hour: number) => ({
    id,
    source_count: outlets,
    last_published_at: `2026-11-20T${String(hour).padStart(2, "0")}:00:00.000Z`,
  });
  const candidates = Array.from({ length: 14 }, (_, i) => s(i + 1, 1, 23 - i));
  const topics = [
    ...candidates.slice(7).map((c) => ({ storyId: c.id, slug: "world", name: "World" })),
    { storyId: 1, slug: "sport", name: "Sport" },
    { storyId: 9, slug: "sport", name: "Sport" },
    { storyId: 10, slug: "sport", name: "Sport" },
    { storyId: 11, slug: "arts", name: "Arts" },
  ];
  const plan = planFrontPage(candidates, topics);
  assert.deepEqual(
    plan.top.map((t) => t.id),
    [1, 2, 3, 4, 5, 6, 7],
  );
  // Sport's other stories are shown under World by then, and Arts has one: neither gets a section.
  assert.deepEqual(
    plan.sections.map((x) => [x.slug, x.stories.map((t) => t.id)]),
    [["world", [8, 9, 10, 11]]],
  );
  const shown = [...plan.top, ...plan.sections.flatMap((x) => x.stories)].map((t) => t.id);
  assert.equal(new Set(shown).size, shown.length, "no story twice");
});

test("a list keeps an original and drops its reprint; a reprint alone stays", () => {
  const rows = [
    { id: 1, near_duplicate_of: null },
    { id: 2, near_duplicate_of: 1 },
    { id: 3, near_duplicate_of: 9 },
  ];
  assert.deepEqual(
    withoutListedReprints(rows).map((r) => r.id),
    [1, 3],
  );
});

test("earlier headlines list real headline changes only", () => {
  const r = (title: string, h: number) => ({ title, replaced_at: `2026-11-20T0${h}:00:00.000Z` });
  assert.deepEqual(
    earlierHeadlines([r("A", 1), r("A", 2), r("B", 3), r("C", 4)], "C").map((x) => [x.title, x.until.iso]),
    [
      ["A", "2026-11-20T02:00:00.000Z"],
      ["B", "2026-11-20T03:00:00.000Z"],
    ],
    "a body edit (same headline) adds no line; today's headline is not an earlier one",
  );
  assert.deepEqual(earlierHeadlines([], "C"), []);
});
