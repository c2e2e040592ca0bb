/** @module The comment form's checks: clean values, field-specific messages, and the input always kept. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCommentForm, parseEmail } from "./form.ts";

const good = {
  name: "  Ann Lee ",
  email: " Ann@Example.ORG ",
  website: "https://ann.example/blog",
  comment: "Hello *world*\r\n\r\nsecond  ",
  parent: "",
  token: "t",
  url_confirm: "",
};

test("a good form gives trimmed, lower-cased values and keeps the body's line breaks", () => {
  const r = parseCommentForm(good, 5000);
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    name: "Ann Lee",
    email: "ann@example.org",
    website: "https://ann.example/blog",
    body: "Hello *world*\n\nsecond",
    parentId: null,
    notify: false,
  });
  assert.equal(r.token, "t");
  assert.equal(r.honeypot, false);
  const withParent = parseCommentForm({ ...good, parent: "12", notify: "1", website: "" }, 5000);
  assert.ok(withParent.ok);
  assert.equal(withParent.value.parentId, 12);
  assert.equal(withParent.value.website, null);
  assert.equal(withParent.value.notify, true);
});

test("each bad field gets its own message and the input is returned as typed", () => {
  const r = parseCommentForm(
    { name: "   ", email: "not-an-email", website: "javascript:alert(1)", comment: "  ", parent: "x" },
    5000,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.errors.name ?? "", /enter your name/);
  assert.match(r.errors.email ?? "", /name@example\.org/);
  assert.match(r.errors.website ?? "", /http:\/\/ or https:\/\//);
  assert.match(r.errors.body ?? "", /write a comment/);
  assert.match(r.errors.parent ?? "", /reply/);
  assert.equal(r.input.website, "javascript:alert(1)");
  assert.equal(r.input.email, "not-an-email");
});

test("websites other than http(s), control characters, and over-long fields are refused", () => {
  for (const website of [
    "data:text/html,<b>x</b>",
    "ftp://x.example/",
    "//evil.example",
    "example.org",
    `https://x.example/${"a".repeat(300)}`,
  ]) {
    const r = parseCommentForm({ ...good, website }, 5000);
    assert.equal(r.ok, false, website);
    if (!r.ok) assert.ok(r.errors.website, website);
  }
  const control = parseCommentForm({ ...good, name: "Ann\u0000Lee" }, 5000);
  assert.equal(control.ok, false);
  const bidi = parseCommentForm({ ...good, name: "Ann\u202eeeL" }, 5000);
  assert.equal(bidi.ok, false);
  const long = parseCommentForm({ ...good, name: "n".repeat(81), comment: "c".repeat(101) }, 100);
  assert.equal(long.ok, false);
  if (!long.ok) {
    assert.match(long.errors.name ?? "", /80 characters/);
    assert.match(long.errors.body ?? "", /100 characters/);
  }
  assert.equal(parseCommentForm({ ...good, email: `${"a".repeat(250)}@x.org` }, 5000).ok, false);
});

test("the honeypot is reported, repeated fields take the first value, and junk bodies do not throw", () => {
  assert.equal(parseCommentForm({ ...good, url_confirm: "http://spam.example" }, 5000).honeypot, true);
  const r = parseCommentForm({ ...good, name: ["First", "Second"] }, 5000);
  assert.ok(r.ok && r.value.name === "First");
  const junk = parseCommentForm(null, 5000);
  assert.equal(junk.ok, false);
  assert.deepEqual(parseEmail(" X@Y.ORG "), { ok: true, email: "x@y.org" });
  assert.equal(parseEmail("x@y").ok, false);
});

test("the website's 300-character limit holds for the normalized address that is stored (issue 15)", () => {
  // Found by the property tests: 68 characters with accents became 303 once percent-encoded.
  const accented = `https://example.test/${"ä".repeat(47)}`;
  assert.equal(accented.length, 68);
  const r = parseCommentForm({ ...good, website: accented }, 2000);
  assert.equal(r.ok, false);
  assert.match(r.ok ? "" : (r.errors.website ?? ""), /300 characters/);
  const fits = parseCommentForm({ ...good, website: `https://example.test/${"ä".repeat(40)}` }, 2000);
  assert.ok(fits.ok && fits.value.website!.length <= 300);
});
