/** @module One storage suite, run on SQLite and on PostgreSQL. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { newArticle as article, T0 } from "../../test/support/articles.ts";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import {
  countArticles,
  findArticleById,
  findKnownGuids,
  insertArticle,
  listLatestArticles,
} from "./articles.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import {
  findSourceById,
  findSourceByUrl,
  insertSource,
  listDueSources,
  markSourceFailed,
  markSourceFetched,
  markWebsubActive,
  markWebsubDenied,
  markWebsubExpired,
  markWebsubFailed,
  markWebsubRequested,
  updateSourceSettings,
} from "./sources.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`storage on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;

    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      const applied = await migrateToLatest(db);
      assert.deepEqual(applied, [
        "0001-init",
        "0002-fetch-health",
        "0003-source-category",
        "0004-adaptive-polling",
        "0005-websub",
        "0006-source-selectors",
        "0007-stories-topics-display",
        "0008-search",
        "0009-site-version",
        "0010-lead-image-size",
        "0011-comments-accounts",
        "0012-story-clustering",
        "0013-article-identity",
        "0014-clustering-batches",
        "0015-statements",
        "0016-page-archive",
        "0017-cluster-year",
        "0018-form-tokens",
        "0019-queue-workers",
        "0020-site-version-shards",
        "0021-websub-pushes",
        "0022-host-slots",
        "0023-page-retries",
        "0024-mail-claims",
        "0025-search-word-pairs",
        "0026-search-table",
        "0027-source-pause",
        "0028-postings-by-story",
      ]);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    test("runs on the expected engine", () => {
      assert.equal(db.dialect, tdb.name);
    });

    test("migrating again applies nothing", async () => {
      assert.deepEqual(await migrateToLatest(db), []);
    });

    test("a source URL is stored once", async () => {
      const a = await insertSource(db.kysely, "https://one.test/feed.xml", T0);
      const b = await insertSource(db.kysely, "https://one.test/feed.xml", T0);
      assert.equal(a.created, true);
      assert.equal(b.created, false);
      assert.equal(a.source.id, b.source.id);
      assert.equal(typeof a.source.id, "number");
    });

    test("a source keeps its category and provisional title; adding it again changes nothing", async () => {
      const url = "https://cat.test/feed.xml";
      const a = await insertSource(db.kysely, url, T0, { category: "News/Local", title: "Cat Times" });
      assert.equal(a.source.category, "News/Local");
      assert.equal(a.source.title, "Cat Times");
      const b = await insertSource(db.kysely, url, T0, { category: "Other" });
      assert.equal(b.created, false);
      assert.equal(b.source.category, "News/Local");
      assert.equal((await findSourceByUrl(db.kysely, url))?.id, a.source.id);
      assert.equal(await findSourceByUrl(db.kysely, "https://nope.test/feed"), undefined);
      assert.equal((await insertSource(db.kysely, "https://plain.test/feed", T0)).source.category, null);
    });

    test("an item is stored once per source, but the same guid may appear in two sources", async () => {
      const s1 = (await insertSource(db.kysely, "https://dup1.test/feed", T0)).source;
      const s2 = (await insertSource(db.kysely, "https://dup2.test/feed", T0)).source;
      assert.equal(await insertArticle(db.kysely, article(s1.id, "g1", T0)), true);
      assert.equal(await insertArticle(db.kysely, article(s1.id, "g1", T0, { title: "changed" })), false);
      assert.equal(await insertArticle(db.kysely, article(s2.id, "g1", T0)), true);
      assert.equal(await countArticles(db.kysely, s1.id), 1);
      assert.deepEqual([...(await findKnownGuids(db.kysely, s1.id, ["g1", "g2"])).keys()], ["g1"]);
    });

    test("an article must belong to an existing source", async () => {
      await assert.rejects(insertArticle(db.kysely, article(999_999, "orphan", T0)));
    });

    test("latest articles come newest first with their source", async () => {
      const s = (await insertSource(db.kysely, "https://order.test/feed", T0)).source;
      await insertArticle(db.kysely, article(s.id, "old", "2020-01-01T00:00:00.000Z"));
      // Half an hour after the fetch: within a fast publisher clock's tolerance, so it sorts by it.
      await insertArticle(db.kysely, article(s.id, "new", "2026-11-20T10:30:00.000Z"));
      const latest = await listLatestArticles(db.kysely, 100);
      assert.equal(latest[0]?.guid, "new");
      assert.equal(latest.at(-1)?.guid, "old");
      const times = latest.map((a) => a.published_at ?? "");
      assert.deepEqual(times, [...times].sort().reverse());
      assert.equal(latest[0]?.source_url, "https://order.test/feed");
      const one = await findArticleById(db.kysely, latest[0]!.id);
      assert.equal(one?.title, "Title new");
    });

    test("an operator's per-source settings are stored and cleared", async () => {
      const s = (await insertSource(db.kysely, "https://settings.test/feed", T0)).source;
      assert.equal(s.extract_include, null);
      assert.equal(
        await updateSourceSettings(db.kysely, s.id, { extractInclude: ".story", ignoreRobots: true }),
        true,
      );
      let row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.extract_include, ".story");
      assert.equal(row?.ignore_robots, 1);
      await updateSourceSettings(db.kysely, s.id, { extractInclude: null, extractExclude: ".ad" });
      row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.extract_include, null);
      assert.equal(row?.extract_exclude, ".ad");
      assert.equal(await updateSourceSettings(db.kysely, 999_999, { extractInclude: "p" }), false);
      assert.equal(row?.display_mode, "full");
      await updateSourceSettings(db.kysely, s.id, { displayMode: "excerpt" });
      row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.display_mode, "excerpt");
      assert.equal(row?.extract_exclude, ".ad", "other settings untouched");
      // Nothing to change: no SQL error, only whether the source exists.
      assert.equal(await updateSourceSettings(db.kysely, s.id, {}), true);
      assert.equal(await updateSourceSettings(db.kysely, 999_999, {}), false);
    });

    test("failures are counted and cleared by a success", async () => {
      const s = (await insertSource(db.kysely, "https://fail.test/feed", T0)).source;
      await markSourceFailed(db.kysely, s.id, {
        now: T0,
        nextFetchAt: T0,
        error: "boom",
        kind: "fetch.timeout",
      });
      await markSourceFailed(db.kysely, s.id, {
        now: T0,
        nextFetchAt: T0,
        error: "boom again",
        kind: "feed.malformed",
      });
      let row = (await listDueSources(db.kysely, T0, 100)).find((r) => r.id === s.id);
      assert.equal(row?.error_count, 2);
      assert.equal(row?.last_error, "boom again");
      assert.equal(row?.last_error_kind, "feed.malformed");
      await markSourceFetched(db.kysely, s.id, {
        now: T0,
        nextFetchAt: "2099-01-01T00:00:00.000Z",
        title: "Fail",
      });
      assert.equal(
        (await listDueSources(db.kysely, T0, 100)).find((r) => r.id === s.id),
        undefined,
      );
      row = (await listDueSources(db.kysely, "2100-01-01T00:00:00.000Z", 100)).find((r) => r.id === s.id);
      assert.equal(row?.error_count, 0);
      assert.equal(row?.last_error, null);
      assert.equal(row?.last_error_kind, null);
      assert.equal(row?.title, "Fail");
    });

    test("a WebSub subscription is requested, verified, pulls the next poll in, lapses and can be denied", async () => {
      const s = (await insertSource(db.kysely, "https://push.test/feed", T0)).source;
      assert.equal(s.websub_state, null);
      const request = {
        hub: "https://hub.test/",
        topic: "https://push.test/feed",
        secret: "a".repeat(64),
        token: "b".repeat(32),
        now: T0,
      };
      await markWebsubRequested(db.kysely, s.id, { ...request, state: "subscribing" });
      await markWebsubFailed(db.kysely, s.id, "fetch: hub.test answered HTTP 500");
      let row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.websub_hub, "https://hub.test/");
      assert.equal(row?.websub_topic, "https://push.test/feed");
      assert.equal(row?.websub_secret, "a".repeat(64));
      assert.equal(row?.websub_token, "b".repeat(32));
      assert.equal(row?.websub_requested_at, T0);
      assert.equal(row?.websub_state, "subscribing");
      assert.equal(row?.websub_error, "fetch: hub.test answered HTTP 500");

      // A lease ending before the planned poll brings the poll forward; one ending after leaves it.
      await markSourceFetched(db.kysely, s.id, { now: T0, nextFetchAt: "2026-11-30T00:00:00.000Z" });
      await markWebsubActive(db.kysely, s.id, "2026-11-25T00:00:00.000Z");
      row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.websub_state, "active");
      assert.equal(row?.websub_lease_until, "2026-11-25T00:00:00.000Z");
      assert.equal(row?.websub_error, null);
      assert.equal(row?.next_fetch_at, "2026-11-25T00:00:00.000Z");
      await markWebsubActive(db.kysely, s.id, "2026-12-05T00:00:00.000Z");
      assert.equal((await findSourceById(db.kysely, s.id))?.next_fetch_at, "2026-11-25T00:00:00.000Z");

      // A renewal keeps the state active; the lease ends only once it has passed.
      await markWebsubRequested(db.kysely, s.id, { ...request, state: "active" });
      await markWebsubExpired(db.kysely, s.id, "2026-12-04T00:00:00.000Z");
      assert.equal((await findSourceById(db.kysely, s.id))?.websub_state, "active");
      await markWebsubExpired(db.kysely, s.id, "2026-12-05T00:00:00.000Z");
      assert.equal((await findSourceById(db.kysely, s.id))?.websub_state, "expired");

      await markWebsubDenied(db.kysely, s.id, "hub.reason: topic not found");
      row = await findSourceById(db.kysely, s.id);
      assert.equal(row?.websub_state, "denied");
      assert.equal(row?.websub_lease_until, null);
      assert.equal(row?.websub_error, "hub.reason: topic not found");
    });
  });
}
