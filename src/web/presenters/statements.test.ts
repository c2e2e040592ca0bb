/** @module Who said what's presenters: grouping by source, unnamed sources, a story's comparison without reprints, Quotations. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { StatementRow } from "../../storage/people.ts";
import type { StoryMember } from "../../storage/story-reads.ts";
import { presentStoryStatements, presentWhoSaidWhat, quotationsJsonLd, sourceLabel } from "./statements.ts";

let nextId = 1;
function statement(articleId: number, position: number, fields: Partial<StatementRow>): StatementRow {
  return {
    id: nextId++,
    article_id: articleId,
    position,
    person_id: null,
    person_slug: null,
    person_name: null,
    person_kind: null,
    source: "someone",
    affiliation: null,
    anonymous: false,
    kind: "direct",
    verb: "said",
    text: "words",
    sort_at: "2026-11-20T08:00:00.000Z",
    source_display_mode: "full",
    ...fields,
  };
}

function member(id: number, sourceId: number, fields: Partial<StoryMember> = {}): StoryMember {
  return {
    id,
    story_id: 1,
    source_id: sourceId,
    title: `Report ${id}`,
    url: `https://o${sourceId}.test/${id}`,
    sort_at: `2026-11-20T0${id}:00:00.000Z`,
    revised_at: null,
    near_duplicate_of: null,
    language: "en",
    has_image: false,
    source_title: `Outlet ${sourceId}`,
    source_url: `https://o${sourceId}.test/feed`,
    source_site_url: null,
    source_display_mode: "full",
    source_labels: null,
    ...fields,
  };
}

const kim = {
  person_id: 7,
  person_slug: "kim-jong-un",
  person_name: "Kim Jong Un",
  person_kind: "person" as const,
};

test("an article's sources: each once, in order of first statement, the affiliation from any statement", () => {
  const groups = presentWhoSaidWhat(
    [
      statement(1, 0, { ...kim, source: "Kim Jong Un" }),
      statement(1, 1, { source: "diplomat", anonymous: true, kind: "indirect" }),
      statement(1, 2, { ...kim, source: "Kim", affiliation: "leader", kind: "according_to", verb: "" }),
    ],
    "en",
  );
  assert.deepEqual(
    groups.map((g) => [g.speaker.name, g.speaker.path, g.speaker.affiliation, g.statements.length]),
    [
      ["Kim Jong Un", "/people/kim-jong-un", "leader", 2],
      ["Unnamed source: diplomat", null, null, 1],
    ],
  );
  assert.equal(groups[0]?.statements[1]?.verb, "according to", "a missing verb reads by kind");
  assert.equal(groups[0]?.statements[1]?.quote, false);
  assert.equal(sourceLabel({ source: "anonymous officials", anonymous: true }), "anonymous officials");
  assert.deepEqual(presentWhoSaidWhat([], null), []);
});

test("an excerpt-only source's statements are cut, as its text is", () => {
  const long = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
  const [full] = presentWhoSaidWhat([statement(1, 0, { text: long })], null);
  assert.equal(full?.statements[0]?.text, long);
  const [cut] = presentWhoSaidWhat([statement(1, 0, { text: long, source_display_mode: "excerpt" })], null);
  assert.equal(cut?.statements[0]?.text, `${long.split(" ").slice(0, 30).join(" ")}…`);
});

test("a story's comparison: sources quoted by more outlets first, outlets in reporting order, reprints left out", () => {
  const members = [member(1, 10), member(2, 20, { near_duplicate_of: 1 }), member(3, 30)];
  const compared = presentStoryStatements(members, [
    statement(1, 0, { source: "officials", kind: "indirect" }),
    statement(1, 1, { ...kim, text: "first" }),
    statement(2, 0, { ...kim, text: "first" }),
    statement(3, 0, { ...kim, text: "third" }),
  ]);
  assert.deepEqual(
    compared.map((c) => [c.speaker.name, c.outlets.map((o) => o.outletName)]),
    [
      ["Kim Jong Un", ["Outlet 10", "Outlet 30"]],
      ["officials", ["Outlet 10"]],
    ],
  );
});

test("Quotations: Person or Organization, the person's page as url when the site's address is known", () => {
  const groups = presentWhoSaidWhat(
    [
      statement(1, 0, { ...kim, text: "a quote" }),
      statement(1, 1, { source: "the Foreign Ministry", kind: "indirect", text: "a claim" }),
    ],
    null,
  );
  const items = quotationsJsonLd(groups, "https://news.example.org");
  assert.deepEqual(items[0], {
    "@type": "Quotation",
    text: "a quote",
    creator: { "@type": "Person", name: "Kim Jong Un", url: "https://news.example.org/people/kim-jong-un" },
    description: "Quotation (said)",
  });
  assert.equal((items[1]?.creator as { "@type"?: string } | undefined)?.["@type"], "Organization");
  assert.equal(items[1]?.description, "Paraphrase (said)");
});
