/** @module Stop words per language and the language guess from them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { guessLanguage, stopWords } from "./stop-words.ts";
import { tokenize } from "./tokens.ts";

const words = (text: string) => tokenize(text).map((t) => t.norm);

test("each language has its own list, found by ISO 639-1 code with any region ignored", () => {
  const en = stopWords("en");
  assert.ok(
    en.has("the") && en.has("and") && en.has("was"),
    'en.has("the") && en.has("and") && en.has("was")',
  );
  assert.ok(!en.has("eastbrook") && !en.has("fire"), "content words are not stop words");
  assert.equal(stopWords("en-GB"), en);
  assert.equal(stopWords("EN_us"), en);
  assert.ok(
    stopWords("de").has("und") && !stopWords("de").has("the"),
    'stopWords("de").has("und") && !stopWords("de").has("the")',
  );
  assert.ok(
    stopWords("fr").has("les") && !stopWords("fr").has("and"),
    'stopWords("fr").has("les") && !stopWords("fr").has("and")',
  );
  assert.ok(stopWords("ja").has("の"), 'stopWords("ja").has("の")');
  assert.ok(stopWords("ar").has("في"), 'stopWords("ar").has("في")');
  // Norwegian under either code.
  assert.ok(stopWords("no").has("og"), 'stopWords("no").has("og")');
  assert.deepEqual(stopWords("no"), stopWords("nb"));
});

test("a language without a list has no stop words", () => {
  assert.equal(stopWords("xx").size, 0);
  assert.equal(stopWords("").size, 0);
});

test("the guess is the language whose function words cover most of the text", () => {
  assert.equal(guessLanguage(words("The mayor said that the bridge would be closed for the winter")), "en");
  assert.equal(
    guessLanguage(words("Der Bürgermeister sagte, dass die Brücke im Winter geschlossen wird")),
    "de",
  );
  assert.equal(guessLanguage(words("Le maire a dit que le pont sera fermé pendant tout l'hiver")), "fr");
  assert.equal(
    guessLanguage(words("El alcalde dijo que el puente estará cerrado durante el invierno")),
    "es",
  );
  assert.equal(
    guessLanguage(tokenize("قال رئيس البلدية إن الجسر سيغلق في الشتاء", "ar").map((t) => t.norm)),
    "ar",
  );
});

test("with no function word of any language, the guess is English", () => {
  assert.equal(guessLanguage(words("Eastbrook Calloway Marsh")), "en");
  assert.equal(guessLanguage([]), "en");
});
