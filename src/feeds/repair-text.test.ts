/** @module Mojibake and C1 quotes are repaired; ordinary text in any language is left alone. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { repairText } from "./repair-text.ts";

test("UTF-8 read as Latin-1 or Windows-1252 is undone", () => {
  assert.equal(repairText("\u00e2\u0080\u00a6"), "…");
  assert.equal(repairText("Itâ€™s â€œfineâ€\u009d"), "It’s “fine”");
  assert.equal(repairText("cafÃ© crÃ¨me"), "café crème");
});

test("C1 controls become the Windows-1252 characters publishers meant", () => {
  assert.equal(repairText("don\u0092t"), "don’t");
  assert.equal(repairText("\u0093quoted\u0094 \u0096 dash"), "“quoted” – dash");
});

test("ordinary text is untouched", () => {
  for (const s of [
    "café",
    "Grüße aus Köln",
    "naïve — “smart” quotes…",
    "日本語のニュース",
    "مرحبا",
    "Ã alone",
    "plain ascii",
  ]) {
    assert.equal(repairText(s), s, s);
  }
});
