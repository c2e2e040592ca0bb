/** @module takeRateToken under concurrent callers, on both databases: the limit holds exactly. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import { countRateEvents, takeRateToken } from "./rate-events.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`rate limits under concurrent callers on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    before(async () => {
      tdb = await make();
      // SQLite: one connection, whose calls serialize anyway; PostgreSQL: a pool of 10 connections.
      db = openDb(tdb.url);
      await migrateToLatest(db);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    test("40 concurrent takeRateToken calls with limit 5 admit exactly 5", async (t) => {
      const rule = { bucket: "comment-ip", key: "192.0.2.40", limit: 5, windowMs: 600_000 };
      const now = new Date("2026-11-20T10:00:00.000Z");
      const decisions = await Promise.all(
        Array.from({ length: 40 }, () => takeRateToken(db.kysely, rule, now)),
      );
      const allowed = decisions.filter((d) => d.allowed).length;
      t.diagnostic(`${name}: ${allowed} of 40 allowed (limit 5)`);
      assert.equal(allowed, 5);
      assert.equal(await countRateEvents(db.kysely, rule.bucket, rule.key, rule.windowMs, now), 5);
      // Another key is not held up or counted by the first one's lock.
      assert.equal((await takeRateToken(db.kysely, { ...rule, key: "192.0.2.41" }, now)).allowed, true);
    });
  });
}
