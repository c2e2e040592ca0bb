/**
 * The CI floor on the attribution dev sets: `newsdesk quotes --jsonl` (the extraction ingest runs) scored
 * by the shared scorer. Floors only rise; they sit just under the figures measured when they were set
 * (bench/README.md, "quotes-quality"), so a change that makes attribution worse fails here.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { devSetsMissing as missing, scoreDevSet } from "../support/stories-scorer.ts";

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

interface Score {
  span: Prf;
  full: Prf;
  kind_accuracy: number | null;
  non_attribution: { predictions_overlapping: number };
  input: { missing: number; malformed: number; invalid_spans: number; offsets_disagree_with_text: number };
}

function score(set: string): Score {
  return scoreDevSet<Score>("attributions", set, "quotes --jsonl");
}

function wellFormed(s: Score): void {
  assert.equal(s.input.missing, 0);
  assert.equal(s.input.malformed, 0);
  assert.equal(s.input.invalid_spans, 0);
  assert.equal(s.input.offsets_disagree_with_text, 0);
}

describe("attribution on the dev sets", { skip: missing }, () => {
  test("stories-dev: full F1, precision and recall, kinds, no statement on a non-attribution span", {
    timeout: 120_000,
  }, () => {
    const s = score("stories-dev");
    wellFormed(s);
    assert.ok(s.full.f1 >= 0.93, `full F1 ${s.full.f1} below the floor 0.93`);
    assert.ok(s.full.precision >= 0.94, `full precision ${s.full.precision} below the floor 0.94`);
    assert.ok(s.full.recall >= 0.92, `full recall ${s.full.recall} below the floor 0.92`);
    assert.ok(s.span.f1 >= 0.95, `span F1 ${s.span.f1} below the floor 0.95`);
    assert.ok((s.kind_accuracy ?? 0) >= 0.98, `kind accuracy ${s.kind_accuracy} below the floor 0.98`);
    assert.equal(s.non_attribution.predictions_overlapping, 0);
  });

  test("polnear-dev: span and full F1", { timeout: 300_000 }, () => {
    const s = score("polnear-dev");
    wellFormed(s);
    assert.ok(s.span.f1 >= 0.54, `span F1 ${s.span.f1} below the floor 0.54`);
    assert.ok(s.full.f1 >= 0.39, `full F1 ${s.full.f1} below the floor 0.39`);
  });
});
