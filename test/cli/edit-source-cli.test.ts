/** @module `newsdesk edit-source --label` and `newsdesk sources` as an operator runs them, on SQLite. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { findSourceById, insertSource } from "../../src/storage/sources.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
const env = { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: "silent" };
const FEED = "https://wire.test/feed.xml";
let id = 0;

const newsdesk = (...args: string[]) => run(BIN, args, { env });
async function fails(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await newsdesk(...args);
  } catch (err) {
    return err as { code: number; stderr: string };
  }
  throw new Error(`newsdesk ${args.join(" ")} succeeded`);
}
async function labelsOf(): Promise<string | null> {
  const db = openDb(tdb.url);
  try {
    return (await findSourceById(db.kysely, id))?.labels ?? null;
  } finally {
    await db.close();
  }
}

before(async () => {
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  id = (await insertSource(db.kysely, FEED, "2026-11-20T10:00:00.000Z", { title: "Wire Test" })).source.id;
  await db.close();
});
after(() => tdb.drop());

test("labels are set by number, changed by URL, cleared one at a time, and listed", async () => {
  const set = await newsdesk("edit-source", String(id), "--label", "country=gb", "--label", "kind=wire");
  assert.match(set.stdout, /labels GB, wire agency/);
  assert.deepEqual(JSON.parse((await labelsOf()) ?? "null"), { country: "GB", kind: "wire" });

  await newsdesk("edit-source", FEED, "--label", "kind=state");
  assert.deepEqual(JSON.parse((await labelsOf()) ?? "null"), { country: "GB", kind: "state" });
  const listed = await newsdesk("sources");
  assert.match(listed.stdout, /#\d+ Wire Test <https:\/\/wire\.test\/feed\.xml> \(GB, state media\)/);
  const json = JSON.parse((await newsdesk("sources", "--json")).stdout.trim());
  assert.deepEqual(json.labels, { country: "GB", kind: "state" });

  await newsdesk("edit-source", String(id), "--label", "kind=");
  assert.deepEqual(JSON.parse((await labelsOf()) ?? "null"), { country: "GB" });
  const cleared = await newsdesk("edit-source", String(id), "--label", "country=");
  assert.match(cleared.stdout, /labels \(none\)/);
  assert.equal(await labelsOf(), null);
});

test("a bad label or an unknown source is a clear error and changes nothing", async () => {
  await newsdesk("edit-source", String(id), "--label", "country=FR");
  for (const [label, message] of [
    ["country=UK", /ISO 3166-1 alpha-2 code/],
    ["kind=tabloid", /kind must be one of wire, state, public, independent/],
    ["colour=red", /country=<code> or kind=<kind>/],
  ] as const) {
    const failure = await fails("edit-source", String(id), "--label", label);
    assert.notEqual(failure.code, 0);
    assert.match(failure.stderr, message);
  }
  assert.match(
    (await fails("edit-source", "https://nowhere.test/feed", "--label", "kind=blog")).stderr,
    /there is no source https:\/\/nowhere\.test\/feed/,
  );
  assert.match(
    (await fails("edit-source", "wire.test", "--label", "kind=blog")).stderr,
    /number or its feed URL/,
  );
  assert.deepEqual(JSON.parse((await labelsOf()) ?? "null"), { country: "FR" });
});
