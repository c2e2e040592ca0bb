/**
 * @module Benchmark: four writers on PostgreSQL and the site's data version (issue 16). Each writer
 * runs transactions that insert a source (which bumps the version by trigger) and then hold the
 * transaction open 5 ms, as an article's filing does while it clusters. Run twice in the same
 * schema: with the version in one row (before migration 0020, swapped in for the run) and in shards.
 *
 *   node --import tsx bench/site-version-writers.ts [transactions-per-writer=100]
 */
import pg from "pg";
import { openDb } from "../src/storage/db.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { SITE_VERSION_SHARDS } from "../src/storage/migrations/0020-site-version-shards.ts";

const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const perWriter = Number(process.argv[2] ?? 100);
const WRITERS = 4;
const HOLD_MS = 5;
const schema = `bench_site_version_${process.pid}`;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(base);
url.searchParams.set("options", `-c search_path=${schema}`);
const db = openDb(url.toString());
await migrateToLatest(db);
await db.close();

const bumpFunction = (
  where: string,
) => `CREATE OR REPLACE FUNCTION newsdesk_bump_site_version() RETURNS trigger
  LANGUAGE plpgsql AS $$ BEGIN
    UPDATE site_version SET version = version + 1,
      changed_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') WHERE ${where};
    RETURN NULL; END $$`;

async function run(label: string, where: string): Promise<number> {
  const setup = new pg.Client({ connectionString: url.toString() });
  await setup.connect();
  await setup.query(bumpFunction(where));
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      return c;
    }),
  );
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, w) => {
      for (let i = 0; i < perWriter; i++) {
        await c.query("BEGIN");
        await c.query(
          "INSERT INTO sources (url, created_at, next_fetch_at, error_count, ignore_robots) VALUES ($1, now()::text, now()::text, 0, 0)",
          [`https://bench.test/${label}/${w}/${i}`],
        );
        await c.query(`SELECT pg_sleep(${HOLD_MS / 1000})`);
        await c.query("COMMIT");
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  const rate = (WRITERS * perWriter) / seconds;
  console.log(
    `${label}: ${WRITERS} writers x ${perWriter} transactions in ${seconds.toFixed(2)} s: ${rate.toFixed(0)} tx/s`,
  );
  return rate;
}

try {
  const one = await run("one row", "id = 1");
  const shards = await run(
    `${SITE_VERSION_SHARDS} shards`,
    `id = 1 + txid_current() % ${SITE_VERSION_SHARDS}`,
  );
  console.log(`shards / one row: ${(shards / one).toFixed(2)}x (ideal with ${WRITERS} writers: ${WRITERS}x)`);
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
