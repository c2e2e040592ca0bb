/** @module A story's face: the medoid report (originals first, ties to the earlier) and its lead sentence. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FIRE, FIRE_FLASH, FIRE_REPRINT, type StoryText } from "../../test/support/story-texts.ts";
import { articleFeatures } from "./features.ts";
import {
  LEAD_SENTENCE_MAX_CHARS,
  leadSentence,
  type Report,
  representativeReport,
} from "./representative.ts";
import { articleVectors, type Corpus, cosine, type Vector } from "./vectors.ts";

/** A unit vector in the plane at `degrees`: cosines between them are easy to reason about. */
function at(degrees: number): Vector {
  const r = (degrees * Math.PI) / 180;
  return new Map([
    ["x", Math.cos(r)],
    ["y", Math.sin(r)],
  ]);
}

const report = (articleId: number, all: Vector, hour: number, nearDuplicate = false): Report => ({
  articleId,
  all,
  at: Date.UTC(2026, 10, 18, hour),
  nearDuplicate,
});

describe("representativeReport", () => {
  test("the medoid is the report closest on average to the others, not the first", () => {
    // 0°, 90°, 45°, 30°: 45° is halfway between the outer two, so nearest the rest overall
    // (cosine sums 2.38 against 2.33 for 30° and 1.57 and 1.37 for the outer ones).
    const reports = [report(1, at(0), 1), report(2, at(90), 2), report(3, at(45), 3), report(4, at(30), 4)];
    assert.equal(representativeReport(reports), 3);
    assert.equal(representativeReport([...reports].reverse()), 3, "order does not matter");
  });

  test("the medoid of real coverage agrees with summing every pairwise cosine", () => {
    const texts: StoryText[] = [FIRE_FLASH, ...FIRE];
    const fs = texts.map((r) => articleFeatures({ headline: r.headline, body: r.body }));
    const corpus: Corpus = { documents: 100, df: () => 1 };
    const reports = fs.map((f, i) => report(i + 1, articleVectors(f, corpus).all, i));
    const brute = reports
      .map((r) => ({
        id: r.articleId,
        s: reports.reduce((t, o) => (o === r ? t : t + cosine(r.all, o.all)), 0),
      }))
      .sort((a, b) => b.s - a.s);
    assert.ok(brute[0]!.s - brute[1]!.s > 1e-6, "no tie in this set");
    assert.equal(representativeReport(reports), brute[0]!.id);
    assert.notEqual(representativeReport(reports), 1, "the terse first flash is not the story's face");
  });

  test("originals come before reprints, however central a reprint is", () => {
    const reports = [report(1, at(0), 1), report(2, at(30), 2, true), report(3, at(60), 3)];
    // Among all three the reprint would be the medoid; among the originals 0° and 60° tie: the earlier.
    assert.equal(representativeReport(reports.map((r) => ({ ...r, nearDuplicate: false }))), 2);
    assert.equal(representativeReport(reports), 1);
  });

  test("a story of reprints only still has a face", () => {
    assert.equal(representativeReport([report(5, at(0), 1, true), report(6, at(10), 2, true)]), 5);
  });

  test("ties go to the earlier report, then to the lower id", () => {
    const same = at(20);
    assert.equal(representativeReport([report(9, same, 5), report(8, same, 3), report(7, same, 4)]), 8);
    assert.equal(representativeReport([report(9, same, 3), report(4, same, 3)]), 4);
    assert.equal(representativeReport([report(4, same, 3), report(9, same, 3)]), 4);
  });

  test("one report is its own face; none gives null", () => {
    assert.equal(representativeReport([report(3, at(0), 1)]), 3);
    assert.equal(representativeReport([]), null);
  });
});

describe("leadSentence", () => {
  test("the first sentence of the first real paragraph, after datelines, bylines and kickers", () => {
    const text = ["EASTBROOK —", "By Dana Reyes, Staff Writer", FIRE[1]!.body].join("\n\n");
    assert.equal(
      leadSentence(text),
      "Three firefighters were hurt battling an overnight blaze that gutted a warehouse owned by Calloway Logistics in Eastbrook, officials said Wednesday.",
    );
  });

  test("abbreviations followed by a lower-case word do not end the sentence", () => {
    assert.equal(
      leadSentence(
        "Fire Chief Delia Marsh said the blaze was reported at 11:40 p.m. and that more than 40 firefighters fought it. They left at dawn.",
      ),
      "Fire Chief Delia Marsh said the blaze was reported at 11:40 p.m. and that more than 40 firefighters fought it.",
    );
  });

  test("a wire dateline (place, date, agency, dash) is not part of the lead sentence", () => {
    assert.equal(
      leadSentence(
        "EASTBROOK, Nov 24 (Metro Wire) - Fire destroyed a paint warehouse on Canal Road overnight. More.",
      ),
      "Fire destroyed a paint warehouse on Canal Road overnight.",
    );
    // A sentence that merely starts with capitals and a comma keeps them.
    assert.equal(
      leadSentence("NASA, the space agency, said on Monday that the launch would slip by a week. More."),
      "NASA, the space agency, said on Monday that the launch would slip by a week.",
    );
  });

  test("a lead opening with a title abbreviation is not cut after it", () => {
    assert.equal(
      leadSentence(
        "Gov. Ilse Bergstrom of the Norland Central Bank said on Wednesday that rates would fall. More followed.",
      ),
      "Gov. Ilse Bergstrom of the Norland Central Bank said on Wednesday that rates would fall.",
    );
  });

  test("whitespace inside the paragraph is collapsed", () => {
    assert.equal(
      leadSentence(
        "  The   council\nvoted 5-2 on   Wednesday to spend $2.4 million on the bridge.  Then more.  ",
      ),
      "The council voted 5-2 on Wednesday to spend $2.4 million on the bridge.",
    );
  });

  test("a sentence over LEAD_SENTENCE_MAX_CHARS is cut at a word boundary with an ellipsis", () => {
    const long = `The council ${"voted once more on the same long question about the bridge ".repeat(8)}today. Next.`;
    const lead = leadSentence(long)!;
    assert.ok(lead.length <= LEAD_SENTENCE_MAX_CHARS + 1, `${lead.length} characters`);
    assert.ok(lead.endsWith("…"), 'lead.endsWith("…")');
    const cut = lead.slice(0, -1);
    assert.ok(long.startsWith(cut) && long[cut.length] === " ", "cut before a space, never inside a word");
    // One just under the limit is kept whole.
    const fits = `${"A".repeat(50)} ${"word ".repeat(40)}end.`;
    assert.ok(fits.length <= LEAD_SENTENCE_MAX_CHARS, "fits.length <= LEAD_SENTENCE_MAX_CHARS");
    assert.equal(leadSentence(fits), fits);
  });

  test("sentences of other languages are found with that language's rules", () => {
    assert.equal(
      leadSentence(
        "Der Bürgermeister sagte am Dienstag, dass die Brücke bis März gesperrt bleibt. Zweiter Satz.",
        "de",
      ),
      "Der Bürgermeister sagte am Dienstag, dass die Brücke bis März gesperrt bleibt.",
    );
  });

  test("a text with no paragraph of eight words or more has no lead", () => {
    assert.equal(leadSentence("EASTBROOK —\n\nMore to follow."), null);
    assert.equal(leadSentence(""), null);
  });

  test("reprints keep their original's lead (a credit line does not become one)", () => {
    assert.equal(leadSentence(FIRE_REPRINT.body), leadSentence(FIRE[0]!.body)?.replace("tore", "swept"));
  });
});
