/** @module Word tokens: Intl.Segmenter words in any script, Latin accents folded, numbers kept whole. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeWord, SPACED_WORD, tokenize } from "./tokens.ts";

const norms = (text: string, lang?: string) => tokenize(text, lang).map((t) => t.norm);

test("Latin words are lower-cased with their accents folded, so outlets that drop accents spell names alike", () => {
  assert.deepEqual(norms("Núria Gómez met Zoë Brontë in São Paulo"), [
    "nuria",
    "gomez",
    "met",
    "zoe",
    "bronte",
    "in",
    "sao",
    "paulo",
  ]);
  assert.deepEqual(norms("NURIA GOMEZ"), norms("Núria Gómez"));
  // Full-width letters are NFKC-folded too.
  assert.equal(normalizeWord("Ｅａｓｔｂｒｏｏｋ"), "eastbrook");
});

test("marks are dropped only from Latin words: Greek and Cyrillic letters keep theirs", () => {
  assert.deepEqual(norms("Αθήνα"), ["αθήνα"]);
  // NFD would split й into и + breve; folding it would merge two different letters.
  assert.deepEqual(norms("Йошкар"), ["йошкар"]);
});

test("scores, dates, times and ranges joined by a dash, slash or colon are one token", () => {
  const tokens = tokenize("Northfield won 20-13 on 12/23/12 at 4:08 p.m., a 2–1 series lead.");
  const numbers = tokens.filter((t) => t.numeric).map((t) => t.norm);
  assert.deepEqual(numbers, ["20-13", "12/23/12", "4:08", "2-1"], "an en dash is stored as a hyphen");
  // The pieces are not tokens of their own.
  for (const piece of ["20", "13", "12", "23", "4", "08", "2", "1"]) {
    assert.ok(!tokens.some((t) => t.norm === piece), `no separate token "${piece}"`);
  }
  // A dash between words joins nothing.
  assert.deepEqual(norms("north-east"), ["north", "east"]);
});

test("digit group separators are dropped and a decimal point is kept", () => {
  assert.deepEqual(norms("1,200 people and 3.25% and 120,000 square feet"), [
    "1200",
    "people",
    "and",
    "3.25",
    "and",
    "120000",
    "square",
    "feet",
  ]);
});

test("a possessive 's is dropped (straight or curly apostrophe), other apostrophes are removed", () => {
  assert.deepEqual(norms("Marsh's crews and Calloway’s workers"), [
    "marsh",
    "crews",
    "and",
    "calloway",
    "workers",
  ]);
  assert.deepEqual(norms("the Otters' coach"), ["the", "otters", "coach"]);
  assert.deepEqual(norms("O'Brien"), ["obrien"]);
  // A word merely ending in s is untouched.
  assert.deepEqual(norms("Ellis"), ["ellis"]);
});

test("capitals and sentence starts are recorded", () => {
  const t = tokenize("Crews arrived. Marsh said the Calloway site burned!\nNobody was hurt");
  const byNorm = new Map(t.map((x) => [x.norm, x]));
  assert.deepEqual(
    t.map((x) => [x.norm, x.capital, x.sentenceStart]),
    [
      ["crews", true, true],
      ["arrived", false, false],
      ["marsh", true, true],
      ["said", false, false],
      ["the", false, false],
      ["calloway", true, false],
      ["site", false, false],
      ["burned", false, false],
      ["nobody", true, true],
      ["was", false, false],
      ["hurt", false, false],
    ],
  );
  assert.equal(byNorm.get("calloway")?.numeric, false);
  // The colon inside a time does not start a sentence.
  const time = tokenize("at 4:08 Marsh said");
  assert.equal(time.find((x) => x.norm === "marsh")?.sentenceStart, false);
});

test("Japanese and Chinese, written without spaces, are split into words", () => {
  const ja = norms("東京都で大きな地震が発生しました。", "ja");
  assert.ok(ja.length >= 5, `several words, got ${JSON.stringify(ja)}`);
  assert.ok(ja.includes("地震"), "地震 (earthquake) is a word of its own");
  assert.ok(!ja.some((w) => w.includes("。")), "punctuation is not a word");
  const zh = norms("北京市今天发生了地震。", "zh");
  assert.ok(zh.length >= 4, `several words, got ${JSON.stringify(zh)}`);
  assert.ok(zh.includes("地震"), 'zh.includes("地震")');
});

test("Arabic words are split at spaces and kept as written", () => {
  assert.deepEqual(norms("وقع زلزال في المدينة اليوم", "ar"), ["وقع", "زلزال", "في", "المدينة", "اليوم"]);
});

test("punctuation-only input gives no tokens", () => {
  assert.deepEqual(tokenize(" — … !? "), []);
});

test("text without dictionary scripts is split into the same words Intl.Segmenter finds", () => {
  const sample = [
    "The U.S. Senate's vote, 52-48, came at 4:08 p.m. on 12/23/12; rock'n'roll fans cheered.",
    "Núñez dijo «no» al acuerdo de 1.200,50 euros; l’équipe d'Élise a gagné 3-1.",
    "Bundes\u00ADregierung und Straßenbahn: 1,5 Mio. Fahrgäste, z.B. in Köln.",
    "Москва заявила, что 2,5 млн человек… Ελληνικά: Αθήνα 10.000 ευρώ.",
    'قال الوزير إن ١٢٣ شخصا أصيبوا. צה"ל הודיע כי 12 חיילים נפצעו.',
    "हिन्दी समाचार: मंत्री ने कहा कि 25 लोग घायल हुए।",
    "e.g. snake_case, COVID19, 3rd, 50% off, $1,200, email@example.com, #hashtag 😀 done",
  ].join("\n\n");
  const icu = [...new Intl.Segmenter("en", { granularity: "word" }).segment(sample)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
  assert.deepEqual(
    [...sample.matchAll(SPACED_WORD)].map((m) => m[0]),
    icu,
  );
});

test("Chinese, Japanese and Thai still go through the dictionary segmenter", () => {
  assert.ok(tokenize("北京市政府宣布新的交通计划").length > 2);
  assert.ok(tokenize("東京都は新しい計画を発表した").length > 2);
  assert.ok(tokenize("รัฐบาลไทยประกาศแผนใหม่").length > 2);
  assert.deepEqual(
    tokenize("한국 정부는 3일 발표했다").map((t) => t.norm),
    ["한국", "정부는", "3", "일", "발표했다"],
  );
});
