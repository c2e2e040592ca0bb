/** @module `newsdesk add` and `newsdesk fetch` as a user runs them, including a fetch killed midway. */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { sql } from "kysely";
import { countArticles } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { articlePage, makeItems, rssFeed } from "../support/news-fixtures.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const ITEMS = makeItems(24, "kill");

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`newsdesk add + fetch on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let server: FixtureServer;
    let env: NodeJS.ProcessEnv;

    before(async () => {
      tdb = await make();
      let base = "";
      const routes: Parameters<typeof startFixtureServer>[0] = {
        "/feed.xml": () => ({
          headers: { "content-type": "application/rss+xml" },
          body: rssFeed(base, ITEMS),
        }),
        "/slow/feed.xml": () => ({
          headers: { "content-type": "application/rss+xml" },
          body: rssFeed(`${base}/slow`, ITEMS, "Slow Times"),
        }),
      };
      for (const it of ITEMS) {
        routes[`/articles/${it.slug}`] = () => ({ body: articlePage(base, it) });
        // Slow pages keep the fetch busy long enough to kill it midway.
        routes[`/slow/articles/${it.slug}`] = () => ({
          body: articlePage(base, it, "Slow Times"),
          delayMs: 150,
        });
      }
      server = await startFixtureServer(routes);
      base = server.url;
      env = {
        ...process.env,
        DATABASE_URL: tdb.url,
        NEWSDESK_PAGE_CONCURRENCY: "2",
        // The fixture server is on loopback, which only an explicit allow-list lets Newsdesk reach.
        NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
        NEWSDESK_HOST_INTERVAL_MS: "0",
        LOG_LEVEL: "silent",
      };
      db = openDb(tdb.url);
    });
    after(async () => {
      await server?.close();
      await db?.close();
      await tdb?.drop();
    });

    test("add stores the source once; fetch stores every item once; a second fetch adds nothing", async () => {
      const added = await run(BIN, ["add", `${server.url}/feed.xml`], { env });
      assert.match(added.stdout, /added source #\d+/);
      const again = await run(BIN, ["add", `${server.url}/feed.xml`], { env });
      assert.match(again.stdout, /already following/);

      const first = await run(BIN, ["fetch"], { env });
      assert.match(first.stdout, /24 items, 24 new/);
      assert.equal(await countArticles(db.kysely), 24);
      const second = await run(BIN, ["fetch"], { env });
      assert.match(second.stdout, /24 items, 0 new/);
      assert.equal(await countArticles(db.kysely), 24);
    });

    test("add refuses what is not an http(s) URL, with a clear message", async () => {
      await assert.rejects(
        run(BIN, ["add", "not a url"], { env }),
        (err: { stderr: string; code: number }) => {
          assert.equal(err.code, 1);
          assert.match(err.stderr, /is not a URL/);
          return true;
        },
      );
      await assert.rejects(run(BIN, ["add", "file:///etc/passwd"], { env }), /only http and https/);
    });

    test("a fetch killed with SIGKILL midway, then run again, leaves no duplicate and no half-written article", async () => {
      const { stdout } = await run(BIN, ["add", `${server.url}/slow/feed.xml`], { env });
      const sourceId = Number(/#(\d+)/.exec(stdout)?.[1]);
      const child: ChildProcess = spawn(BIN, ["fetch", "--source", String(sourceId)], {
        env,
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      let stored = 0;
      for (let i = 0; i < 400 && stored < 4; i++) {
        await sleep(25);
        stored = await countArticles(db.kysely, sourceId);
      }
      child.kill("SIGKILL");
      await exited;
      const atKill = await countArticles(db.kysely, sourceId);
      assert.ok(atKill >= 4 && atKill < ITEMS.length, `killed midway (had ${atKill} of ${ITEMS.length})`);

      const resumed = await run(BIN, ["fetch", "--source", String(sourceId)], { env });
      assert.match(resumed.stdout, new RegExp(`24 items, ${ITEMS.length - atKill} new`));
      assert.equal(await countArticles(db.kysely, sourceId), ITEMS.length);

      const rows = await db.kysely
        .selectFrom("articles")
        .select(["guid", "title", "body_html", "text"])
        .where("source_id", "=", sourceId)
        .execute();
      assert.equal(new Set(rows.map((r) => r.guid)).size, ITEMS.length);
      for (const r of rows) {
        assert.ok(r.title.length > 0 && r.text.includes("publish the full budget"), `${r.guid} is whole`);
        assert.match(r.body_html, /divided residents/);
      }
      if (db.dialect === "sqlite") {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db.kysely);
        assert.equal(check.rows[0]?.integrity_check, "ok");
      }
    });

    test("a fetch leaves the demo newsroom's feeds to the serve --demo that runs it, and says so", async () => {
      const port = 39_871;
      const url = `http://127.0.0.1:${port}/harbor-herald/feed.xml`;
      const sourceId = (await insertSource(db.kysely, url, new Date().toISOString())).source.id;
      const { stdout } = await run(BIN, ["fetch", "--source", String(sourceId)], {
        env: { ...env, NEWSDESK_DEMO_PORT: String(port) },
      });
      assert.match(stdout, new RegExp(`source #${sourceId}: skipped: a feed of the demo newsroom`));
      assert.match(stdout, /0 sources fetched, 0 new articles, 0 failed/);
      const row = await db.kysely
        .selectFrom("sources")
        .select(["error_count", "last_error", "last_fetched_at"])
        .where("id", "=", sourceId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, error_count: Number(row.error_count) },
        { error_count: 0, last_error: null, last_fetched_at: null },
        "not marked failing",
      );
      await db.kysely.deleteFrom("sources").where("id", "=", sourceId).execute();
    });

    test("pause stops a source being fetched until resume; sources shows it", async () => {
      const sourceId = (
        await insertSource(db.kysely, `${server.url}/feed.xml?paused`, new Date().toISOString())
      ).source.id;
      const paused = await run(BIN, ["pause", String(sourceId)], { env });
      assert.match(paused.stdout, new RegExp(`paused source #${sourceId}`));
      const listed = await run(BIN, ["sources"], { env });
      assert.match(listed.stdout, new RegExp(`PAUSED since .*newsdesk resume ${sourceId}`));
      const fetched = await run(BIN, ["fetch"], { env });
      assert.match(fetched.stdout, new RegExp(`source #${sourceId}: skipped: paused`));
      assert.doesNotMatch(fetched.stdout, new RegExp(`source #${sourceId}: \\d+ items`));
      const resumed = await run(BIN, ["resume", String(sourceId)], { env });
      assert.match(resumed.stdout, new RegExp(`resumed source #${sourceId} \\(paused\\)`));
      const again = await run(BIN, ["fetch", "--source", String(sourceId)], { env });
      assert.match(again.stdout, new RegExp(`source #${sourceId}: 24 items`));
      await assert.rejects(run(BIN, ["pause", "99999"], { env }), /there is no source #99999/);
      await db.kysely.deleteFrom("articles").where("source_id", "=", sourceId).execute();
      await db.kysely.deleteFrom("sources").where("id", "=", sourceId).execute();
    });

    test("a fetch whose source fails says so once and exits with status 1", async () => {
      // A feed that went away after it was added (`add` refuses one that fails already).
      const sourceId = (await insertSource(db.kysely, `${server.url}/missing.xml`, new Date().toISOString()))
        .source.id;
      // Without LOG_LEVEL, as a user runs it: the refresh's own warning is not printed besides the line.
      const { LOG_LEVEL: _, ...userEnv } = env;
      await assert.rejects(
        run(BIN, ["fetch", "--source", String(sourceId)], { env: userEnv }),
        (err: { stdout: string; stderr: string; code: number }) => {
          assert.equal(err.code, 1);
          assert.match(err.stdout, new RegExp(`source #${sourceId}: failed: .*404`));
          assert.match(err.stdout, /1 sources fetched, 0 new articles, 1 failed/);
          assert.doesNotMatch(err.stderr, /404/, "the failure is printed once");
          return true;
        },
      );
    });
  });
}
