/**
 * @module Property tests of parseCommentForm (issue 15): any posted value, object or not, gives a
 * result without throwing; an accepted form respects every limit the form states, and a refused one
 * names only the form's fields and always hands back what the reader typed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzParams, hostileHtml, hostileText } from "../../test/support/fuzz.ts";
import { FIELDS, parseCommentForm } from "./form.ts";

/** Valid values are common, so that enough forms pass to test what an accepted form promises. */
const fieldValue = fc.oneof(
  { arbitrary: hostileText(40), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 2 },
  { arbitrary: hostileHtml(5), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "Ana",
      "  ",
      "ana@example.test",
      "ANA@EXAMPLE.TEST ",
      "a@b.c",
      "https://example.test/",
      "http://bücher.test/ä?q=ü",
      "javascript:alert(1)",
      "12",
      "000000000000001",
      "9999999999999999",
      "-1",
      "1e3",
      "on",
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ minLength: 75, maxLength: 320 }), weight: 1 },
);

/** A field as a body parser can deliver it: mostly a string likely to be valid, sometimes anything. */
const posted = (likely: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: likely, weight: 12 },
    { arbitrary: fieldValue, weight: 3 },
    { arbitrary: fc.array(fc.oneof(likely, fieldValue), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.constantFrom(undefined, null, 0, 1, true, {}, [], [[]], Number.NaN), weight: 1 },
  );

const form = fc.oneof(
  {
    arbitrary: fc.record(
      {
        [FIELDS.name]: posted(fc.string({ minLength: 1, maxLength: 90, size: "+1" })),
        [FIELDS.email]: posted(
          fc.oneof(
            fc.emailAddress(),
            fc.emailAddress().map((e) => ` ${e.toUpperCase()} `),
          ),
        ),
        [FIELDS.website]: posted(
          fc.oneof(
            fc.constant(""),
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc
              .tuple(
                fc.constantFrom("https://example.test/", "http://bücher.test/"),
                fc.string({
                  unit: fc.constantFrom("ä", "€", " ", "a", "/", "%"),
                  maxLength: 200,
                  size: "max",
                }),
              )
              .map(([a, b]) => a + b),
          ),
        ),
        [FIELDS.body]: posted(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 2100, size: "max" }),
            hostileHtml(10),
            fc.string({ unit: "binary", maxLength: 300 }),
          ),
        ),
        [FIELDS.parent]: posted(
          fc.oneof(fc.constant(""), fc.stringMatching(/^\d{1,16}$/), fc.nat().map(String)),
        ),
        [FIELDS.token]: posted(fc.string()),
        [FIELDS.honeypot]: posted(fc.constantFrom("", " ", "x")),
        [FIELDS.notify]: posted(fc.constantFrom("", "on", "1")),
      },
      { requiredKeys: [] },
    ),
    weight: 8,
  },
  { arbitrary: fc.anything(), weight: 1 },
  { arbitrary: fc.object(), weight: 1 },
);

const FORM_FIELDS = new Set(["name", "email", "website", "body", "parent", "notify"]);
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

test("parseCommentForm never throws, and an accepted form keeps every limit", (t) => {
  let runs = 0;
  let accepted = 0;
  fc.assert(
    fc.property(form, fc.integer({ min: 1, max: 2000 }), (raw, maxChars) => {
      const r = parseCommentForm(raw, maxChars);
      runs++;
      for (const v of Object.values(r.input)) assert.ok(typeof v === "string" || typeof v === "boolean");
      assert.equal(typeof r.token, "string");
      assert.equal(typeof r.honeypot, "boolean");
      if (!r.ok) {
        assert.ok(Object.keys(r.errors).length > 0, "a refusal says why");
        for (const [k, msg] of Object.entries(r.errors)) {
          assert.ok(FORM_FIELDS.has(k), `error on ${k}`);
          assert.ok(typeof msg === "string" && msg.length > 0);
        }
        return;
      }
      accepted++;
      const v = r.value;
      assert.ok(v.name.length >= 1 && v.name.length <= 80, `name ${JSON.stringify(v.name)}`);
      assert.equal(v.name, v.name.trim());
      assert.doesNotMatch(v.name, CONTROL);
      assert.ok(
        v.email.length <= 254 &&
          v.email === v.email.toLowerCase() &&
          /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(v.email),
      );
      assert.ok(v.body.trim().length > 0 && [...v.body].length <= maxChars, "body within maxChars");
      assert.ok(!v.body.includes("\r"), "line breaks are \\n");
      if (v.website !== null) {
        const url = new URL(v.website);
        assert.match(url.protocol, /^https?:$/);
        assert.equal(url.toString(), v.website, "the website is kept normalized");
        assert.ok(v.website.length <= 300, `website of ${v.website.length} characters`);
      }
      if (v.parentId !== null)
        assert.ok(Number.isSafeInteger(v.parentId) && v.parentId >= 0, `parent ${v.parentId}`);
    }),
    fuzzParams(0xf0, 3000),
  );
  t.diagnostic(`${accepted} of ${runs} generated forms accepted`);
  assert.ok(accepted >= runs / 50, `too few accepted forms to test the limits: ${accepted} of ${runs}`);
});
