/** @module inertCommentHtml: links become their text and address, nothing clickable or executable survives. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { hostileComments } from "../../test/support/hostile-comments.ts";
import { renderCommentBody } from "../comments/render-body.ts";
import { inertCommentHtml } from "./inert-comment.ts";

test("a link becomes a span carrying its address; the rest of the subset is kept", () => {
  const html = renderCommentBody("Look *here*: [cheap](https://spam.example/x?a=1&b=2)\n\n> quoted");
  assert.equal(
    inertCommentHtml(html),
    '<p>Look <em>here</em>: <span class="inert-link" data-href="https://spam.example/x?a=1&amp;b=2">cheap</span></p>\n<blockquote>\n<p>quoted</p>\n</blockquote>',
  );
});

test("hostile input (even if the stored HTML were not clean) yields no link, handler, script or style", () => {
  const raw = [
    '<a href="javascript:alert(1)" onclick="x()">j</a>',
    '<span class="inert-link" data-href="javascript:alert(1)">fake</span>',
    "<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>",
    '<p style="background:url(x)">styled</p>',
  ].join("");
  const out = inertCommentHtml(raw);
  assert.doesNotMatch(out, /<a[\s>]|<script|<img|<svg|<[^>]*\s(on\w+|style)=/i);
  assert.doesNotMatch(out, /data-href="javascript/, "a posted span is not an inert link");
  assert.match(out, /<span>j<\/span>/, "a script URL is not even shown as an address");
  for (const c of hostileComments()) {
    const o = inertCommentHtml(renderCommentBody(c.body));
    assert.doesNotMatch(o, /<a[\s>]|<script|<img|<svg|<iframe|<[^>]*\s(on\w+|style)=/i, c.body);
  }
});
