/** @module copyDatabase's verification: a source written during the copy fails it, and nothing reaches the target. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { newArticle, T0 } from "../../test/support/articles.ts";
import { sqliteTestDatabase } from "../../test/support/databases.ts";
import { insertArticle } from "./articles.ts";
import { copyDatabase } from "./copy-database.ts";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { insertSource } from "./sources.ts";

test("a row written to the source during the copy fails the verification and rolls the target back", async () => {
  const [from, to] = [sqliteTestDatabase(), sqliteTestDatabase()];
  const source = openDb(from.url);
  const target = openDb(to.url);
  try {
    await migrateToLatest(source);
    const { source: feed } = await insertSource(source.kysely, "https://a.test/feed.xml", T0);
    await insertArticle(source.kysely, newArticle(feed.id, "one", T0));
    const copy = copyDatabase(source, target, {
      // Between the copy and its verification, another writer adds an article (queued on the source's one
      // connection ahead of the verification's reads).
      progress: (label) => ({
        tick() {},
        stop: () => {
          if (label === "copying") void insertArticle(source.kysely, newArticle(feed.id, "two", T0));
        },
      }),
    });
    await assert.rejects(copy, (err: Error) => {
      assert.match(err.message, /verification failed, nothing was committed/);
      assert.match(err.message, /articles: 2 rows in the source, 1 in the target/);
      return true;
    });
    const left = await target.kysely
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0, "the target holds no article");
    // The target is still empty: a second copy, with the source quiet, goes through.
    const tables = await copyDatabase(source, target);
    assert.equal(tables.find((t) => t.name === "articles")?.rows, 2);
  } finally {
    await source.close();
    await target.close();
    await from.drop();
    await to.drop();
  }
});
