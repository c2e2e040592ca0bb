/** @module Link header parsing: relations, quoting, several links, relative and unusable targets. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { linksWithRel } from "./link-header.ts";

test("links are picked by relation, resolved, and kept in order", () => {
  const header =
    '<https://hub.example/>; rel="hub", </feed.xml>; rel=self, <https://b.example/hub>; rel="alternate hub"';
  assert.deepEqual(linksWithRel(header, "hub", "https://site.example/x/"), [
    "https://hub.example/",
    "https://b.example/hub",
  ]);
  assert.deepEqual(linksWithRel(header, "SELF", "https://site.example/x/"), [
    "https://site.example/feed.xml",
  ]);
});

test("no header, no relation, or no usable URL gives nothing", () => {
  assert.deepEqual(linksWithRel(null, "hub", "https://a.example/"), []);
  assert.deepEqual(linksWithRel("<https://a.example/>; title=hub", "hub", "https://a.example/"), []);
  assert.deepEqual(linksWithRel('<javascript:alert(1)>; rel="hub"', "hub", "https://a.example/"), []);
  assert.deepEqual(linksWithRel('<http://[bad>; rel="hub"', "hub", "https://a.example/"), []);
});
