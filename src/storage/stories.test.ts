/** @module Stories, topics and newest-first pages, on SQLite and on PostgreSQL. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { newArticle as article, hoursAfter, T0 } from "../../test/support/articles.ts";
import {
  bothDatabases,
  stopTestPostgres,
  type TestDatabase,
  useMigratedDb,
} from "../../test/support/databases.ts";
import { findArticleById, insertArticle, listLatestArticles, updateArticleTitle } from "./articles.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource } from "./sources.ts";
import { assignArticlesToStory, findStoryById, listRecentStories, listStoryArticles } from "./stories.ts";
import { findTopicName, listArticleTopics, listTopicArticles } from "./topics.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  test(`on ${name}, migration 0007 makes a story of one of each article stored before it`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db, "0006-source-selectors");
      await sql`INSERT INTO sources (url, created_at, next_fetch_at, error_count) VALUES ('https://old.test/feed', ${T0}, ${T0}, 0)`.execute(
        db.kysely,
      );
      for (const [guid, published] of [
        ["dated", hoursAfter(5)],
        ["undated", null],
      ] as const)
        await sql`INSERT INTO articles (source_id, guid, url, title, body_html, text, published_at, fetched_at, created_at, updated_at)
          SELECT id, ${guid}, 'https://old.test/a', ${`Old ${guid}`}, '<p>x</p>', 'x', ${published}, ${T0}, ${T0}, ${T0} FROM sources`.execute(
          db.kysely,
        );
      assert.deepEqual(await migrateToLatest(db, "0007-stories-topics-display"), [
        "0007-stories-topics-display",
      ]);
      const rows = await db.kysely
        .selectFrom("articles")
        .select(["guid", "story_id", "sort_at"])
        .orderBy("guid")
        .execute();
      assert.deepEqual(
        rows.map((r) => r.sort_at),
        [hoursAfter(5), T0],
      );
      for (const r of rows) {
        const story = await findStoryById(db.kysely, Number(r.story_id));
        assert.equal(story?.title, `Old ${r.guid}`);
        assert.equal(story?.last_published_at, r.sort_at);
      }
      // New stories after the backfill get fresh ids (PostgreSQL's sequence was moved past them).
      const s = await db.kysely.selectFrom("sources").select("id").executeTakeFirstOrThrow();
      assert.equal(await insertArticle(db.kysely, article(Number(s.id), "after", hoursAfter(6))), true);
      assert.equal((await db.kysely.selectFrom("stories").select("id").execute()).length, 3);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
}

for (const { name, make } of bothDatabases) {
  describe(`stories and topics on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    async function idOf(guid: string): Promise<number> {
      const row = await db.kysely
        .selectFrom("articles")
        .select("id")
        .where("guid", "=", guid)
        .executeTakeFirstOrThrow();
      return Number(row.id);
    }

    test("a new article starts a story of one, with its time and title", async () => {
      const s = (await insertSource(db.kysely, "https://one.test/feed", T0)).source;
      assert.equal(await insertArticle(db.kysely, article(s.id, "solo", hoursAfter(1))), true);
      const row = await findArticleById(db.kysely, await idOf("solo"));
      assert.ok(row?.story_id);
      assert.equal(row.sort_at, hoursAfter(1));
      const story = await findStoryById(db.kysely, Number(row.story_id));
      assert.equal(story?.title, "Title solo");
      assert.equal(story?.article_count, 1);
      assert.equal(story?.last_published_at, hoursAfter(1));
      // A repeat of the guid adds neither an article nor a story.
      const before = await db.kysely
        .selectFrom("stories")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(await insertArticle(db.kysely, article(s.id, "solo", hoursAfter(1))), false);
      const again = await db.kysely
        .selectFrom("stories")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(again.n), Number(before.n));
    });

    test("an article dated years ahead sorts by when it was fetched, and cannot empty the front page's window", async () => {
      const s = (await insertSource(db.kysely, "https://future.test/feed", T0)).source;
      await insertArticle(db.kysely, article(s.id, "typo", "2036-01-01T00:00:00.000Z", { fetched_at: T0 }));
      const row = await findArticleById(db.kysely, await idOf("typo"));
      assert.equal(row?.published_at, "2036-01-01T00:00:00.000Z", "what the feed said is kept");
      assert.equal(row?.sort_at, T0);
      const recent = await listRecentStories(db.kysely, 48, 50);
      assert.ok(recent.length > 1, "the window starts from a real time, so other stories stay in it");
    });

    test("the front page's candidates: the window before the newest story, or at least the newest few", async () => {
      const s = (await insertSource(db.kysely, "https://quiet.test/feed", T0)).source;
      await insertArticle(db.kysely, article(s.id, "quiet-old", "2020-01-01T00:00:00.000Z"));
      const all = await listRecentStories(db.kysely, 48, 500);
      assert.ok(!all.some((x) => x.title.includes("quiet-old")), "years old: outside the window");
      const wide = await listRecentStories(db.kysely, 48, 500, all.length + 1);
      assert.equal(wide.length, all.length + 1, "a thin window is topped up with the next newest");
      assert.deepEqual(
        wide.slice(0, all.length).map((x) => x.id),
        all.map((x) => x.id),
        "newest first, the same order",
      );
      assert.equal((await listRecentStories(db.kysely, 48, 2, 1)).length, 2, "the limit still holds");
    });

    test("an article without a publication time sorts by when it was fetched", async () => {
      const s = (await insertSource(db.kysely, "https://undated.test/feed", T0)).source;
      await insertArticle(db.kysely, article(s.id, "undated", null));
      assert.equal((await findArticleById(db.kysely, await idOf("undated")))?.sort_at, T0);
    });

    test("assigning articles merges stories: counts, outlets and times follow, the empty story goes", async () => {
      const a = (await insertSource(db.kysely, "https://a.test/feed", T0)).source;
      const b = (await insertSource(db.kysely, "https://b.test/feed", T0)).source;
      await insertArticle(db.kysely, article(a.id, "m1", hoursAfter(2)));
      await insertArticle(db.kysely, article(b.id, "m2", hoursAfter(3)));
      await insertArticle(db.kysely, article(a.id, "m3", hoursAfter(4)));
      const ids = [await idOf("m1"), await idOf("m2"), await idOf("m3")];
      const first = Number((await findArticleById(db.kysely, ids[0]!))?.story_id);
      const second = Number((await findArticleById(db.kysely, ids[1]!))?.story_id);
      await assignArticlesToStory(db.kysely, first, ids.slice(1));
      const story = await findStoryById(db.kysely, first);
      assert.equal(story?.article_count, 3);
      assert.equal(story?.source_count, 2);
      assert.equal(story?.first_published_at, hoursAfter(2));
      assert.equal(story?.last_published_at, hoursAfter(4));
      assert.equal(await findStoryById(db.kysely, second), undefined);
      const members = await listStoryArticles(db.kysely, [first]);
      assert.deepEqual(
        members.map((m) => m.guid),
        ["m1", "m2", "m3"],
      );
      assert.equal(members[1]?.source_url, "https://b.test/feed");
    });

    test("recent stories are those within the window of the newest, newest first", async () => {
      const s = (await insertSource(db.kysely, "https://window.test/feed", T0)).source;
      await insertArticle(db.kysely, article(s.id, "w-old", "2026-10-01T00:00:00.000Z"));
      await insertArticle(db.kysely, article(s.id, "w-new", hoursAfter(100)));
      await insertArticle(db.kysely, article(s.id, "w-mid", hoursAfter(90)));
      const recent = await listRecentStories(db.kysely, 48, 50);
      assert.deepEqual(
        recent.map((r) => r.title),
        ["Title w-new", "Title w-mid"],
      );
    });

    test("topics: slugs from the feed's categories, once each; topic pages newest first, page by page", async () => {
      const s = (await insertSource(db.kysely, "https://topics.test/feed", T0)).source;
      for (let i = 0; i < 5; i++)
        await insertArticle(db.kysely, { ...article(s.id, `t${i}`, hoursAfter(10 + i)) }, [
          "Climate Change",
          " climate   change ",
          "Städte",
          "",
        ]);
      assert.equal(await findTopicName(db.kysely, "climate-change"), "Climate Change");
      assert.equal(await findTopicName(db.kysely, "stadte"), "Städte");
      assert.equal(await findTopicName(db.kysely, "nothing"), undefined);
      const page1 = await listTopicArticles(db.kysely, "climate-change", 2);
      assert.deepEqual(
        page1.map((a) => a.guid),
        ["t4", "t3"],
      );
      const last = page1.at(-1)!;
      const page2 = await listTopicArticles(db.kysely, "climate-change", 2, {
        sortAt: last.sort_at,
        id: last.id,
      });
      assert.deepEqual(
        page2.map((a) => a.guid),
        ["t2", "t1"],
      );
      const topics = await listArticleTopics(db.kysely, [last.id]);
      assert.deepEqual(
        topics.get(last.id)?.map((t) => t.slug),
        ["climate-change", "stadte"],
      );
    });

    test("a source's latest articles page by page, and its display mode defaults to full text", async () => {
      const s = (await insertSource(db.kysely, "https://pages.test/feed", T0)).source;
      assert.equal(s.display_mode, "full");
      for (let i = 0; i < 5; i++) await insertArticle(db.kysely, article(s.id, `p${i}`, hoursAfter(20)));
      const first = await listLatestArticles(db.kysely, 3, { sourceId: s.id });
      const last = first.at(-1)!;
      const rest = await listLatestArticles(db.kysely, 3, {
        sourceId: s.id,
        before: { sortAt: last.sort_at, id: last.id },
      });
      const all = [...first, ...rest].map((a) => a.guid);
      assert.equal(new Set(all).size, 5);
      assert.equal(first[0]?.source_display_mode, "full");
    });
  });
}

for (const { name, make } of bothDatabases) {
  describe(`retitling on ${name}`, () => {
    const t = useMigratedDb(make);

    test("a retitled article renames its story of one; a story of several keeps its name", async () => {
      const { source } = await insertSource(t.db.kysely, "https://retitle.test/feed.xml", T0);
      for (const guid of ["solo", "pair-a", "pair-b"])
        await insertArticle(t.db.kysely, article(source.id, guid, hoursAfter(1)));
      const rows = await t.db.kysely
        .selectFrom("articles")
        .select(["id", "guid", "story_id", "title"])
        .orderBy("guid")
        .execute();
      const byGuid = new Map(rows.map((r) => [r.guid, r]));
      const solo = byGuid.get("solo");
      const a = byGuid.get("pair-a");
      const b = byGuid.get("pair-b");
      assert.ok(solo && a && b);
      await assignArticlesToStory(
        t.db.kysely,
        Number(a.story_id),
        [Number(a.id), Number(b.id)],
        new Date(T0),
      );

      await updateArticleTitle(t.db.kysely, Number(solo.id), "Solo, corrected", hoursAfter(2));
      assert.equal((await findStoryById(t.db.kysely, Number(solo.story_id)))?.title, "Solo, corrected");
      const pairBefore = await findStoryById(t.db.kysely, Number(a.story_id));
      assert.equal(pairBefore?.updated_at, T0, "assignArticlesToStory takes its time from the caller");
      await updateArticleTitle(t.db.kysely, Number(b.id), "Pair B, corrected", hoursAfter(2));
      assert.equal((await findStoryById(t.db.kysely, Number(a.story_id)))?.title, pairBefore?.title);
      assert.equal((await findArticleById(t.db.kysely, Number(b.id)))?.title, "Pair B, corrected");
    });
  });
}
