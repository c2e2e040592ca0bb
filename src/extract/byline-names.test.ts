/** @module The people of a byline line, without the outlet's own names. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanByline, outletKeys } from "./byline-names.ts";

test("the outlet's whole name, or either side of a two-part site name, is no person", () => {
  const keys = outletKeys("LN - Lübecker Nachrichten", "https://www.ln-online.de/a", true);
  assert.equal(cleanByline("LN", keys), null);
  assert.equal(
    cleanByline("El Comercio Perú", outletKeys("El Comercio Perú", "https://elcomercio.pe/a")),
    null,
  );
  assert.equal(cleanByline("Von Cosima Künzel", keys), "Cosima Künzel");
});
