/**
 * @module `newsdesk migrate-db` and `newsdesk backup` as an operator runs them: a database with a row
 * in every table copied from SQLite to PostgreSQL and back (same rows, same checksums, the same pages
 * and search results), a non-empty target and an outdated source refused, and an online backup taken
 * while another connection writes, checked and served.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { promisify } from "node:util";
import SqliteDatabase from "better-sqlite3";
import type { Kysely } from "kysely";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/log.ts";
import { searchArticles } from "../../src/search/search.ts";
import { type AnyDb, describeTables } from "../../src/storage/catalog.ts";
import { type Db, openDb, sqliteFile } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { recordRateEvent } from "../../src/storage/rate-events.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { type TableSum, tableChecksum } from "../../src/storage/table-checksums.ts";
import { buildApp } from "../../src/web/app.tsx";
import {
  postgresTestDatabase,
  sqliteTestDatabase,
  stopTestPostgres,
  type TestDatabase,
} from "../support/databases.ts";
import { type FilledDatabase, fillDatabase } from "../support/filled-database.ts";
import { startServeCommand } from "../support/serve-command.ts";

const execFileAsync = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");

/** Runs `newsdesk args` and returns its exit code and output (a failing exit is a result, not a throw). */
async function newsdesk(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await execFileAsync(BIN, args, {
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDb<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(url);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Every table's row count and checksum, as migrate-db computes them. */
function checksums(url: string): Promise<Map<string, TableSum>> {
  return withDb(url, async (db) => {
    const k = db.kysely as unknown as Kysely<AnyDb>;
    const out = new Map<string, TableSum>();
    for (const t of await describeTables(k, db.dialect)) out.set(t.name, await tableChecksum(k, t));
    return out;
  });
}

/** The comment form's token is signed with the time it was drawn: the one part of a page that is not data. */
const stable = (html: string) => html.replace(/name="token" value="[^"]*"/g, 'name="token" value=""');

/** What a reader sees on the database at `url`: pages (redirects followed) and search results. */
function readerView(url: string, filled: FilledDatabase): Promise<Record<string, string>> {
  return withDb(url, async (db) => {
    const config = loadConfig({ DATABASE_URL: url });
    const app = buildApp({ db: db.kysely, config, log: createLogger("silent") });
    try {
      const view: Record<string, string> = {};
      for (const path of [
        "/",
        `/articles/${filled.articleId}`,
        `/articles/${filled.world.ids.herald}`,
        `/stories/${filled.world.story}`,
        "/people",
        "/people/sergei-lavrov",
        "/people/marsh",
        "/sources",
        `/search?q=${filled.searchWord}`,
        "/search?q=caf%C3%A9",
      ]) {
        let res = await app.inject({ method: "GET", url: path });
        for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++)
          res = await app.inject({ method: "GET", url: String(res.headers.location) });
        view[path] = `${res.statusCode}\n${stable(res.body)}`;
      }
      const found = await searchArticles(db, { q: filled.searchWord });
      view.search = JSON.stringify(found);
      return view;
    } finally {
      await app.close();
    }
  });
}

after(stopTestPostgres);

describe("newsdesk migrate-db", () => {
  const original = sqliteTestDatabase();
  const back = sqliteTestDatabase();
  let pg: TestDatabase;
  let filled: FilledDatabase;
  before(async () => {
    pg = await postgresTestDatabase();
    filled = await withDb(original.url, async (db) => {
      await migrateToLatest(db);
      return fillDatabase(db);
    });
  });
  after(async () => {
    await pg?.drop();
    await original.drop();
    await back.drop();
  });

  test("copies every table from SQLite to PostgreSQL and back: same rows, checksums, pages and search", async () => {
    const sums = await checksums(original.url);
    const empty = [...sums].filter(([, s]) => s.rows === 0).map(([name]) => name);
    // term_pending queues terms only once the corpus passes 2,000 articles (storage/clustering.ts foldBatch).
    assert.deepEqual(empty, ["term_pending"], "the fixture writes a row into every other table");

    const there = await newsdesk(["migrate-db", "--from", original.url, "--to", pg.url]);
    assert.equal(there.code, 0, there.stderr);
    for (const name of sums.keys()) assert.match(there.stdout, new RegExp(`^${name} `, "m"), name);
    assert.match(there.stdout, /every table's row count and checksum match$/m);
    assert.equal(there.stderr, "", "no progress bar without a terminal");
    assert.deepEqual(await checksums(pg.url), sums, "PostgreSQL holds the same rows");
    const view = await readerView(original.url, filled);
    assert.match(view[`/articles/${filled.articleId}`] ?? "", /First!/, "the page shows its comments");
    assert.match(view[`/search?q=${filled.searchWord}`] ?? "", /talks resume in Istanbul/);
    assert.match(view["/search?q=caf%C3%A9"] ?? "", /href="\/articles\/\d+-kept-cafe"/);
    assert.deepEqual(await readerView(pg.url, filled), view, "the site reads the same from PostgreSQL");

    const home = await newsdesk(["migrate-db", "--from", pg.url, "--to", back.url]);
    assert.equal(home.code, 0, home.stderr);
    assert.deepEqual(await checksums(back.url), sums, "back on SQLite: the rows of the original");
    assert.deepEqual(await readerView(back.url, filled), view, "and the same site, search included");
    const file = sqliteFile(back.url) ?? "";
    const copy = new SqliteDatabase(file, { readonly: true });
    try {
      assert.equal(copy.pragma("integrity_check", { simple: true }), "ok");
      assert.deepEqual(copy.pragma("foreign_key_check"), []);
    } finally {
      copy.close();
    }

    // New rows on PostgreSQL continue after the copied ids: no id is handed out twice.
    await withDb(pg.url, async (db) => {
      const { source } = await insertSource(db.kysely, "https://new.test/feed.xml", new Date().toISOString());
      const max = await db.kysely
        .selectFrom("sources")
        .select((eb) => eb.fn.max("id").as("m"))
        .where("id", "<>", source.id)
        .executeTakeFirstOrThrow();
      assert.ok(source.id > Number(max.m), `new id ${source.id} after ${max.m}`);
      await db.kysely.deleteFrom("sources").where("id", "=", source.id).execute();
    });
  });

  test("refuses a target that holds data, naming a table, and leaves it as it was", async () => {
    const empty = sqliteTestDatabase();
    try {
      await withDb(empty.url, (db) => migrateToLatest(db));
      const before = await checksums(original.url);
      const res = await newsdesk(["migrate-db", "--from", empty.url, "--to", original.url]);
      assert.equal(res.code, 1);
      assert.match(res.stderr, /the target database is not empty: table \w+ has \d+ rows/);
      assert.deepEqual(await checksums(original.url), before);
    } finally {
      await empty.drop();
    }
  });

  test("refuses a source whose schema is behind this version's, and a missing source file", async () => {
    const old = sqliteTestDatabase();
    const target = sqliteTestDatabase();
    try {
      await withDb(old.url, (db) => migrateToLatest(db, "0010-lead-image-size"));
      const res = await newsdesk(["migrate-db", "--from", old.url, "--to", target.url]);
      assert.equal(res.code, 1);
      assert.match(res.stderr, /schema is older than this version's .*run `newsdesk migrate`/);
      assert.equal(existsSync(sqliteFile(target.url) ?? ""), false, "the target was not even created");
      const missing = await newsdesk([
        "migrate-db",
        "--from",
        "sqlite:/nonexistent/x.db",
        "--to",
        target.url,
      ]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /there is no SQLite database at \/nonexistent\/x\.db/);
    } finally {
      await old.drop();
      await target.drop();
    }
  });
});

describe("newsdesk backup", () => {
  const live = sqliteTestDatabase();
  const dir = sqliteTestDatabase();
  let filled: FilledDatabase;
  before(async () => {
    filled = await withDb(live.url, async (db) => {
      await migrateToLatest(db);
      return fillDatabase(db);
    });
  });
  after(async () => {
    await live.drop();
    await dir.drop();
  });

  test("--force replaces a file with a copy taken while another connection writes; it checks ok, holds the same rows and serves the site", async () => {
    const file = join(sqliteFile(dir.url) ?? "", "..", "backup.db");
    writeFileSync(file, "last night's backup");
    const before = await checksums(live.url);
    const writer = openDb(live.url);
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        await recordRateEvent(writer.kysely, "comment-ip", `192.0.2.${written % 250}`, new Date());
        written++;
        await setImmediate();
      }
    })();
    const res = await newsdesk(["backup", "--force", file], { DATABASE_URL: live.url });
    writing = false;
    await writes;
    await writer.close();
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /integrity check ok/);
    assert.ok(written > 0, "the other connection wrote during the backup");

    const copy = new SqliteDatabase(file, { readonly: true });
    try {
      assert.equal(copy.pragma("integrity_check", { simple: true }), "ok");
    } finally {
      copy.close();
    }
    const got = await checksums(`sqlite:${file}`);
    const events = got.get("rate_events")?.rows ?? 0;
    const live_events = (await checksums(live.url)).get("rate_events")?.rows ?? 0;
    assert.ok(events >= (before.get("rate_events")?.rows ?? 0) && events <= live_events, `${events} events`);
    for (const [name, sum] of before) if (name !== "rate_events") assert.deepEqual(got.get(name), sum, name);

    // Restoring is pointing DATABASE_URL at the copy: it serves the same article page.
    const expected = (await readerView(live.url, filled))[`/articles/${filled.articleId}`] ?? "";
    const serve = await startServeCommand(`sqlite:${file}`, ["serve", "--no-fetch"], {
      NEWSDESK_WEB_WORKERS: "1",
    });
    try {
      const first = await fetch(`${serve.site}/articles/${filled.articleId}`);
      const page = await fetch(new URL(first.url).href);
      assert.equal(`${page.status}\n${stable(await page.text())}`, expected);
    } finally {
      await serve.stop();
    }
  });

  test("refuses to replace a file without --force, and a PostgreSQL database (pointing at pg_dump)", async () => {
    const file = join(sqliteFile(dir.url) ?? "", "..", "taken.db");
    writeFileSync(file, "not a database");
    const refused = await newsdesk(["backup", file], { DATABASE_URL: live.url });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /taken\.db exists already: give --force to replace it/);
    assert.equal(readFileSync(file, "utf8"), "not a database", "the file is left as it was");
    const pgUrl = await newsdesk(["backup", file], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    assert.equal(pgUrl.code, 1);
    assert.match(pgUrl.stderr, /for PostgreSQL use pg_dump/);
  });
});
