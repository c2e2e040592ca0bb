/**
 * @module The data version's shards on PostgreSQL (migration 0020): two writers on different
 * connections bump different rows, so one never waits for the other's commit, and readers see both.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { SITE_VERSION_SHARDS } from "./migrations/0020-site-version-shards.ts";
import { readSiteVersion } from "./site-version.ts";

after(stopTestPostgres);

describe("site version shards on postgres", () => {
  const t = useMigratedDb(postgresTestDatabase);

  test("a writer never waits for another writer's commit, and the version counts both", async () => {
    const [a, b] = [
      new pg.Client({ connectionString: t.tdb.url }),
      new pg.Client({ connectionString: t.tdb.url }),
    ];
    await a.connect();
    await b.connect();
    const shardOf = async (c: pg.Client) =>
      Number((await c.query("SELECT txid_current() AS id")).rows[0].id) % SITE_VERSION_SHARDS;
    try {
      const v0 = (await readSiteVersion(t.db.kysely)).version;
      const insert = (c: pg.Client, url: string) =>
        c.query(
          "INSERT INTO sources (url, created_at, next_fetch_at, error_count, ignore_robots) VALUES ($1, now()::text, now()::text, 0, 0)",
          [url],
        );
      await a.query("BEGIN");
      const shardA = await shardOf(a);
      await insert(a, "https://a.test/feed");
      // A holds its bump uncommitted; B must get through on its own row (it would wait here before).
      await b.query("SET statement_timeout = 5000");
      // A transaction id that picks another row than A's (15 in 16 do).
      for (;;) {
        await b.query("BEGIN");
        if ((await shardOf(b)) !== shardA) break;
        await b.query("ROLLBACK");
      }
      await insert(b, "https://b.test/feed");
      await b.query("COMMIT");
      assert.equal((await readSiteVersion(t.db.kysely)).version, v0 + 1, "B's write is seen, A's not yet");
      await a.query("COMMIT");
      assert.equal((await readSiteVersion(t.db.kysely)).version, v0 + 2, "both writes counted");
      const { rows } = await a.query("SELECT count(*)::int AS n FROM site_version");
      assert.equal(rows[0].n, SITE_VERSION_SHARDS);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
