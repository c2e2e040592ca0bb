/** @module findFeedLinks and commonFeedUrls on pages written the ways publishers write them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commonFeedUrls, findFeedLinks } from "./discover.ts";

const PAGE = "https://news.test/section/index.html";

test("rel=alternate links of every feed type, in document order, resolved against the page", () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="All stories" href="/feed.xml">
    <link rel="alternate" type="application/atom+xml" title="Atom" href="atom.xml">
    <link rel="alternate" type="application/feed+json" href="https://cdn.test/feed.json">
    <link rel="alternate" type="application/json" title="JSON Feed 1.0" href="//news.test/feed-v1.json">
    <link rel="alternate" hreflang="fr" href="https://news.test/fr/">
    <link rel="alternate stylesheet" type="text/css" href="/dark.css">
  </head><body></body></html>`;
  assert.deepEqual(findFeedLinks(html, PAGE), [
    { url: "https://news.test/feed.xml", title: "All stories", type: "application/rss+xml" },
    { url: "https://news.test/section/atom.xml", title: "Atom", type: "application/atom+xml" },
    { url: "https://cdn.test/feed.json", title: null, type: "application/feed+json" },
    { url: "https://news.test/feed-v1.json", title: "JSON Feed 1.0", type: "application/json" },
  ]);
});

test("rel=feed counts whatever its type; rel and type match in any case and with parameters", () => {
  const html = `<html><head>
    <LINK REL="Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="/a.rss">
    <link rel="feed" href="/updates">
    <link rel="home feed" type="text/html" href="/all">
  </head><body><a rel="alternate" type="application/atom+xml" href="/body.atom">Atom</a></body></html>`;
  assert.deepEqual(
    findFeedLinks(html, PAGE).map((c) => [c.url, c.type]),
    [
      ["https://news.test/a.rss", "application/rss+xml"],
      ["https://news.test/updates", null],
      ["https://news.test/all", "text/html"],
      ["https://news.test/body.atom", "application/atom+xml"],
    ],
  );
});

test("<base href> decides where relative links point", () => {
  const html = `<head><base href="https://static.test/blog/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>`;
  assert.equal(findFeedLinks(html, PAGE)[0]?.url, "https://static.test/blog/rss.xml");
  const relativeBase = `<head><base href="/other/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>`;
  assert.equal(findFeedLinks(relativeBase, PAGE)[0]?.url, "https://news.test/other/rss.xml");
});

test("duplicates, fragments, feed: URLs and non-http schemes", () => {
  const html = `<head>
    <link rel="alternate" type="application/rss+xml" href="/feed.xml">
    <link rel="alternate" type="application/rss+xml" href="https://news.test/feed.xml#latest">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="data:application/rss+xml,<rss/>">
    <link rel="alternate" type="application/rss+xml" href="feed://old.test/rss">
    <link rel="alternate" type="application/atom+xml" href="feed:https://old.test/atom">
    <link rel="alternate" type="application/rss+xml" href="http://[bad">
    <link rel="alternate" type="application/rss+xml" href="">
  </head>`;
  assert.deepEqual(
    findFeedLinks(html, PAGE).map((c) => c.url),
    ["https://news.test/feed.xml", "http://old.test/rss", "https://old.test/atom"],
  );
});

test("a page with hundreds of feed links yields at most 20 candidates", () => {
  const links = Array.from(
    { length: 500 },
    (_, i) => `<link rel="alternate" type="application/rss+xml" href="/f${i}.xml">`,
  );
  assert.equal(findFeedLinks(`<head>${links.join("")}</head>`, PAGE).length, 20);
});

test("a page without feed links, or not HTML at all, yields none", () => {
  assert.deepEqual(findFeedLinks("<html><head><title>x</title></head></html>", PAGE), []);
  assert.deepEqual(findFeedLinks("", PAGE), []);
  assert.deepEqual(findFeedLinks("\u0000\u0001binary", PAGE), []);
});

test("commonFeedUrls: the usual paths on the site's origin, whatever page was given", () => {
  assert.deepEqual(commonFeedUrls("https://news.test:8443/section/page.html?x=1"), [
    "https://news.test:8443/feed",
    "https://news.test:8443/rss",
    "https://news.test:8443/rss.xml",
    "https://news.test:8443/atom.xml",
    "https://news.test:8443/index.xml",
    "https://news.test:8443/feed.json",
    "https://news.test:8443/feed.xml",
  ]);
  assert.deepEqual(commonFeedUrls("ftp://news.test/"), []);
  assert.deepEqual(commonFeedUrls("not a url"), []);
});
