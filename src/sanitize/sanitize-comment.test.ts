import assert from "node:assert/strict";
import { test } from "node:test";
import { sanitizeCommentHtml } from "./sanitize-comment.ts";

test("a link without a usable address keeps its text and leaves no stray tag (issue 15)", () => {
  // Found by the property tests: the link renamed to <span> left "link<p></span>" when a tag inside it was unclosed.
  assert.equal(sanitizeCommentHtml('<a href="javascript:alert(1)">link</a><p>'), "link<p></p>");
  assert.equal(
    sanitizeCommentHtml('<p><a href="vbscript:x">a <em>b</em></a> c</p>'),
    "<p>a <em>b</em> c</p>",
  );
  assert.equal(
    sanitizeCommentHtml('<a href="https://example.test/a">ok</a>'),
    '<a href="https://example.test/a" rel="nofollow ugc noopener">ok</a>',
  );
});

test("sanitizing a comment twice changes nothing (issue 15)", () => {
  for (const html of ['<a href="JaVaScRiPt:x">link</a><p>', "<p><A><p>", "<p><b><p>x"]) {
    const once = sanitizeCommentHtml(html);
    assert.equal(sanitizeCommentHtml(once), once, html);
  }
});
