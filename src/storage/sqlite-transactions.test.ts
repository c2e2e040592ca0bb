/** @module SQLite transactions begin IMMEDIATE, so one that reads and then writes never meets SQLITE_BUSY_SNAPSHOT. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";

test("a transaction holds the write lock from its first statement, even a read", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-tx-"));
  const file = join(dir, "t.db");
  const db = openDb(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
    // Another process's connection, which will not wait for the lock.
    const other = new SqliteDatabase(file);
    other.pragma("busy_timeout = 0");
    try {
      await db.kysely.transaction().execute(async (trx) => {
        await sql`SELECT count(*) FROM comments`.execute(trx);
        // With a deferred BEGIN this write would succeed and the transaction's own write below would
        // then fail with SQLITE_BUSY_SNAPSHOT.
        assert.throws(
          () => other.prepare("INSERT INTO app_secrets (name, value) VALUES ('x', 'y')").run(),
          /database is locked/,
        );
        await sql`INSERT INTO app_secrets (name, value) VALUES ('mine', 'z')`.execute(trx);
      });
      const row = other.prepare("SELECT count(*) AS n FROM app_secrets WHERE name = 'mine'").get() as {
        n: number;
      };
      assert.equal(row.n, 1);
    } finally {
      other.close();
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
