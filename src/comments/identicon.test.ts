/** @module Identicons: deterministic, mirrored, and carrying no trace of the hash they are drawn from. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { keyedHash } from "../util/keyed-hash.ts";
import { identiconCells, identiconSvg } from "./identicon.ts";

test("the same hash draws the same picture; the grid is mirrored; different hashes differ", () => {
  const a = keyedHash("secret", "avatar", "ann@example.org");
  const b = keyedHash("secret", "avatar", "bob@example.org");
  assert.equal(identiconSvg(a), identiconSvg(a));
  assert.notEqual(identiconSvg(a), identiconSvg(b));
  for (const row of identiconCells(a)) assert.deepEqual(row, [...row].reverse());
  // Another key gives another picture: the avatar depends on the site secret.
  assert.notEqual(identiconSvg(keyedHash("other", "avatar", "ann@example.org")), identiconSvg(a));
});

test("the SVG is decorative, and neither the hash nor any long hex run appears in it", () => {
  const hash = keyedHash("secret", "avatar", "ann@example.org");
  const svg = identiconSvg(hash);
  assert.match(svg, /^<svg [^>]*aria-hidden="true"/);
  assert.ok(!svg.includes(hash.slice(0, 8)));
  assert.doesNotMatch(svg, /[0-9a-f]{8}/);
  assert.throws(() => identiconSvg('"><script>'));
});
