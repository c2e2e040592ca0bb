/** @module `newsdesk quotes --backfill` and `--jsonl` as an operator runs them, on SQLite. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { insertArticle } from "../../src/storage/articles.ts";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { findPersonBySlug, listStatementsOfArticles } from "../../src/storage/people.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { newArticle, T0 } from "../support/articles.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
const env = { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: "silent" };
const TEXT =
  'The harbour authority will close the east pier for repairs, its director Halima Osei said on Monday.\n\n"The pier has carried ferries for ninety years and it is tired," Osei told reporters.';
let articleId = 0;

before(async () => {
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  const s = (await insertSource(db.kysely, "https://pier.test/feed", T0, { title: "Pier Times" })).source;
  // Stored without statements, as articles stored before the attribution stage existed.
  await insertArticle(db.kysely, newArticle(s.id, "p1", T0, { text: TEXT }));
  articleId = Number(
    (await db.kysely.selectFrom("articles").select("id").where("guid", "=", "p1").executeTakeFirstOrThrow())
      .id,
  );
  await db.close();
});
after(() => tdb.drop());

test("--backfill extracts and stores the statements of articles that have none, once", async () => {
  const first = await run(BIN, ["quotes", "--backfill"], { env });
  assert.match(first.stdout, /^1 articles read, 2 statements stored$/m);
  const db = openDb(tdb.url);
  try {
    const rows = await listStatementsOfArticles(db.kysely, [articleId]);
    assert.deepEqual(
      rows.map((r) => [r.person_name, r.kind]),
      [
        ["Halima Osei", "indirect"],
        ["Halima Osei", "direct"],
      ],
    );
    assert.equal((await findPersonBySlug(db.kysely, "halima-osei"))?.statement_count, 2);
  } finally {
    await db.close();
  }
  // Nothing left to do; --all goes through every article again and replaces, never duplicates.
  assert.match((await run(BIN, ["quotes", "--backfill"], { env })).stdout, /^0 articles read/m);
  assert.match(
    (await run(BIN, ["quotes", "--backfill", "--all"], { env })).stdout,
    /^1 articles read, 2 statements/m,
  );
});

test("without --jsonl or --backfill the command says what it needs", async () => {
  const err = await run(BIN, ["quotes"], { env }).then(
    () => assert.fail("succeeded"),
    (e: { code: number; stderr: string }) => e,
  );
  assert.notEqual(err.code, 0);
  assert.match(err.stderr, /give --jsonl .* or --backfill/);
});
