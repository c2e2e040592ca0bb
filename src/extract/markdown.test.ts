/** @module Markdown output for the structures an article body holds. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { toMarkdown } from "./markdown.ts";

const md = (html: string) => toMarkdown([parseDocument(`<div>${html}</div>`).children[0] as Element]);

test("headings, paragraphs, emphasis, links and images", () => {
  assert.equal(
    md(
      '<h2>Sub</h2><p>Some <strong>bold</strong> and <em>soft</em> text with <a href="https://x.test/a">a link</a>.</p><figure><img src="https://x.test/i.jpg" alt="A pier"><figcaption>The pier.</figcaption></figure>',
    ),
    "## Sub\n\nSome **bold** and _soft_ text with [a link](https://x.test/a).\n\n![A pier](https://x.test/i.jpg)\n_The pier._",
  );
});

test("lists, quotes, code and tables", () => {
  assert.equal(md("<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"), "- one\n- two\n  - nested");
  assert.equal(md('<ol start="3"><li>three</li><li>four</li></ol>'), "3. three\n4. four");
  assert.equal(md("<blockquote><p>Said it.</p></blockquote>"), "> Said it.");
  assert.equal(md("<pre><code>let x = 1;\nx++;</code></pre>"), "```\nlet x = 1;\nx++;\n```");
  assert.equal(
    md("<table><tr><th>City</th><th>Rain</th></tr><tr><td>Alder</td><td>12 mm</td></tr></table>"),
    "| City | Rain |\n| --- | --- |\n| Alder | 12 mm |",
  );
});

test("markdown characters in text are escaped", () => {
  assert.equal(md("<p>2*3 = 6 and [not a link]</p>"), "2\\*3 = 6 and \\[not a link\\]");
});
