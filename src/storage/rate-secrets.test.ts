/** @module Database rate limits and the site secret, on both databases. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { loadConfig } from "../config/config.ts";
import { openDb } from "./db.ts";
import { countRateEvents, pruneRateEvents, recordRateEvent, takeRateToken } from "./rate-events.ts";
import { siteSecret } from "./secrets.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`rate limits and the site secret on ${name}`, () => {
    const t = useMigratedDb(make);

    test("a key gets `limit` events per window; refused ones are not counted; others are separate", async () => {
      const rule = { bucket: "comment-ip", key: "192.0.2.7", limit: 3, windowMs: 600_000 };
      const t0 = new Date("2026-11-20T10:00:00.000Z");
      const at = (s: number) => new Date(t0.getTime() + s * 1000);
      for (let i = 0; i < 3; i++) assert.equal((await takeRateToken(t.db.kysely, rule, at(i))).allowed, true);
      const refused = await takeRateToken(t.db.kysely, rule, at(10));
      assert.deepEqual(refused, { allowed: false, retryAfterSeconds: 590 });
      assert.equal((await takeRateToken(t.db.kysely, { ...rule, key: "192.0.2.8" }, at(10))).allowed, true);
      assert.equal(
        (await takeRateToken(t.db.kysely, { ...rule, bucket: "signin-ip" }, at(10))).allowed,
        true,
      );
      // The first event leaves the window after 600 s.
      assert.equal((await takeRateToken(t.db.kysely, rule, at(600))).allowed, true);
      assert.equal((await takeRateToken(t.db.kysely, rule, at(600))).allowed, false);
      assert.equal(await countRateEvents(t.db.kysely, "comment-ip", "192.0.2.7", 600_000, at(600)), 3);
      await recordRateEvent(t.db.kysely, "signin-fail", "ann", at(5));
      assert.equal(await countRateEvents(t.db.kysely, "signin-fail", "ann", 600_000, at(6)), 1);
      assert.ok((await pruneRateEvents(t.db.kysely, at(3))) >= 3);
    });

    test("the site secret is made once and shared by every connection; NEWSDESK_SECRET wins", async () => {
      const config = loadConfig({});
      const a = await siteSecret(t.db.kysely, config);
      const other = openDb(t.tdb.url);
      try {
        assert.equal(await siteSecret(other.kysely, config), a);
      } finally {
        await other.close();
      }
      assert.ok(a.length >= 40);
      assert.equal(
        await siteSecret(
          t.db.kysely,
          loadConfig({ NEWSDESK_SECRET: "operator-key-of-at-least-32-characters" }),
        ),
        "operator-key-of-at-least-32-characters",
      );
    });
  });
}
