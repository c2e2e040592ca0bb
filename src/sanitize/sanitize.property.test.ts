/**
 * @module Property tests of both sanitizers (issue 15): on hostile generated HTML they never throw,
 * are idempotent, and leave no script element, event handler, script URL or tag off their allowlist.
 * The browser's own verdict on a sample is in test/browser/sanitized-no-script.property.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Element } from "domhandler";
import { getElementsByTagName } from "domutils";
import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { fuzzParams, hostileHtml, hostileMarkdown, hostileText, timed } from "../../test/support/fuzz.ts";
import { withoutControlChars } from "../util/control-chars.ts";
import { sanitizeCommentHtml } from "./sanitize-comment.ts";
import { sanitizeHtml } from "./sanitize-html.ts";

const BASE = "https://news.example.test/section/page.html";

const ARTICLE_TAGS = new Set(
  "p br hr h2 h3 h4 h5 h6 blockquote pre code ul ol li dl dt dd strong b em i u s sub sup small mark q cite abbr time a img figure figcaption picture source table caption thead tbody tfoot tr th td".split(
    " ",
  ),
);
const COMMENT_TAGS = new Set("p br em strong code pre blockquote ul ol li a".split(" "));

/** Attributes whose value a browser follows as a URL. */
const URL_ATTRS = new Set(["href", "src", "cite", "action", "formaction", "data", "poster", "background"]);

/** What a URL parser ignores before the scheme: controls and spaces around, tabs and newlines anywhere. */
function scheme(value: string): string {
  const v = value
    .replace(/[\t\n\r]/g, "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls a URL parser strips.
    .replace(/^[\u0000-\u0020]+/, "")
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1] ?? "";
}

/** Every problem in sanitized output, by text and by a parse of it; empty when it is safe. */
function problems(html: string, allowedTags: Set<string>): string[] {
  const out: string[] = [];
  if (/<\s*script/i.test(html)) out.push("a <script tag in the text");
  if (/<[a-z][^>]*[\s/]on[a-z]+\s*=/i.test(html.replace(/"[^"]*"/g, '""')))
    out.push("an on*= attribute in a tag");
  const doc = parseDocument(html, { decodeEntities: true });
  for (const el of getElementsByTagName(() => true, doc.children, true) as Element[]) {
    if (!allowedTags.has(el.name)) out.push(`<${el.name}> is not on the allowlist`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) out.push(`<${el.name} ${name}>`);
      if (name === "style" || name === "srcdoc") out.push(`<${el.name} ${name}>`);
      const urls = name === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
      if (URL_ATTRS.has(name) || name === "srcset") {
        for (const u of urls) {
          const s = scheme(u);
          if (s && s !== "http" && s !== "https" && s !== "mailto") out.push(`<${el.name} ${name}="${u}">`);
        }
      }
    }
  }
  return out;
}

const inputs = fc.oneof(
  { arbitrary: hostileHtml(25), weight: 6 },
  { arbitrary: hostileMarkdown, weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 200 }), weight: 1 },
  { arbitrary: hostileText(200), weight: 1 },
);

test("sanitizeHtml: never throws, leaves nothing that runs, and a second pass changes nothing", () => {
  fc.assert(
    fc.property(inputs, (html) => {
      const { value: once, ms } = timed(() => sanitizeHtml(html, BASE));
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      assert.deepEqual(problems(once, ARTICLE_TAGS), [], once);
      assert.equal(withoutControlChars(once), once, "no control characters, even from references");
      assert.equal(sanitizeHtml(once, BASE), once, "idempotent");
    }),
    fuzzParams(0x5a17e, 4000),
  );
});

test("sanitizeCommentHtml: never throws, leaves nothing that runs, and a second pass changes nothing", () => {
  fc.assert(
    fc.property(inputs, (html) => {
      const { value: once, ms } = timed(() => sanitizeCommentHtml(html));
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      assert.deepEqual(problems(once, COMMENT_TAGS), [], once);
      for (const el of getElementsByTagName("a", parseDocument(once).children, true) as Element[]) {
        assert.equal(el.attribs.rel, "nofollow ugc noopener");
      }
      assert.equal(sanitizeCommentHtml(once), once, "idempotent");
    }),
    fuzzParams(0xc033e, 4000),
  );
});

test("the check itself finds each kind of problem in unsanitized HTML (a control)", () => {
  assert.ok(problems("<script>x</script>", ARTICLE_TAGS).includes("a <script tag in the text"));
  assert.ok(
    problems('<img src="https://x.test/a" onerror="x()">', ARTICLE_TAGS).includes(
      "an on*= attribute in a tag",
    ),
  );
  assert.ok(problems("<p title='a' onclick=x>", ARTICLE_TAGS).includes("<p onclick>"));
  assert.ok(problems('<a href=" java\tscript:x">l</a>', ARTICLE_TAGS).some((p) => p.startsWith("<a href=")));
  assert.ok(
    problems('<img srcset="https://x.test/a 1x, data:x 2x">', ARTICLE_TAGS).some((p) => p.includes("srcset")),
  );
  assert.ok(problems("<svg></svg>", COMMENT_TAGS).includes("<svg> is not on the allowlist"));
  assert.deepEqual(problems('<p title="onclick=x">a &lt;script&gt; onerror=1</p>', ARTICLE_TAGS), []);
});
