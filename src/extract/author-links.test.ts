/** @module Authors credited only by links to their pages on the site. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "htmlparser2";
import { authorLinkNames } from "./author-links.ts";

const all = <T>(els: T[]) => els;

test("links to this site's author pages give the names they show, the credit line's together", () => {
  const doc = parseDocument(`<main><h1>Headline</h1>
    <p><a href="/autoren/Clara-Loew">Clara Löw</a>, <a href="https://s.test/autoren/klaus-jacob">Klaus Jacob</a></p>
    <p>Text of the article.</p>
    <a href="/author/clara-loew">All posts</a>
    <a href="https://youtube.com/user/claraloew">YouTube</a></main>
    <aside><p>Columnists: a long list of other writers, each with a teaser of their latest column, far more
    than a credit line would hold, so this box is a list of writers and not the article's credit at all,
    which is why it is long and written out at length here so that it passes the limit of characters.</p>
    <a href="/author/max-muster">Max Muster</a></aside>`);
  assert.deepEqual(authorLinkNames(doc, "https://s.test/a/b", all), ["Clara Löw", "Klaus Jacob"]);
});

test("a link whose address does not spell the name, or on another site, is not a credit", () => {
  const doc = parseDocument(`<p><a href="/author/12345">Jane Doe</a>
    <a href="https://other.test/author/jane-doe">Jane Doe</a></p>`);
  assert.deepEqual(authorLinkNames(doc, "https://s.test/a", all), []);
});
