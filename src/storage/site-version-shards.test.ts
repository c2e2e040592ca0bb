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

  /** Two connections whose backend pids pick different shards. */
  async function twoShards(): Promise<[pg.Client, pg.Client]> {
    const clients: pg.Client[] = [];
    const shardOf = async (c: pg.Client) =>
      Number((await c.query("SELECT pg_backend_pid() AS pid")).rows[0].pid) % SITE_VERSION_SHARDS;
    for (;;) {
      const c = new pg.Client({ connectionString: t.tdb.url });
      await c.connect();
      clients.push(c);
      const first = clients[0]!;
      if (clients.length > 1 && (await shardOf(c)) !== (await shardOf(first))) {
        for (const other of clients.slice(1, -1)) await other.end();
        return [first, c];
      }
    }
  }

  test("a writer never waits for another writer's commit, and the version counts both", async () => {
    const [a, b] = await twoShards();
    try {
      const v0 = (await readSiteVersion(t.db.kysely)).version;
      const insert = (c: pg.Client, url: string) =>
        c.query(
          "INSERT INTO sources (url, created_at, next_fetch_at, error_count, ignore_robots) VALUES ($1, now()::text, now()::text, 0, 0)",
          [url],
        );
      await a.query("BEGIN");
      await insert(a, "https://a.test/feed");
      // A holds its bump uncommitted; B must get through on its own row (it would wait here before).
      await b.query("SET statement_timeout = 5000");
      await b.query("BEGIN");
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
