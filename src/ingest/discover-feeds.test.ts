/** @module discoverFeeds over real HTTP on 127.0.0.1: a feed itself, linked feeds, common paths, failures. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { atomFeed, makeItems, rssFeed } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { NewsdeskError } from "../errors.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import { discoverFeeds } from "./discover-feeds.ts";

const ITEMS = makeItems(3, "disc");
const RSS = { "content-type": "application/rss+xml" };
const ATOM = { "content-type": "application/atom+xml" };
const page = (head: string) =>
  `<!doctype html><html><head><title>Site</title>${head}</head><body>Hi</body></html>`;
const rssLink = (href: string, title = "") =>
  `<link rel="alternate" type="application/rss+xml" title="${title}" href="${href}">`;

let server: FixtureServer;
let fetcher: Fetcher;
let base = "";
const deps = () => ({ fetcher, log: createLogger("silent") });

before(async () => {
  server = await startFixtureServer({
    "/feed.xml": () => ({ headers: RSS, body: rssFeed(base, ITEMS, "Main Feed") }),
    "/comments.atom": () => ({ headers: ATOM, body: atomFeed(base, ITEMS.slice(0, 1), "Comments") }),
    "/moved.xml": () => ({ status: 301, headers: { location: "/feed.xml" } }),
    "/multi/": () => ({
      body: page(
        rssLink("/feed.xml", "Main") +
          `<link rel="alternate" type="application/atom+xml" href="../comments.atom">` +
          rssLink("/missing.xml") +
          rssLink("/multi/") +
          rssLink("/moved.xml"),
      ),
    }),
    "/one/": () => ({ body: page(`${rssLink("/feed.xml")}<link rel="stylesheet" href="/s.css">`) }),
    "/bare/": () => ({ body: page("") }),
    // Common paths: /feed and /rss.xml serve the same feed, which must be offered once.
    "/feed": () => ({ headers: RSS, body: rssFeed(base, ITEMS, "Main Feed") }),
    "/rss.xml": () => ({ headers: RSS, body: rssFeed(base, ITEMS, "Main Feed") }),
    "/atom.xml": () => ({ headers: ATOM, body: atomFeed(base, ITEMS, "Atom Edition") }),
    "/rss": () => ({ body: page("") }),
    "/forbidden/": { status: 403, body: "no bots" },
  });
  base = server.url;
  fetcher = fetcherFromConfig(
    loadConfig({ NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32", NEWSDESK_HOST_INTERVAL_MS: "0" }),
  );
});
after(async () => {
  await fetcher?.close();
  await server?.close();
});

test("a feed URL is the answer itself, after one request", async () => {
  const before = server.requests.length;
  const found = await discoverFeeds(`${base}/feed.xml`, deps());
  assert.deepEqual(found, [
    { url: `${base}/feed.xml`, title: "Main Feed", format: "rss", itemCount: 3, foundBy: "url" },
  ]);
  assert.equal(server.requests.length - before, 1);
});

test("a page's feed links, each validated: broken, non-feed and redirected duplicates are dropped", async () => {
  const found = await discoverFeeds(`${base}/multi/`, deps());
  assert.deepEqual(found, [
    { url: `${base}/feed.xml`, title: "Main Feed", format: "rss", itemCount: 3, foundBy: "link" },
    { url: `${base}/comments.atom`, title: "Comments", format: "atom", itemCount: 1, foundBy: "link" },
  ]);
});

test("one linked feed: common paths are not tried", async () => {
  const before = server.requests.length;
  const found = await discoverFeeds(`${base}/one/`, deps());
  assert.deepEqual(
    found.map((f) => [f.url, f.foundBy]),
    [[`${base}/feed.xml`, "link"]],
  );
  assert.deepEqual(server.requests.slice(before), ["/one/", "/feed.xml"]);
});

test("no feed links: the site's common paths, the same feed at two paths counted once", async () => {
  const found = await discoverFeeds(`${base}/bare/`, deps());
  assert.deepEqual(
    found.map((f) => [f.url, f.title, f.foundBy]),
    [
      [`${base}/feed`, "Main Feed", "common-path"],
      [`${base}/atom.xml`, "Atom Edition", "common-path"],
    ],
  );
});

test("a page refused with an HTTP status still gets its common paths tried", async () => {
  const found = await discoverFeeds(`${base}/forbidden/`, deps());
  assert.deepEqual(
    found.map((f) => f.url),
    [`${base}/feed`, `${base}/atom.xml`],
  );
});

test("nothing found on a reachable site: [] (or the page's own error when it failed)", async () => {
  const empty = await startFixtureServer({ "/": { body: page("") }, "/gone": { status: 410, body: "gone" } });
  try {
    assert.deepEqual(await discoverFeeds(`${empty.url}/`, deps()), []);
    await assert.rejects(
      discoverFeeds(`${empty.url}/gone`, deps()),
      (err: unknown) =>
        err instanceof NewsdeskError && err.id === "fetch.http_status" && /410/.test(err.message),
    );
  } finally {
    await empty.close();
  }
});

test("an unreachable site fails with the fetch error, without guessing paths", async () => {
  const strict = fetcherFromConfig(loadConfig({}));
  try {
    await assert.rejects(
      discoverFeeds(`${base}/one/`, { fetcher: strict, log: createLogger("silent") }),
      (err: unknown) => err instanceof NewsdeskError && err.id === "fetch.not_allowed",
    );
  } finally {
    await strict.close();
  }
});
