/** @module One article per URL within an outlet, and revisions, in storage, on SQLite and on PostgreSQL. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { newArticle as article, hoursAfter, T0 } from "../../test/support/articles.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { findArticleById, insertArticle, listArticleRevisions, reviseArticle } from "./articles.ts";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource } from "./sources.ts";
import { findStoryById } from "./stories.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  test(`on ${name}, migration 0013 keys the articles stored before it`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db, "0012-story-clustering");
      await sql`INSERT INTO sources (url, created_at, next_fetch_at, error_count) VALUES ('https://old.test/feed', ${T0}, ${T0}, 0)`.execute(
        db.kysely,
      );
      // More rows than one backfill batch, with and without a canonical URL, and one unkeyable URL.
      const rows: Array<[string, string, string | null]> = [
        ["tagged", "https://www.old.test/a/1?utm_source=rss", null],
        ["canonical", "https://old.test/a/2/amp", "https://old.test/a/2"],
        ["home-canonical", "https://old.test/a/3", "https://old.test/"],
        ["no-url", "", null],
        ...Array.from({ length: 520 }, (_, i): [string, string, null] => [
          `bulk-${i}`,
          `https://old.test/b/${i}`,
          null,
        ]),
      ];
      for (const [guid, url, canonical] of rows)
        await sql`INSERT INTO articles (source_id, guid, url, canonical_url, title, body_html, text, fetched_at, created_at, updated_at, sort_at)
          SELECT id, ${guid}, ${url}, ${canonical}, 'Old', '<p>x</p>', 'x', ${T0}, ${T0}, ${T0}, ${T0} FROM sources`.execute(
          db.kysely,
        );
      assert.deepEqual((await migrateToLatest(db))[0], "0013-article-identity");
      const keys = new Map(
        (await db.kysely.selectFrom("articles").select(["guid", "url_key"]).execute()).map((r) => [
          r.guid,
          r.url_key,
        ]),
      );
      assert.equal(keys.get("tagged"), "old.test/a/1");
      assert.equal(keys.get("canonical"), "old.test/a/2");
      assert.equal(keys.get("home-canonical"), "old.test/a/3");
      assert.equal(keys.get("no-url"), null);
      assert.equal(keys.get("bulk-519"), "old.test/b/519");
      assert.equal([...keys.values()].filter(Boolean).length, 523);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });

  describe(`article identity on ${name}`, () => {
    const t = useMigratedDb(make);

    test("an outlet stores a URL once, even when two of its feeds race; another outlet keeps its own", async () => {
      const db = t.db.kysely;
      const feeds = await Promise.all(
        ["https://news.test/rss/world", "https://news.test/rss/uk", "https://other.test/feed"].map(
          async (url) => (await insertSource(db, url, T0)).source,
        ),
      );
      const [world, uk, other] = feeds as [(typeof feeds)[0], (typeof feeds)[0], (typeof feeds)[0]];
      const keyed = (sourceId: number, guid: string) =>
        article(sourceId, guid, hoursAfter(1), { url_key: "news.test/2026/story" });
      const outletOf = (s: typeof world, host: string) => ({ outlet: { sourceId: s.id, host } });
      // Ten attempts at once from the two feeds of one outlet: one row.
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? insertArticle(db, keyed(world.id, `w${i}`), [], outletOf(world, "news.test"))
            : insertArticle(db, keyed(uk.id, `u${i}`), [], outletOf(uk, "news.test")),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await insertArticle(db, keyed(other.id, "o1"), [], outletOf(other, "other.test")), true);
      const stored = await db
        .selectFrom("articles")
        .select("source_id")
        .where("url_key", "=", "news.test/2026/story")
        .execute();
      assert.equal(stored.length, 2);
      assert.ok(stored.some((r) => Number(r.source_id) === other.id));
    });

    test("an edit keeps the previous headline and body; whitespace alone is no edit", async () => {
      const db = t.db.kysely;
      const s = (await insertSource(db, "https://edits.test/feed", T0)).source;
      await insertArticle(
        db,
        article(s.id, "e1", T0, { title: "Mayor  resigns", body_html: "<p>First.</p>", text: "First." }),
      );
      const a = await db
        .selectFrom("articles")
        .select(["id", "story_id"])
        .where("guid", "=", "e1")
        .executeTakeFirstOrThrow();
      const id = Number(a.id);

      const noEdit = {
        title: " Mayor resigns ",
        body: { body_html: "<p>First. </p>", text: "First.\n" },
        excerpt: null,
      };
      assert.equal(
        await reviseArticle(db, id, { ...noEdit, revisedAt: hoursAfter(1) }, hoursAfter(1)),
        false,
      );
      assert.equal((await findArticleById(db, id))?.revised_at, null);

      assert.equal(
        await reviseArticle(
          db,
          id,
          { title: "Mayor resigns after vote", revisedAt: hoursAfter(2) },
          hoursAfter(2),
        ),
        true,
      );
      const body = { body_html: "<p>First, corrected.</p>", text: "First, corrected." };
      assert.equal(await reviseArticle(db, id, { body, revisedAt: hoursAfter(3) }, hoursAfter(3)), true);

      const now = await findArticleById(db, id);
      assert.equal(now?.title, "Mayor resigns after vote");
      assert.equal(now?.body_html, "<p>First, corrected.</p>");
      assert.equal(now?.revised_at, hoursAfter(3));
      assert.deepEqual(
        (await listArticleRevisions(db, id)).map((r) => [r.title, r.body_html, r.replaced_at]),
        [
          ["Mayor resigns after vote", "<p>First.</p>", hoursAfter(3)],
          ["Mayor  resigns", "<p>First.</p>", hoursAfter(2)],
        ],
      );
      // A story of one follows its article's headline.
      assert.equal((await findStoryById(db, Number(a.story_id)))?.title, "Mayor resigns after vote");
    });
  });
}
