/** @module Quotation spans: every common style, apostrophes left alone, quotes over several paragraphs. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { findQuotes, MASK, maskQuotes } from "./quote-marks.ts";

const inner = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

test("each quotation style gives the words between its marks", () => {
  assert.deepEqual(inner('He said "we won" today.'), ["we won"]);
  assert.deepEqual(inner("He said “we won” today."), ["we won"]);
  assert.deepEqual(inner("He said ‘we won’ today."), ["we won"]);
  assert.deepEqual(inner("Il a dit «nous avons gagné» hier."), ["nous avons gagné"]);
  assert.deepEqual(inner("Er sagte „wir haben gewonnen“ gestern."), ["wir haben gewonnen"]);
  assert.deepEqual(inner("Er sagte ‚gewonnen‘ gestern."), ["gewonnen"]);
  assert.deepEqual(inner("He said ''we won'' today."), ["we won"]);
});

test("apostrophes inside single quotes and possessives do not end a quotation", () => {
  assert.deepEqual(inner("She said ‘we don’t know yet’ and left."), ["we don’t know yet"]);
  assert.deepEqual(inner("The workers’ union met. Nobody quoted anyone."), []);
});

test("a quotation that runs on re-opens in the next paragraph and is one span", () => {
  const text = "“The first part.\n\n“The second part,” she said.";
  const q = findQuotes(text);
  assert.equal(q.length, 1);
  assert.equal(text.slice(q[0]?.start, q[0]?.end), "The first part.\n\n“The second part,");
  assert.equal(q[0]?.multiParagraph, true);
});

test("an unclosed mark with no re-opening is no quotation", () => {
  assert.deepEqual(inner("He said “this never closes.\n\nNext paragraph."), []);
});

test("masking keeps offsets and hides the quoted words", () => {
  const text = 'He said "we won" today.';
  const m = maskQuotes(text, findQuotes(text));
  assert.equal(m.length, text.length);
  assert.equal(m, `He said "${MASK.repeat(6)}" today.`);
});
