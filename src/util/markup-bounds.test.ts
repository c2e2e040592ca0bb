/** @module The attribute bound: counted in one pass, quoted values, comments and CDATA aside; a hostile feed refused at once. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NewsdeskError } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import { MAX_ATTRIBUTES_PER_ELEMENT, mostAttributesInATag } from "./markup-bounds.ts";

test("the most attributes of any tag, '=' in quoted values, comments, CDATA and text not counted", () => {
  assert.equal(mostAttributesInATag('<a x="1" y=\'2\' z="a=b=c"><b/>q = r</a>'), 3);
  assert.equal(
    mostAttributesInATag("<a><!-- <b c=1 d=2 e=3> --><![CDATA[ <b c=1 d=2> ]]><?pi a=1 b=2?></a>"),
    0,
  );
  assert.equal(mostAttributesInATag("no markup at all = here"), 0);
  assert.equal(
    mostAttributesInATag(`<script>for(i=0;i<n;i++){${"a=1;".repeat(2000)}}</script><p class="x">`),
    1,
    "code is not markup",
  );
  assert.equal(mostAttributesInATag(`<a ${"k=1 ".repeat(50)}>`, 10), 11, "stops once past the limit");
});

test("a feed whose element carries 946,443 attributes is refused at once with a clear error", () => {
  const attrs = Array.from({ length: 946_443 }, (_, i) => `a${i}="1"`).join(" ");
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item ${attrs}><title>x</title></item></channel></rss>`;
  const t0 = performance.now();
  assert.throws(
    () => parseFeed(feed, "https://feeds.example/"),
    (err: unknown) =>
      err instanceof NewsdeskError &&
      err.id === "feed.too_complex" &&
      err.message.includes(String(MAX_ATTRIBUTES_PER_ELEMENT)),
  );
  assert.ok(performance.now() - t0 < 2_000, "in bounded time");
});

test("a page whose element carries 100,000 attributes is no article, said at once", () => {
  const attrs = Array.from({ length: 100_000 }, (_, i) => `data-a${i}="1"`).join(" ");
  const t0 = performance.now();
  const r = extractArticle(
    `<html><body><article ${attrs}><h1>T</h1><p>Text.</p></article></body></html>`,
    "https://a.example/",
  );
  assert.equal(r.kind, "not-article");
  assert.match(r.kind === "not-article" ? r.reason : "", /more than 1000 attributes/);
  assert.ok(performance.now() - t0 < 1_000);
});

test("real feeds with namespaced media markup pass", () => {
  const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://a.example/</link><description>d</description>
<item><title>One</title><link>https://a.example/1</link><media:content url="https://a.example/1.jpg" medium="image" width="800" height="450" type="image/jpeg"/></item></channel></rss>`;
  assert.equal(parseFeed(feed, "https://a.example/feed").items.length, 1);
});
