/** @module takeRateToken under concurrent callers, on both databases: the limit holds exactly. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { countRateEvents, takeRateToken } from "./rate-events.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`rate limits under concurrent callers on ${name}`, () => {
    // SQLite: one connection, whose calls serialize anyway; PostgreSQL: a pool of 10 connections.
    const store = useMigratedDb(make);

    test("40 concurrent takeRateToken calls with limit 5 admit exactly 5", async (t) => {
      const rule = { bucket: "comment-ip", key: "192.0.2.40", limit: 5, windowMs: 600_000 };
      const now = new Date("2026-11-20T10:00:00.000Z");
      const decisions = await Promise.all(
        Array.from({ length: 40 }, () => takeRateToken(store.db.kysely, rule, now)),
      );
      const allowed = decisions.filter((d) => d.allowed).length;
      t.diagnostic(`${name}: ${allowed} of 40 allowed (limit 5)`);
      assert.equal(allowed, 5);
      assert.equal(await countRateEvents(store.db.kysely, rule.bucket, rule.key, rule.windowMs, now), 5);
      // Another key is not held up or counted by the first one's lock.
      assert.equal((await takeRateToken(store.db.kysely, { ...rule, key: "192.0.2.41" }, now)).allowed, true);
    });
  });
}
