/** @module What clustering knows of one article: lead and whole-text terms, names, numbers, signature. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FIRE, MATCH } from "../../test/support/story-texts.ts";
import { articleFeatures, HEADLINE_WEIGHT, LEAD_WORDS, type TermCounts, YEAR_WORDS } from "./features.ts";

const asMap = (counts: TermCounts) => new Map(counts);

test("names are capitalised words inside sentences, with pairs of names as bigrams", () => {
  const f = articleFeatures({ headline: FIRE[0]!.headline, body: FIRE[0]!.body });
  const names = asMap(f.names);
  for (const n of ["calloway", "eastbrook", "delia marsh", "harbor road", "calloway logistics", "marsh"]) {
    assert.ok(names.has(n), `${n} is a name`);
  }
  // Ordinary words, and a capitalised sentence opener never capitalised elsewhere, are not names.
  for (const n of ["fire", "warehouse", "residents", "firefighters", "smoke"]) {
    assert.ok(!names.has(n), `${n} is not a name`);
  }
  // Two names in a row only: "Road remained" is not a pair.
  assert.ok(
    ![...names.keys()].some((n) => n.startsWith("road ")),
    '![...names.keys()].some((n) => n.startsWith("road "))',
  );
});

test("a sentence opener is a name only when the text also capitalises it mid-sentence", () => {
  const f = articleFeatures({
    headline: "Council meets",
    body: "Officials said the meeting ran late. Whitfield opened it at 7 p.m. and the council then heard from Whitfield again.",
  });
  const names = asMap(f.names);
  assert.ok(!names.has("officials"), '!names.has("officials")');
  assert.ok(names.has("whitfield"), "capitalised mid-sentence too");
});

test("lead names are those of the headline and the first LEAD_WORDS words; later background names are not", () => {
  const filler = Array.from({ length: LEAD_WORDS }, () => "then").join(" ");
  const f = articleFeatures({
    headline: "Eastbrook warehouse burns",
    body: `A warehouse owned by Calloway burned in Eastbrook on Tuesday, officials said. ${filler} In 2019 a similar fire hit a depot in Port Ellery.`,
  });
  assert.ok(f.leadNames.includes("calloway"), 'f.leadNames.includes("calloway")');
  assert.ok(f.leadNames.includes("eastbrook"), 'f.leadNames.includes("eastbrook")');
  assert.ok(
    !f.leadNames.includes("port ellery") && !f.leadNames.includes("ellery"),
    '!f.leadNames.includes("port ellery") && !f.leadNames.includes("ellery")',
  );
  const names = asMap(f.names);
  // Both are names; a name in the lead counts double.
  assert.equal(names.get("ellery"), 1);
  assert.equal(names.get("calloway"), 2);
  assert.deepEqual(f.leadNames, [...f.leadNames].sort(), "sorted, for stable output");
});

test("title-case headline words count as names only where the body capitalises them too", () => {
  const f = articleFeatures({
    headline: "Fire Destroys Warehouse In Eastbrook",
    body: "A fire destroyed a warehouse in Eastbrook late Tuesday, and residents of Eastbrook were told to keep their windows shut.",
  });
  const names = asMap(f.names);
  assert.ok(names.has("eastbrook"), 'names.has("eastbrook")');
  assert.ok(f.leadNames.includes("eastbrook"), 'f.leadNames.includes("eastbrook")');
  for (const w of ["destroys", "warehouse", "fire", "in"]) assert.ok(!names.has(w), `${w} is not a name`);
  // The headline adds 2 to a name the body confirms: twice in the lead (2 each) plus the headline.
  assert.equal(names.get("eastbrook"), 6);
});

test("numbers are kept as written: scores, counts, times, years, amounts", () => {
  const f = articleFeatures({ headline: MATCH[0]!.headline, body: MATCH[0]!.body });
  for (const n of ["20-13", "142", "2019", "12"]) assert.ok(f.numbers.includes(n), `${n} is a number`);
  assert.deepEqual(f.numbers, [...f.numbers].sort());
  assert.ok(!f.names.some(([n]) => /\d/.test(n)), "numbers are not names");
});

test("the lead is the headline (counted double) and the body's first LEAD_WORDS words; the whole text has every content word", () => {
  const late = Array.from({ length: LEAD_WORDS }, () => "meanwhile").join(" ");
  const f = articleFeatures({
    headline: "Bridge closes",
    body: `Crews closed the bridge on Monday after inspectors found cracks. ${late} Detours use the overpass.`,
  });
  const lead = asMap(f.lead);
  const all = asMap(f.all);
  assert.equal(lead.get("bridge"), HEADLINE_WEIGHT + 1);
  assert.equal(all.get("bridge"), 2);
  assert.equal(lead.get("cracks"), 1);
  assert.ok(!lead.has("overpass") && !lead.has("detours"), "past the lead");
  assert.equal(all.get("overpass"), 1);
  // Stop words and single letters are never terms.
  for (const w of ["the", "on", "after", "a"]) assert.ok(!all.has(w) && !lead.has(w), `${w} left out`);
  // Most frequent first, ties by term.
  const counts = f.all.map(([, c]) => c);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
  );
});

test("a headline repeated as the body's first paragraph is not counted twice", () => {
  const body = "Crews closed the Mill Street bridge on Monday after inspectors found cracked beams.";
  const plain = articleFeatures({ headline: "Mill Street bridge closed", body });
  const repeated = articleFeatures({
    headline: "Mill Street bridge closed",
    body: `Mill Street bridge closed\n\n${body}`,
  });
  assert.deepEqual(repeated.all, plain.all);
  assert.deepEqual(repeated.lead, plain.lead);
  assert.deepEqual(repeated.text, plain.text);
});

test("the text signature is the body's alone: a new headline does not change it", () => {
  const a = articleFeatures({ headline: FIRE[0]!.headline, body: FIRE[0]!.body });
  const b = articleFeatures({
    headline: "Blaze guts warehouse, three firefighters treated",
    body: FIRE[0]!.body,
  });
  assert.deepEqual(b.text, a.text);
  assert.notDeepEqual(b.lead, a.lead);
  const other = articleFeatures({ headline: FIRE[1]!.headline, body: FIRE[1]!.body });
  assert.notDeepEqual(other.text, a.text);
});

test("the language is the declared one (region dropped), else guessed from the text", () => {
  const german = {
    headline: "Brücke gesperrt",
    body: "Die Brücke über den Fluss wird ab Montag für den Verkehr gesperrt, sagte der Bürgermeister.",
  };
  assert.equal(articleFeatures(german).lang, "de");
  assert.equal(articleFeatures({ ...german, language: "de-AT" }).lang, "de");
  // German stop words are dropped for it, not English ones.
  const f = articleFeatures(german);
  assert.ok(
    !asMap(f.all).has("die") && !asMap(f.all).has("der"),
    '!asMap(f.all).has("die") && !asMap(f.all).has("der")',
  );
  assert.ok(asMap(f.all).has("brucke"), 'asMap(f.all).has("brucke")');
  assert.equal(articleFeatures({ headline: FIRE[0]!.headline, body: FIRE[0]!.body }).lang, "en");
});

test("the same article always gives the same features", () => {
  const a = articleFeatures({ headline: FIRE[2]!.headline, body: FIRE[2]!.body });
  const b = articleFeatures({ headline: FIRE[2]!.headline, body: FIRE[2]!.body });
  assert.deepEqual(a, b);
});

test("the year is the latest the headline and the first YEAR_WORDS words name, alone or in a date", () => {
  const year = (headline: string, body: string) => articleFeatures({ headline, body }).year;
  assert.equal(year("Coach fired", "Posted: May 24, 2005. The club fired its coach, hired in 2004."), 2005);
  assert.equal(year("Arrested on 2/3/2009", "A player was arrested."), 2009);
  assert.equal(year("Patch released", "Updated 2013-09-18. A fix is out, after the 2012 flaw."), 2013);
  // Counts, scores and amounts are not years; nor is a text without any.
  assert.equal(year("Storm", "About 1,000 people and 1500 homes lost power; the final was 20-13."), null);
  // Background after the opening does not count.
  const filler = Array.from({ length: YEAR_WORDS }, () => "then").join(" ");
  assert.equal(
    year("Quake", `A quake hit on Sunday, 2 July 2013. ${filler} A 2016 study warned of it.`),
    2013,
  );
});
