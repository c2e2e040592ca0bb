/**
 * The CI floor on the story-clustering dev sets: `newsdesk stories --jsonl` (the clustering ingest
 * runs) scored by the shared scorer. Floors only rise; they sit just under the figures measured when
 * they were set (bench/README.md), so a change that makes clustering worse fails here.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { devSetsMissing as missing, scoreDevSet } from "../support/stories-scorer.ts";

interface Score {
  bcubed: { f1: number; precision: number; recall: number };
  near_duplicates: { recall: number | null; copies: number };
  near_duplicate_links?: { precision: number; recall: number };
  confusable_pairs: { merged: number; total: number };
  input: { missing: number; malformed: number };
}

function score(set: string): Score {
  return scoreDevSet<Score>("clusters", set, "stories --jsonl");
}

describe("story clustering on the dev sets", { skip: missing }, () => {
  test("stories-dev: B-cubed F1, every reprint linked to its original, confusable stories kept apart", {
    timeout: 120_000,
  }, () => {
    const s = score("stories-dev");
    assert.equal(s.input.missing, 0);
    assert.ok(s.bcubed.f1 >= 0.97, `B-cubed F1 ${s.bcubed.f1} below the floor 0.97`);
    assert.equal(s.near_duplicates.recall, 1);
    assert.equal(s.near_duplicate_links?.precision, 1);
    assert.equal(s.near_duplicate_links?.recall, 1);
    assert.ok(s.confusable_pairs.merged <= 1, `${s.confusable_pairs.merged} confusable pairs merged`);
  });

  test("ecbplus-dev: B-cubed F1 at the event level", { timeout: 300_000 }, () => {
    const s = score("ecbplus-dev");
    assert.equal(s.input.missing, 0);
    assert.ok(s.bcubed.f1 >= 0.88, `B-cubed F1 ${s.bcubed.f1} below the floor 0.88`);
  });
});
