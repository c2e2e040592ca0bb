/** @module The sitemap queries on SQLite and on PostgreSQL. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hoursAfter, newArticle, T0 } from "../../test/support/articles.ts";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";

/** A German-language article published `hours` after T0. */
const article = (sourceId: number, guid: string, hours: number) =>
  newArticle(sourceId, guid, hoursAfter(hours), { language: "de" });

import { insertArticle } from "./articles.ts";
import { type Db, openDb } from "./db.ts";
import {
  findMaxArticleId,
  listArticlesInIdRange,
  listArticlesSince,
  listRecentTopicsForSitemap,
  listSourcesForSitemap,
  listStoriesForSitemap,
} from "./feeds-out.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource } from "./sources.ts";
import { assignArticlesToStory } from "./stories.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`sitemap queries on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    const ids: Record<string, number> = {};
    let quiet = 0;
    let busy = 0;
    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      busy = (await insertSource(db.kysely, "https://busy.test/feed", T0)).source.id;
      quiet = (await insertSource(db.kysely, "https://quiet.test/feed", T0)).source.id;
      for (const [guid, hours, topics] of [
        ["a", 1, ["Old topic"]],
        ["b", 5, ["Politics", "Economy"]],
        ["c", 3, ["Politics"]],
      ] as const) {
        await insertArticle(db.kysely, article(busy, guid, hours), topics);
      }
      for (const r of await db.kysely.selectFrom("articles").select(["id", "guid"]).execute())
        ids[r.guid] = Number(r.id);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    test("the highest id and an id range give the shard's articles in id order", async () => {
      assert.equal(await findMaxArticleId(db.kysely), Math.max(...Object.values(ids)));
      const rows = await listArticlesInIdRange(db.kysely, 0, (ids.b ?? 0) + 1);
      assert.deepEqual(
        rows.map((r) => [r.id, r.title, r.sort_at, r.language]),
        [
          [ids.a, "Title a", hoursAfter(1), "de"],
          [ids.b, "Title b", hoursAfter(5), "de"],
        ],
      );
      assert.deepEqual(await listArticlesInIdRange(db.kysely, 1_000_000, 2_000_000), []);
    });

    test("articles since a time come newest first, at most the limit", async () => {
      const rows = await listArticlesSince(db.kysely, hoursAfter(2), 10);
      assert.deepEqual(
        rows.map((r) => r.id),
        [ids.b, ids.c],
      );
      assert.equal((await listArticlesSince(db.kysely, "", 1)).length, 1);
    });

    test("every source with its newest article's time, null for none", async () => {
      const rows = await listSourcesForSitemap(db.kysely, 100);
      assert.deepEqual(
        rows.map((r) => [r.id, r.newest]),
        [
          [busy, hoursAfter(5)],
          [quiet, null],
        ],
      );
    });

    test("topics of the newest articles only, each with its newest time", async () => {
      assert.deepEqual(await listRecentTopicsForSitemap(db.kysely, 10), [
        { slug: "economy", newest: hoursAfter(5) },
        { slug: "old-topic", newest: hoursAfter(1) },
        { slug: "politics", newest: hoursAfter(5) },
      ]);
      assert.deepEqual(
        (await listRecentTopicsForSitemap(db.kysely, 2)).map((t) => t.slug),
        ["economy", "politics"],
        "the oldest article's topic is left out",
      );
    });

    test("only stories of several articles are listed", async () => {
      assert.deepEqual(await listStoriesForSitemap(db.kysely, 10), []);
      const story = await db.kysely
        .selectFrom("articles")
        .select("story_id")
        .where("id", "=", ids.b ?? 0)
        .executeTakeFirstOrThrow();
      await assignArticlesToStory(db.kysely, Number(story.story_id), [ids.b ?? 0, ids.c ?? 0]);
      const rows = await listStoriesForSitemap(db.kysely, 10);
      assert.deepEqual(
        rows.map((r) => [r.id, r.title, r.last_published_at]),
        [[Number(story.story_id), "Title b", hoursAfter(5)]],
      );
    });
  });
}
