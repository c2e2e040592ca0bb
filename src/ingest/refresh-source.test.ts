/** @module The pipeline end to end against real HTTP fixtures, on SQLite and PostgreSQL. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import {
  type FixtureRoutes,
  type FixtureServer,
  startFixtureServer,
} from "../../test/support/fixture-server.ts";
import { articlePage, atomFeed, makeItems, rssFeed } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { refreshDueSources } from "../jobs/scheduler.ts";
import { createLogger } from "../log.ts";
import { countArticles, listLatestArticles } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { findSourceById, insertSource, listDueSources } from "../storage/sources.ts";
import { refreshSource } from "./refresh-source.ts";

const rssItems = makeItems(6, "rss");
const atomItems = makeItems(4, "atom");
const XML = { "content-type": "application/rss+xml; charset=utf-8" };
// Random bytes that start like markup, so every run takes the hardest path (not 1 run in 256).
const garbage = randomBytes(10_000_000);
garbage[0] = 0x3c;

let editedServed = 0;

function routesFor(base: () => string): FixtureRoutes {
  const pages: Record<string, { body: string }> = {};
  for (const it of [...rssItems, ...atomItems])
    pages[`/articles/${it.slug}`] = { body: articlePage(base(), it) };
  const badUtf8 = Buffer.concat([
    Buffer.from(rssFeed("http://x.test", makeItems(1, "utf")).replace("Council", "Council \u0000MARK")),
  ]);
  // Replace the marker with a byte sequence that is not UTF-8.
  const mark = badUtf8.indexOf("\u0000MARK");
  const invalid = Buffer.concat([
    badUtf8.subarray(0, mark),
    Buffer.from([0xc3, 0x28, 0xff]),
    badUtf8.subarray(mark + 5),
  ]);
  return {
    ...pages,
    "/rss.xml": () => ({ headers: XML, body: rssFeed(base(), rssItems) }),
    "/atom.xml": () => ({
      headers: { "content-type": "application/atom+xml" },
      body: atomFeed(base(), atomItems),
    }),
    "/html-page": {
      body: "<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
    },
    "/garbage": { headers: { "content-type": "application/octet-stream" }, body: garbage },
    "/binary-non-utf8": { headers: XML, body: Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc3, 0x28]) },
    "/one-bad-byte.xml": { headers: XML, body: invalid },
    "/hang": { hang: true },
    "/robots.txt": {
      headers: { "content-type": "text/plain" },
      body: "User-agent: *\nDisallow: /blocked/\n",
    },
    // The override test's feed lists other articles: the same ones would be known to the outlet already.
    "/blocked-feed.xml": (req) => ({
      headers: XML,
      body: rssFeed(
        `${base()}/blocked`,
        makeItems(2, req.url?.includes("override") ? "forced" : "blocked"),
        "Robots Daily",
      ).replaceAll("/blocked/articles/", "/blocked/"),
    }),
    "/cond.xml": (req) =>
      req.headers["if-none-match"] === '"c1"'
        ? { status: 304 }
        : { headers: { ...XML, etag: '"c1"' }, body: rssFeed(base(), makeItems(1, "cond")) },
    "/throttled.xml": { status: 429, headers: { "retry-after": "7200" } },
    "/edited.xml": () => {
      editedServed++;
      const items = makeItems(2, "edit");
      if (editedServed > 1) items[0]!.title = "Council approves plan, with conditions";
      return { headers: XML, body: rssFeed(base(), items) };
    },
    "/challenge.xml": { status: 403, headers: { "cf-mitigated": "challenge" } },
  };
}

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`refreshing sources on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let server: FixtureServer;
    // The fixture server is on loopback, which only an explicit allow-list lets Newsdesk reach.
    const config = loadConfig({
      NEWSDESK_FETCH_TIMEOUT_MS: "1500",
      NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
      NEWSDESK_HOST_INTERVAL_MS: "0",
    });
    const log = createLogger("silent");
    const fetcher = fetcherFromConfig(config);

    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      let base = "";
      server = await startFixtureServer(routesFor(() => base));
      base = server.url;
    });
    after(async () => {
      await server?.close();
      await fetcher.close();
      await db?.close();
      await tdb?.drop();
    });

    test("RSS and Atom items are stored once each, with extracted page content", async () => {
      const now = new Date().toISOString();
      const rss = (await insertSource(db.kysely, `${server.url}/rss.xml`, now)).source;
      const atom = (await insertSource(db.kysely, `${server.url}/atom.xml`, now)).source;
      const deps = { db: db.kysely, config, log, fetcher };
      const first = await refreshSource(rss, deps);
      assert.equal(first.error, null);
      assert.equal(first.added, 6);
      assert.equal((await refreshSource(atom, deps)).added, 4);
      assert.equal(await countArticles(db.kysely, rss.id), 6);

      const again = await refreshSource((await findSourceById(db.kysely, rss.id))!, deps);
      assert.equal(again.added, 0);
      assert.equal(await countArticles(db.kysely), 10);

      const stored = (await listLatestArticles(db.kysely, 100)).find((a) => a.guid === "rss-1");
      assert.ok(stored);
      assert.equal(stored.title, rssItems[0]?.title);
      assert.equal(stored.source_title, "Fixture Gazette");
      assert.equal(stored.lead_image_url, `${server.url}/img/rss-1.jpg`);
      assert.equal(stored.lead_image_caption, "The riverside site seen from the bridge.");
      assert.equal(stored.lead_image_credit, "Photo: Sam Lee/Fixture Agency");
      assert.match(stored.body_html, /divided residents/);
      assert.doesNotMatch(stored.body_html, /Share on|Leave a reply|Other story|<h1/);
      assert.match(stored.text, /publish the full budget/);
    });

    test("each broken source gets a one-line error and the rest of the run carries on", async () => {
      const now = new Date().toISOString();
      const bad = ["/html-page", "/missing-feed", "/garbage", "/binary-non-utf8", "/hang"];
      const ids: Record<string, number> = {};
      for (const path of bad)
        ids[path] = (await insertSource(db.kysely, `${server.url}${path}`, now)).source.id;
      const good = (await insertSource(db.kysely, `${server.url}/one-bad-byte.xml`, now)).source;

      const reports = await refreshDueSources({ db: db.kysely, config, log, fetcher });
      const errorOf = async (path: string) => (await findSourceById(db.kysely, ids[path]!))?.last_error ?? "";

      assert.match(await errorOf("/html-page"), /HTML page, not an RSS or Atom feed/);
      assert.match(await errorOf("/missing-feed"), /answered HTTP 404/);
      assert.match(await errorOf("/garbage"), /not XML/);
      assert.match(await errorOf("/binary-non-utf8"), /not XML/);
      assert.match(await errorOf("/hang"), /did not finish answering within 1500 ms/);
      for (const path of bad) {
        const src = await findSourceById(db.kysely, ids[path]!);
        assert.equal(src?.error_count, 1, path);
        assert.ok(src && src.next_fetch_at > now, `${path} is retried later`);
        assert.doesNotMatch(src?.last_error ?? "", /\n/);
      }
      // A feed with one invalid byte sequence is read, the bad bytes becoming U+FFFD.
      const goodReport = reports.find((r) => r.sourceId === good.id);
      assert.equal(goodReport?.error, null);
      assert.equal(goodReport?.added, 1);
      const utf = (await listLatestArticles(db.kysely, 100)).find((a) => a.source_id === good.id);
      assert.match(utf?.title ?? "", /\uFFFD/);
    });

    test("a headline edited by the publisher updates the stored article instead of adding one", async () => {
      editedServed = 0;
      const src = (await insertSource(db.kysely, `${server.url}/edited.xml`, new Date().toISOString()))
        .source;
      const deps = { db: db.kysely, config, log, fetcher };
      assert.equal((await refreshSource(src, deps)).added, 2);
      const before = (await listLatestArticles(db.kysely, 1000)).filter((a) => a.source_id === src.id);
      assert.equal((await refreshSource((await findSourceById(db.kysely, src.id))!, deps)).added, 0);
      const after = (await listLatestArticles(db.kysely, 1000)).filter((a) => a.source_id === src.id);
      assert.equal(after.length, 2);
      const edited = after.find((a) => a.guid === "edit-1");
      assert.equal(edited?.title, "Council approves plan, with conditions");
      assert.equal(edited?.id, before.find((a) => a.guid === "edit-1")?.id, "same article, same id");
    });

    test("a 304 skips parsing; the validators are kept for next time", async () => {
      const src = (await insertSource(db.kysely, `${server.url}/cond.xml`, new Date().toISOString())).source;
      const deps = { db: db.kysely, config, log, fetcher };
      assert.equal((await refreshSource(src, deps)).added, 1);
      const stored = await findSourceById(db.kysely, src.id);
      assert.equal(stored?.etag, '"c1"');
      const second = await refreshSource(stored!, deps);
      assert.equal(second.notModified, true);
      assert.equal(second.items, 0);
      assert.equal((await findSourceById(db.kysely, src.id))?.etag, '"c1"');
    });

    test("429 with Retry-After postpones the source at least that long; challenges are named", async () => {
      const now = new Date();
      const src = (await insertSource(db.kysely, `${server.url}/throttled.xml`, now.toISOString())).source;
      const report = await refreshSource(src, { db: db.kysely, config, log, fetcher, now: () => now });
      assert.match(report.error ?? "", /HTTP 429; it asked us to wait 7200 s/);
      const row = await findSourceById(db.kysely, src.id);
      assert.equal(row?.last_error_kind, "fetch.http_status");
      assert.ok(
        row && Date.parse(row.next_fetch_at) >= now.getTime() + 7_200_000,
        "waits at least Retry-After",
      );

      const ch = (await insertSource(db.kysely, `${server.url}/challenge.xml`, now.toISOString())).source;
      await refreshSource(ch, { db: db.kysely, config, log, fetcher });
      assert.equal((await findSourceById(db.kysely, ch.id))?.last_error_kind, "fetch.bot_challenge");
    });

    test("pages robots.txt disallows are not fetched; the feed's own text is kept; an operator can override", async () => {
      const deps = { db: db.kysely, config, log, fetcher };
      const now = new Date().toISOString();
      const polite = (await insertSource(db.kysely, `${server.url}/blocked-feed.xml`, now)).source;
      assert.equal((await refreshSource(polite, deps)).added, 2);
      const pageRequests = server.requests.filter((r) => r.startsWith("/blocked/"));
      assert.deepEqual(pageRequests, [], "no disallowed page was requested");
      const stored = (await listLatestArticles(db.kysely, 500)).filter((a) => a.source_id === polite.id);
      assert.match(stored[0]?.body_html ?? "", /city council voted/);

      const forced = (
        await insertSource(db.kysely, `${server.url}/blocked-feed.xml?override`, now, { ignoreRobots: true })
      ).source;
      assert.equal(forced.ignore_robots, 1);
      await refreshSource(forced, deps);
      assert.equal(server.requests.filter((r) => r.startsWith("/blocked/")).length, 2);
    });

    test("a source failing for longer than NEWSDESK_DISABLE_AFTER_DAYS is disabled, keeps its reason, and a success revives it", async () => {
      const created = new Date("2026-01-01T00:00:00.000Z");
      const src = (await insertSource(db.kysely, `${server.url}/missing-too-long`, created.toISOString()))
        .source;
      const deps = { db: db.kysely, config, log, fetcher };
      await refreshSource(src, { ...deps, now: () => new Date("2026-01-10T00:00:00.000Z") });
      let row = await findSourceById(db.kysely, src.id);
      assert.equal(row?.disabled_at, null, "nine days of failure is not enough");
      await refreshSource(row!, { ...deps, now: () => new Date("2026-02-15T00:00:00.000Z") });
      row = await findSourceById(db.kysely, src.id);
      assert.equal(row?.disabled_at, "2026-02-15T00:00:00.000Z");
      assert.match(row?.last_error ?? "", /HTTP 404/);
      assert.equal(row?.error_count, 2);
      const due = await listDueSourcesAt("2099-01-01T00:00:00.000Z");
      assert.ok(!due.includes(src.id), "the scheduler skips it");
      // The publisher fixes the feed; a manual retry succeeds and re-enables it.
      await db.kysely
        .updateTable("sources")
        .set({ url: `${server.url}/cond.xml?revived` })
        .where("id", "=", src.id)
        .execute();
      const retried = await refreshSource((await findSourceById(db.kysely, src.id))!, deps);
      assert.equal(retried.error, null);
      row = await findSourceById(db.kysely, src.id);
      assert.equal(row?.disabled_at, null);
      assert.equal(row?.error_count, 0);
      assert.ok((row?.poll_interval_minutes ?? 0) >= 5);
    });

    async function listDueSourcesAt(at: string): Promise<number[]> {
      return (await listDueSources(db.kysely, at, 1000)).map((s) => s.id);
    }

    test("a body over the size cap is refused while streaming", async () => {
      const small = loadConfig({
        NEWSDESK_MAX_BODY_BYTES: "100000",
        NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
      });
      const smallFetcher = fetcherFromConfig(small);
      const src = (await insertSource(db.kysely, `${server.url}/garbage?cap`, new Date().toISOString()))
        .source;
      const report = await refreshSource(src, { db: db.kysely, config: small, log, fetcher: smallFetcher });
      await smallFetcher.close();
      assert.match(report.error ?? "", /larger than the 100000-byte limit|over the 100000-byte limit/);
    });
  });
}
