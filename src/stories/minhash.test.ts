/** @module MinHash signatures: reprints contain their original, independent write-ups of one event do not. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BRIDGE,
  FIRE,
  FIRE_REPRINT,
  FIRE_REPRINT_OF_REPRINT,
  MATCH,
  RATES,
  type StoryText,
} from "../../test/support/story-texts.ts";
import { NEAR_DUPLICATE_CONTAINMENT } from "./assign.ts";
import { articleFeatures } from "./features.ts";
import {
  containment,
  hash32,
  jaccard,
  MINHASH_SIZE,
  SHINGLE_WORDS,
  type Signature,
  signature,
} from "./minhash.ts";
import { tokenize } from "./tokens.ts";

const sig = (r: Pick<StoryText, "headline" | "body">): Signature =>
  articleFeatures({ headline: r.headline, body: r.body }).text;
const paragraphs = (body: string) => body.split("\n\n");
const original = FIRE[0]!;

test("hash32 is 32-bit FNV-1a (its published test vectors), so stored signatures stay comparable", () => {
  assert.equal(hash32(""), 0x811c9dc5);
  assert.equal(hash32("a"), 0xe40c292c);
  assert.equal(hash32("foobar"), 0xbf9cf968);
});

test("a signature is MINHASH_SIZE minimums over the distinct SHINGLE_WORDS-word shingles, the same every time", () => {
  const words = tokenize(original.body).map((t) => t.norm);
  const a = signature(words);
  assert.equal(a.minhash.length, MINHASH_SIZE);
  const distinct = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    distinct.add(words.slice(i, i + SHINGLE_WORDS).join(" "));
  assert.equal(a.shingles, distinct.size);
  assert.deepEqual(signature([...words]), a);
  // Word order matters: shingles are sequences.
  assert.notDeepEqual(signature([...words].reverse()).minhash, a.minhash);
});

test("a text shorter than one shingle has an empty signature, similar to nothing", () => {
  const short = signature(["three", "firefighters", "hurt"]);
  assert.deepEqual(short, { minhash: [], shingles: 0 });
  assert.equal(jaccard(short, short), 0);
  assert.equal(containment(short, sig(original)), 0);
  assert.equal(signature(["a", "b", "c", "d"]).shingles, 1);
});

test("identical texts have Jaccard 1 and containment 1", () => {
  assert.equal(jaccard(sig(original), sig(original)), 1);
  assert.equal(containment(sig(original), sig(original)), 1);
});

test("each way of rerunning a report keeps its containment at or above NEAR_DUPLICATE_CONTAINMENT", () => {
  const reruns: Record<string, string> = {
    "new headline only": original.body,
    "last paragraph trimmed": paragraphs(original.body).slice(0, -1).join("\n\n"),
    "credit line added": `${original.body}\n\nSource: Eastbrook Gazette`,
    "one word changed": original.body.replace("injuring three firefighters", "injuring three firemen"),
    "all of these (the wire's rerun)": FIRE_REPRINT.body,
    "a rerun of the rerun": FIRE_REPRINT_OF_REPRINT.body,
  };
  const o = sig(original);
  for (const [how, body] of Object.entries(reruns)) {
    const c = containment(sig({ headline: "Blaze guts warehouse", body }), o);
    assert.ok(c >= NEAR_DUPLICATE_CONTAINMENT, `${how}: containment ${c}`);
    assert.equal(containment(o, sig({ headline: "x", body })), c, `${how}: symmetric`);
  }
});

test("a rerun cut to its first half is contained in the original though their Jaccard is far lower", () => {
  const half = paragraphs(original.body).slice(0, 2).join("\n\n");
  const a = sig({ headline: "Warehouse fire", body: half });
  const o = sig(original);
  assert.ok(jaccard(a, o) < NEAR_DUPLICATE_CONTAINMENT, `Jaccard ${jaccard(a, o)}`);
  assert.ok(containment(a, o) >= 0.8, `containment ${containment(a, o)}`);
});

test("different outlets' own write-ups of one event share almost no shingles", () => {
  for (const event of [FIRE, MATCH, RATES, BRIDGE]) {
    for (const [i, a] of event.entries()) {
      for (const b of event.slice(i + 1)) {
        const c = containment(sig(a), sig(b));
        assert.ok(c < NEAR_DUPLICATE_CONTAINMENT / 4, `${a.key} and ${b.key}: containment ${c}`);
      }
    }
  }
  // Nor does a rerun look like another outlet's write-up of the same event.
  assert.ok(
    containment(sig(FIRE_REPRINT), sig(FIRE[1]!)) < NEAR_DUPLICATE_CONTAINMENT / 4,
    "containment(sig(FIRE_REPRINT), sig(FIRE[1]!)) < NEAR_DUPLICATE_CONTAINMENT / 4",
  );
});
