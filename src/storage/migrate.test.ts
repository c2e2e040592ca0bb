/** @module Opening a database that a newer build migrated: refused with what happened and what to do. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { openDb } from "./db.ts";
import { migrateToLatest, schemaStatus } from "./migrate.ts";

test("a database migrated by a newer build is refused by name, and left as it was", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-migrate-"));
  const db = openDb(`sqlite:${join(dir, "newer.db")}`);
  try {
    await migrateToLatest(db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
      db.kysely,
    );
    await assert.rejects(
      migrateToLatest(db),
      /upgraded by a newer Newsdesk \(migration 9999-from-the-future,.*restore a backup/,
    );
    assert.deepEqual(await schemaStatus(db), { pending: [], unknown: ["9999-from-the-future"] });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
