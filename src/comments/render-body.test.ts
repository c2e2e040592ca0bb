/** @module The comment Markdown subset and its sanitizing, with hostile input that must never run. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { countLinks, renderCommentBody } from "./render-body.ts";

test("the subset renders: paragraphs, breaks, emphasis, code, quotes, lists, links and bare URLs", () => {
  assert.equal(
    renderCommentBody(
      "Hi *there* **you**, `x<y`\nnext line\n\n> quoted\n\n- a\n- b\n\n```\nif (a < b) {}\n```",
    ),
    "<p>Hi <em>there</em> <strong>you</strong>, <code>x&lt;y</code><br />\nnext line</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre><code>if (a &lt; b) {}\n</code></pre>",
  );
  assert.equal(
    renderCommentBody("see [docs](https://docs.example/a?b=1&c=2) and https://bare.example/x"),
    '<p>see <a href="https://docs.example/a?b=1&amp;c=2" rel="nofollow ugc noopener">docs</a> and <a href="https://bare.example/x" rel="nofollow ugc noopener">https://bare.example/x</a></p>',
  );
  assert.equal(
    countLinks(renderCommentBody("https://a.example https://b.example [c](mailto:c@d.example)")),
    3,
  );
});

test("headings, images and tables are not part of the subset", () => {
  const out = renderCommentBody(
    "# Big\n\n![alt](https://img.example/x.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
  );
  assert.doesNotMatch(out, /<h1|<img|<table/);
  assert.match(out, /# Big/);
});

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;avascript&colon;alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<https://ok.example/" onmouseover="alert(1)>',
  '[x](https://ok.example/" onmouseover="alert(1))',
  "**<b onclick=alert(1)>x</b>**",
  "<style>body{display:none}</style>",
  "<iframe src=https://evil.example></iframe>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<<script>script>alert(1)<</script>/script>",
  "`<script>alert(1)</script>`",
  "> <img src=x onerror=alert(1)>",
  "- [x](javascript:alert(1))\n- <details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "[x](//evil.example/steal)",
  "[x](/relative/path)",
];

test("hostile bodies come out with no script, handler, script URL or data URL", () => {
  for (const input of HOSTILE) {
    const out = renderCommentBody(input);
    assert.doesNotMatch(out, /<script|<img|<svg|<iframe|<style|<details|<math/i, input);
    // Inside a tag: escaped text such as "&lt;img onerror=" is harmless words.
    assert.doesNotMatch(out, /<[^>]*\son\w+\s*=/i, input);
    assert.doesNotMatch(out, /<[^>]*(javascript|data|vbscript):/i, input);
    for (const tag of out.match(/<a [^>]*>/g) ?? []) {
      assert.match(tag, /^<a href="(https?:\/\/|mailto:)[^"]*" rel="nofollow ugc noopener">$/, input);
    }
  }
  // Escaped HTML stays visible text rather than disappearing.
  assert.match(renderCommentBody("<b>bold?</b>"), /&lt;b&gt;bold\?&lt;\/b&gt;/);
});
