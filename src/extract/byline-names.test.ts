/** @module The people of a byline line, without the outlet's own names. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanByline, isCreditLine, outletKeys } from "./byline-names.ts";

test("the outlet's whole name, or either side of a two-part site name, is no person", () => {
  const keys = outletKeys("LN - Lübecker Nachrichten", "https://www.ln-online.de/a", true);
  assert.equal(cleanByline("LN", keys), null);
  assert.equal(
    cleanByline("El Comercio Perú", outletKeys("El Comercio Perú", "https://elcomercio.pe/a")),
    null,
  );
  assert.equal(cleanByline("Von Cosima Künzel", keys), "Cosima Künzel");
});

test("a date or a 'posted' label before the credit is cut, and such a line is a credit line", () => {
  assert.equal(cleanByline("Posted on September 21, 2020 by Adi Tzlil", []), "Adi Tzlil");
  assert.equal(cleanByline("06.11.2023 13:30 von Olga", []), "Olga");
  assert.equal(cleanByline("Gespeichert von rasos am 24. Juli 2017 - 18:55", []), "rasos");
  assert.ok(isCreditLine("06.11.2023 13:30 von Olga"));
  assert.ok(!isCreditLine("Copyright © 2020 HR Innovation – Designed by ZThemes Studio"));
});

test("a CMS account named for its role is no person", () => {
  for (const account of ["wordpressadmin", "sv_team", "KB_Redaktion", "Admin", "webmaster"])
    assert.equal(cleanByline(account, []), null, account);
  assert.equal(cleanByline("rasos", []), "rasos");
  assert.equal(cleanByline("Jane Adminton", []), "Jane Adminton");
});

test("'Redaktion X' is the desk of X; only 'Redaktion:' labels a person", () => {
  assert.equal(cleanByline("von Redaktion MSM 3rd August 2017", []), null);
  assert.equal(cleanByline("Redaktion Polizeiticker Schweiz", []), null);
  assert.equal(cleanByline("Redaktion: Eberhard Fuhr (Pressesprecher)", []), "Eberhard Fuhr");
});

test("the outlet a writer wrote for is cut after the name", () => {
  assert.equal(
    cleanByline("By Glen Owen And Brendan Carlin For The Mail On Sunday", []),
    "Glen Owen, Brendan Carlin",
  );
  assert.equal(cleanByline("By Tom Pyman for MailOnline", []), "Tom Pyman");
});

test("publishers' credit formulas are credit lines, and an illustrator after the writer is cut", () => {
  assert.ok(isCreditLine("Eine Kolumne von Nils Beispiel"));
  assert.ok(isCreditLine("Text von Christian Seiler Illustration von Markus Roost"));
  assert.equal(
    cleanByline("Text von Christian Seiler Illustration von Markus Roost", []),
    "Christian Seiler",
  );
  assert.equal(cleanByline("Ein Kommentar von Jana Muster", []), "Jana Muster");
  assert.ok(!isCreditLine("Text of the agreement"));
});

test("beside a wire agency, a few lower-case letters are an editor's initials, not a name", () => {
  assert.equal(cleanByline("Von: det/dpa", []), null);
  assert.equal(cleanByline("dpa/lno", []), null);
  assert.equal(cleanByline("Jana Muster/dpa", []), "Jana Muster");
  assert.equal(cleanByline("rasos", []), "rasos");
});

test("German compounds naming a body are organisations, not people", () => {
  assert.equal(cleanByline("Die Grünen Bundestagsfraktion", []), null);
  assert.equal(cleanByline("Feuerwehr Oldenburg, Abteilung Wasserrettung", []), null);
  assert.equal(cleanByline("Landesfeuerwehrverband Bayern", []), null);
  assert.equal(cleanByline("Anna Kammer", []), "Anna Kammer");
});
