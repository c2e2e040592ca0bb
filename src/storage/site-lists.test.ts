/** @module What the public pages read beyond articles and stories: approved comment counts, sources with counts; on both databases. */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { bothDatabases, stopTestPostgres } from "../../test/support/databases.ts";
import { insertArticle } from "./articles.ts";
import { countApprovedComments } from "./comments.ts";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource, listSourcesWithCounts, markSourceFetched } from "./sources.ts";

const T0 = "2026-11-20T10:00:00.000Z";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  test(`on ${name}, approved comments are counted and sources list with their article counts`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db);
      const zeta = (await insertSource(db.kysely, "https://zeta.test/feed", T0)).source.id;
      const alpha = (await insertSource(db.kysely, "https://alpha.test/feed", T0)).source.id;
      const empty = (await insertSource(db.kysely, "https://empty.test/feed", T0)).source.id;
      await markSourceFetched(db.kysely, zeta, { now: T0, nextFetchAt: T0, title: "Zeta", siteUrl: null });
      await markSourceFetched(db.kysely, alpha, { now: T0, nextFetchAt: T0, title: "Alpha", siteUrl: null });
      for (const [source, guid] of [
        [zeta, "z1"],
        [zeta, "z2"],
        [alpha, "a1"],
      ] as const)
        await insertArticle(db.kysely, {
          source_id: source,
          guid,
          url: `https://x.test/${guid}`,
          title: guid,
          body_html: "<p>x</p>",
          text: "x",
          fetched_at: T0,
          created_at: T0,
          updated_at: T0,
        });
      const article = await db.kysely
        .selectFrom("articles")
        .select("id")
        .where("guid", "=", "z1")
        .executeTakeFirstOrThrow();
      assert.equal(await countApprovedComments(db.kysely, Number(article.id)), 0);
      for (const status of ["approved", "approved", "pending", "spam", "trash"] as const)
        await db.kysely
          .insertInto("comments")
          .values({
            article_id: Number(article.id),
            parent_id: null,
            author_name: "R",
            author_email: "r@example.test",
            author_url: null,
            body_html: "<p>hi</p>",
            status,
            created_at: T0,
          })
          .execute();
      assert.equal(await countApprovedComments(db.kysely, Number(article.id)), 2);

      const list = await listSourcesWithCounts(db.kysely);
      assert.deepEqual(
        list.map((s) => [s.title ?? s.url, s.article_count]),
        [
          ["Alpha", 1],
          ["https://empty.test/feed", 0],
          ["Zeta", 2],
        ],
      );
      assert.equal(list[1]?.id, empty);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
}
