/** @module The data version: bumped by writes to what pages show, seen from a second connection, on both databases. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { insertArticle } from "./articles.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { readSiteVersion } from "./site-version.ts";
import { insertSource, markSourceFailed, markSourceFetched, updateSourceSettings } from "./sources.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`site version on ${name}`, () => {
    let tdb: TestDatabase;
    let writer: Db;
    let reader: Db;
    let sourceId = 0;
    const now = "2026-11-20T10:00:00.000Z";

    before(async () => {
      tdb = await make();
      writer = openDb(tdb.url);
      await migrateToLatest(writer);
      reader = openDb(tdb.url);
      ({
        source: { id: sourceId },
      } = await insertSource(writer.kysely, "https://gazette.test/feed.xml", now));
    });
    after(async () => {
      await writer?.close();
      await reader?.close();
      await tdb?.drop();
    });

    test("an article insert through one connection bumps the version another connection reads", async () => {
      const before = await readSiteVersion(reader.kysely);
      await insertArticle(writer.kysely, {
        source_id: sourceId,
        guid: "g1",
        url: "https://gazette.test/a",
        title: "A",
        body_html: "<p>a</p>",
        text: "a",
        fetched_at: now,
        created_at: now,
        updated_at: now,
      });
      const afterInsert = await readSiteVersion(reader.kysely);
      assert.ok(afterInsert.version > before.version);
      assert.ok(afterInsert.changedAt >= before.changedAt);
      assert.match(afterInsert.changedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    test("a poll that changes nothing pages show keeps the version; a new title bumps it", async () => {
      const v0 = (await readSiteVersion(reader.kysely)).version;
      await markSourceFetched(writer.kysely, sourceId, { now, nextFetchAt: now, title: "Gazette" });
      const v1 = (await readSiteVersion(reader.kysely)).version;
      assert.ok(v1 > v0, "the title changed");
      await markSourceFetched(writer.kysely, sourceId, { now, nextFetchAt: now, title: "Gazette" });
      await markSourceFailed(writer.kysely, sourceId, { now, nextFetchAt: now, error: "x", kind: "http" });
      assert.equal((await readSiteVersion(reader.kysely)).version, v1, "health columns only");
      await updateSourceSettings(writer.kysely, sourceId, { ignoreRobots: true });
      assert.equal((await readSiteVersion(reader.kysely)).version, v1, "operator settings pages do not show");
      await markSourceFetched(writer.kysely, sourceId, { now, nextFetchAt: now, title: "The Gazette" });
      const v2 = (await readSiteVersion(reader.kysely)).version;
      assert.ok(v2 > v1);
      // Full text to excerpt changes every page of the source: cached full-text pages must go.
      await updateSourceSettings(writer.kysely, sourceId, { displayMode: "excerpt" });
      assert.ok((await readSiteVersion(reader.kysely)).version > v2, "display mode is shown");
    });
    test("held comments leave the version alone; approving, unapproving or deleting an approved one bumps it", async () => {
      const article = await writer.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow();
      const v0 = (await readSiteVersion(reader.kysely)).version;
      const comment = {
        article_id: article.id,
        parent_id: null,
        author_name: "Ann",
        author_email: "ann@example.org",
        author_url: null,
        body_html: "<p>Hi</p>",
        created_at: now,
        updated_at: null,
        approved_at: null,
      } as const;
      const { id } = await writer.kysely
        .insertInto("comments")
        .values({ ...comment, status: "pending" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writer.kysely.updateTable("comments").set({ status: "spam" }).where("id", "=", id).execute();
      assert.equal(
        (await readSiteVersion(reader.kysely)).version,
        v0,
        "held and spam comments are not shown",
      );
      await writer.kysely.updateTable("comments").set({ status: "approved" }).where("id", "=", id).execute();
      const v1 = (await readSiteVersion(reader.kysely)).version;
      assert.ok(v1 > v0, "approved");
      await writer.kysely.updateTable("comments").set({ status: "trash" }).where("id", "=", id).execute();
      const v2 = (await readSiteVersion(reader.kysely)).version;
      assert.ok(v2 > v1, "unapproved");
      await writer.kysely.deleteFrom("comments").where("id", "=", id).execute();
      assert.equal((await readSiteVersion(reader.kysely)).version, v2, "deleting a trashed one");
      await writer.kysely
        .insertInto("comments")
        .values({ ...comment, status: "approved" })
        .execute();
      const v3 = (await readSiteVersion(reader.kysely)).version;
      assert.ok(v3 > v2, "an approved insert");
      await writer.kysely.deleteFrom("comments").where("status", "=", "approved").execute();
      assert.ok((await readSiteVersion(reader.kysely)).version > v3, "deleting an approved one");
    });
  });
}
