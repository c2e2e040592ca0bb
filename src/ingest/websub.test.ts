/** @module Where a source subscribes, and how a lease stretches its polling: the pure parts of ingest/websub.ts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../config/config.ts";
import type { ParsedFeed } from "../feeds/types.ts";
import type { Source } from "../storage/schema.ts";
import { hasActiveLease, pollMinutesWithLease, websubTarget } from "./websub.ts";

const NOW = new Date("2026-11-20T10:00:00.000Z");

function source(extra: Partial<Source> = {}): Source {
  return {
    id: 1,
    url: "https://site.test/feed",
    title: null,
    site_url: null,
    created_at: NOW.toISOString(),
    last_fetched_at: null,
    last_success_at: null,
    last_error: null,
    last_error_kind: null,
    ignore_robots: 0,
    extract_include: null,
    extract_exclude: null,
    poll_interval_minutes: 30,
    disabled_at: null,
    paused_at: null,
    error_count: 0,
    next_fetch_at: NOW.toISOString(),
    etag: null,
    last_modified: null,
    category: null,
    websub_hub: null,
    websub_topic: null,
    websub_secret: null,
    websub_token: null,
    websub_state: null,
    websub_lease_until: null,
    websub_requested_at: null,
    websub_error: null,
    display_mode: "full",
    labels: null,
    ...extra,
  };
}

const feed = (hubs: string[], selfUrl: string | null) => ({ hubs, selfUrl }) as ParsedFeed;

test("the hub and self links of the Link header come first, then the feed's, then the source URL as topic", () => {
  const link = '<https://hub.a.test/>; rel="hub", <https://site.test/self>; rel="self"';
  const base = "https://site.test/feed";
  assert.deepEqual(websubTarget(source(), feed(["https://hub.b.test/"], null), link, base), {
    hub: "https://hub.a.test/",
    topic: "https://site.test/self",
  });
  assert.deepEqual(
    websubTarget(
      source(),
      feed(["javascript:x", "https://hub.b.test/"], "https://site.test/atom"),
      null,
      base,
    ),
    { hub: "https://hub.b.test/", topic: "https://site.test/atom" },
  );
  assert.deepEqual(websubTarget(source(), feed(["https://hub.b.test/"], null), null, base), {
    hub: "https://hub.b.test/",
    topic: "https://site.test/feed",
  });
});

test("a 304 keeps the current hub; a feed that stops advertising one gives none", () => {
  const subscribed = source({ websub_hub: "https://hub.test/", websub_topic: "https://site.test/feed" });
  assert.deepEqual(websubTarget(subscribed, null, null, subscribed.url), {
    hub: "https://hub.test/",
    topic: "https://site.test/feed",
  });
  assert.equal(websubTarget(subscribed, feed([], null), null, subscribed.url), null);
  assert.equal(websubTarget(source(), null, null, subscribed.url), null);
});

test("an active lease stretches polling to the longest interval, but never past the lease's end", () => {
  const config = loadConfig({ NEWSDESK_POLL_MAX_MINUTES: "1440" });
  const leased = (hours: number) =>
    source({
      websub_state: "active",
      websub_lease_until: new Date(NOW.getTime() + hours * 3_600_000).toISOString(),
    });
  assert.equal(pollMinutesWithLease(source(), 30, NOW, config), 30);
  assert.equal(pollMinutesWithLease(leased(240), 30, NOW, config), 1440);
  assert.equal(pollMinutesWithLease(leased(2), 30, NOW, config), 120);
  assert.equal(hasActiveLease(leased(-1), NOW), false);
  assert.equal(pollMinutesWithLease(leased(-1), 30, NOW, config), 30);
  assert.equal(pollMinutesWithLease(source({ websub_state: "subscribing" }), 30, NOW, config), 30);
});
