/** @module URL keys: the variants publishers and sharers produce of one article's address. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { articleUrlKey, outletHost, urlKey } from "./url-key.ts";

const SAME: Array<[string, string]> = [
  // Scheme, host case, www, default ports, fragment, trailing slash.
  ["https://news.example/world/story-1", "news.example/world/story-1"],
  ["http://news.example/world/story-1", "news.example/world/story-1"],
  ["HTTPS://NEWS.Example/world/story-1", "news.example/world/story-1"],
  ["https://www.news.example/world/story-1", "news.example/world/story-1"],
  ["https://news.example:443/world/story-1", "news.example/world/story-1"],
  ["http://news.example:80/world/story-1", "news.example/world/story-1"],
  ["https://news.example/world/story-1/", "news.example/world/story-1"],
  ["https://news.example/world/story-1#comments", "news.example/world/story-1"],
  ["https://news.example.:443/world/story-1", "news.example/world/story-1"],
  // Tracking parameters, in any case and with any value.
  ["https://news.example/world/story-1?utm_source=rss&utm_medium=feed", "news.example/world/story-1"],
  ["https://news.example/world/story-1?UTM_Campaign=x", "news.example/world/story-1"],
  ["https://news.example/world/story-1?fbclid=IwAR0abc", "news.example/world/story-1"],
  ["https://news.example/world/story-1?gclid=1&dclid=2&msclkid=3", "news.example/world/story-1"],
  ["https://news.example/world/story-1?mc_cid=a&mc_eid=b", "news.example/world/story-1"],
  ["https://news.example/world/story-1?_ga=2.1&_gl=1*abc", "news.example/world/story-1"],
  ["https://news.example/world/story-1?igshid=MzRl&yclid=5", "news.example/world/story-1"],
  ["https://news.example/world/story-1?ref_src=twsrc%5Etfw", "news.example/world/story-1"],
  ["https://news.example/world/story-1?CMP=share_btn_tw", "news.example/world/story-1"],
  ["https://news.example/world/story-1?xtor=RSS-3208&at_medium=custom7", "news.example/world/story-1"],
  ["https://news.example/world/story-1?smid=tw-share&ocid=msedgntp", "news.example/world/story-1"],
  // AMP variants.
  ["https://news.example/world/story-1/amp", "news.example/world/story-1"],
  ["https://news.example/world/story-1/amp/", "news.example/world/story-1"],
  ["https://news.example/world/story-1/AMP", "news.example/world/story-1"],
  ["https://news.example/world/story-1?amp", "news.example/world/story-1"],
  ["https://news.example/world/story-1?amp=1", "news.example/world/story-1"],
  ["https://news.example/world/story-1?outputType=amp", "news.example/world/story-1"],
  ["https://amp.news.example/world/story-1", "news.example/world/story-1"],
  [
    "https://www-news-example.cdn.ampproject.org/c/s/www.news.example/world/story-1/amp",
    "news.example/world/story-1",
  ],
  ["https://news.example/world/story-1.amp.html", "news.example/world/story-1.html"],
  // Query parameters that name the page stay, sorted.
  ["https://news.example/article.php?id=7&lang=en", "news.example/article.php?id=7&lang=en"],
  ["https://news.example/article.php?lang=en&id=7", "news.example/article.php?id=7&lang=en"],
  ["https://news.example/article.php?lang=en&utm_source=x&id=7#top", "news.example/article.php?id=7&lang=en"],
  ["https://news.example/?p=123", "news.example?p=123"],
  // Other ports and path case are kept.
  ["http://news.example:8080/a", "news.example:8080/a"],
  ["https://news.example/World/Story", "news.example/World/Story"],
  ["https://news.example/", "news.example"],
];

test("variants of one article URL share its key", () => {
  for (const [url, key] of SAME) assert.equal(urlKey(url), key, url);
});

test("different articles keep different keys", () => {
  const keys = [
    "https://news.example/world/story-1",
    "https://news.example/world/story-2",
    "https://news.example/world/story-1?page=2",
    "https://other.example/world/story-1",
    "https://news.example/world/amp-story",
    "https://news.example/amp/world/story-1",
    "https://amp.example/world/story-1",
    "https://news.example/world/story-1?output=print",
    "https://news.example/world/story-1?ref=homepage",
  ].map(urlKey);
  assert.equal(new Set(keys).size, keys.length);
  // A host that is only "amp." plus a top-level domain keeps its name.
  assert.equal(urlKey("https://amp.example/x"), "amp.example/x");
});

test("anything but an http(s) URL has no key", () => {
  for (const bad of ["", "not a url", "mailto:a@b.example", "javascript:alert(1)", "ftp://x.example/a"])
    assert.equal(urlKey(bad), null, bad);
});

test("the stored key prefers a canonical URL that names a page", () => {
  const page = "https://news.example/world/story-1?utm_source=rss";
  assert.equal(articleUrlKey("https://news.example/world/story-1", page), "news.example/world/story-1");
  assert.equal(articleUrlKey("https://news.example/a?id=3", page), "news.example/a?id=3");
  // A canonical pointing at the home page is a template bug: the fetched URL decides.
  assert.equal(articleUrlKey("https://news.example/", page), "news.example/world/story-1");
  assert.equal(articleUrlKey(null, null, "https://news.example/b"), "news.example/b");
  assert.equal(articleUrlKey(null, null, null), null);
});

test("an outlet is its site's host, else its feed's, without www", () => {
  assert.equal(outletHost("https://www.News.example/", "https://feeds.news.example/rss"), "news.example");
  assert.equal(outletHost(null, "https://www.news.example/rss/world.xml"), "news.example");
  assert.equal(outletHost("not a url", "http://news.example:8080/rss"), "news.example");
  assert.equal(outletHost(null, "nonsense"), null);
});

test("a key never ends in a slash, even where an AMP segment followed one (issue 15)", () => {
  // Found by the property tests: "/a//amp" kept "/a/", a key that keying again turns into "/a".
  assert.equal(urlKey("https://example.test/a//amp"), "example.test/a");
  assert.equal(urlKey("https://example.test/a/amp/"), "example.test/a");
  assert.equal(urlKey("https://example.test//amp"), "example.test");
});
