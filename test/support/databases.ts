/** @module Test databases: a fresh SQLite file and a fresh PostgreSQL schema, for suites that run on both. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import pg from "pg";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { startOwnPostgres } from "./own-postgres.ts";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** A DATABASE_URL for an empty database nobody else uses. */
  url: string;
  drop(): Promise<void>;
}

/** Where PostgreSQL runs for this process: TEST_DATABASE_URL, else a throwaway embedded server. */
let serverUrl: Promise<string> | undefined;
let stopEmbedded: (() => Promise<void>) | undefined;

async function startEmbeddedPostgres(): Promise<string> {
  const server = await startOwnPostgres();
  stopEmbedded = server.destroy;
  return server.url;
}

function postgresServer(): Promise<string> {
  serverUrl ??= process.env.TEST_DATABASE_URL
    ? Promise.resolve(process.env.TEST_DATABASE_URL)
    : startEmbeddedPostgres();
  return serverUrl;
}

/** A fresh SQLite file in a temp folder. */
export function sqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-sqlite-"));
  return {
    name: "sqlite",
    url: `sqlite:${join(dir, "test.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema on the test PostgreSQL server, selected through the connection's search_path,
 * so concurrent runs and earlier runs never see each other's rows.
 */
export async function postgresTestDatabase(): Promise<TestDatabase> {
  const base = await postgresServer();
  const schema = `nd_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `test PostgreSQL at ${base.replace(/:[^:@/]*@/, ":***@")} is not reachable: ${(err as Error).message}`,
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    name: "postgres",
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        // A session left holding a lock in the schema (a child process the test did not stop) would
        // make the drop wait for ever: fail instead, naming what still runs there.
        await c.query("SET lock_timeout = '60s'");
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        // The job queue's schema beside it, when a worker made one (queue/pg-worker.ts names it so).
        await c.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      } catch (err) {
        const others = await c
          .query<{ pid: number; state: string; query: string }>(
            "SELECT pid, state, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
          )
          .catch(() => ({ rows: [] }));
        throw new Error(
          `test PostgreSQL: could not drop schema ${schema}: ${(err as Error).message}; other sessions: ${JSON.stringify(others.rows)}`,
        );
      } finally {
        await c.end();
      }
    },
  };
}

/** Both databases, for `for (const make of bothDatabases) describe(...)` suites. */
export const bothDatabases: Array<{ name: TestDatabase["name"]; make: () => Promise<TestDatabase> }> = [
  { name: "sqlite", make: async () => sqliteTestDatabase() },
  { name: "postgres", make: postgresTestDatabase },
];

/** Stops the embedded server if this process started one (call from a top-level after()). */
export async function stopTestPostgres(): Promise<void> {
  await stopEmbedded?.();
  stopEmbedded = undefined;
  serverUrl = undefined;
}

/**
 * Inside a `describe`: a fresh database from `make`, migrated before the suite's tests and dropped
 * after them. Read `.db` (and `.tdb` for its URL) from the returned holder once the tests run.
 */
export function useMigratedDb(make: () => Promise<TestDatabase>): {
  readonly db: Db;
  readonly tdb: TestDatabase;
} {
  const holder = {} as { db: Db; tdb: TestDatabase };
  before(async () => {
    holder.tdb = await make();
    holder.db = openDb(holder.tdb.url);
    await migrateToLatest(holder.db);
  });
  after(async () => {
    await holder.db?.close();
    await holder.tdb?.drop();
  });
  return holder;
}
