/** @module Source labels as an operator types them, and as the web names them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyLabelChanges,
  COUNTRY_CODES,
  countKind,
  describeLabels,
  parseLabelChange,
  readSourceLabels,
  SOURCE_KINDS,
} from "./source-labels.ts";

test("labels are read, normalized and checked", () => {
  assert.deepEqual(parseLabelChange("country=gb"), { key: "country", value: "GB" });
  assert.deepEqual(parseLabelChange(" Kind = Wire "), { key: "kind", value: "wire" });
  assert.deepEqual(parseLabelChange("kind=press-release"), { key: "kind", value: "press-release" });
  assert.deepEqual(parseLabelChange("kind="), { key: "kind", value: null });
  assert.throws(() => parseLabelChange("country=UK"), /ISO 3166-1 alpha-2 code/);
  assert.throws(() => parseLabelChange("country=GBR"), /ISO 3166-1/);
  assert.throws(() => parseLabelChange("kind=tabloid"), /kind must be one of wire, state, public/);
  assert.throws(() => parseLabelChange("language=en"), /country=<code> or kind=<kind>/);
  assert.throws(() => parseLabelChange("wire"), /country=<code> or kind=<kind>/);
  assert.throws(() => parseLabelChange("constructor=x"), /country=<code> or kind=<kind>/);
  assert.throws(() => parseLabelChange("kind=toString"), /kind must be one of/);
});

test("changes apply in order; an empty value clears", () => {
  const set = applyLabelChanges({}, [parseLabelChange("country=FR"), parseLabelChange("kind=wire")]);
  assert.deepEqual(set, { country: "FR", kind: "wire" });
  assert.deepEqual(applyLabelChanges(set, [parseLabelChange("kind=")]), { country: "FR" });
  assert.deepEqual(applyLabelChanges(set, [parseLabelChange("kind=blog"), parseLabelChange("kind=state")]), {
    country: "FR",
    kind: "state",
  });
});

test("stored labels are read defensively and named for people", () => {
  assert.deepEqual(readSourceLabels('{"country":"GB","kind":"public"}'), { country: "GB", kind: "public" });
  assert.deepEqual(readSourceLabels('{"country":"ZZ","kind":"x"}'), {});
  assert.deepEqual(readSourceLabels("not json"), {});
  assert.deepEqual(readSourceLabels(null), {});
  assert.equal(describeLabels({ country: "GB", kind: "wire" }), "GB, wire agency");
  assert.equal(describeLabels({}), "");
  assert.equal(countKind("wire", 3), "3 wire agencies");
  assert.equal(countKind("state", 1), "1 state media");
  assert.equal(COUNTRY_CODES.size, 249);
  assert.equal(Object.keys(SOURCE_KINDS).length, 10);
});
