/**
 * @module The job queue on PostgreSQL (graphile-worker, real server): one refresh job per source, two
 * workers never fetch one source twice, and a killed worker's jobs are taken over by another.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobHelpers } from "graphile-worker";
import { sql } from "kysely";
import pg from "pg";
import { stopChild } from "../../test/support/child-exit.ts";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import { insertSource, markSourcesDue } from "../storage/sources.ts";
import { openQueue, type QueueWorker, queueSchemaOf, startQueueWorker } from "./pg-worker.ts";
import { TASK } from "./task-names.ts";
import { taskList } from "./tasks.ts";

after(stopTestPostgres);

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const feed = (name: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link><description>d</description><item><guid>${name}-1</guid><title>${name} report</title><description>Text of ${name}.</description></item></channel></rss>`;
const RSS = { "content-type": "application/rss+xml" };

describe("job queue on postgres", () => {
  const t = useMigratedDb(postgresTestDatabase);
  let feeds: FixtureServer;
  /** Responses to /slow.xml wait until this is called. */
  let releaseSlow: () => void = () => {};
  const slowHeld = new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });
  /** Responses to /held.xml likewise. */
  let releaseHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });
  const env = () => ({
    DATABASE_URL: t.tdb.url,
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
    NEWSDESK_WORKER_TIMEOUT_SECONDS: "5",
    LOG_LEVEL: "warn",
  });
  const stuck = () => assert.fail("the queue got stuck");
  const deps = () => {
    const config = loadConfig(env());
    const log = createLogger("warn");
    return { db: t.db.kysely, config, log, fetcher: fetcherFromConfig(config), mailer: null };
  };

  before(async () => {
    const routes: Parameters<typeof startFixtureServer>[0] = {
      "/slow.xml": {
        handle: (_req, res) => {
          void slowHeld.then(() => {
            res.writeHead(200, RSS);
            res.end(feed("slow"));
          });
        },
      },
    };
    routes["/held.xml"] = {
      handle: (_req, res) => {
        void held.then(() => {
          res.writeHead(200, RSS);
          res.end(feed("held"));
        });
      },
    };
    for (let i = 0; i < 12; i++) routes[`/f${i}.xml`] = { headers: RSS, body: feed(`f${i}`) };
    feeds = await startFixtureServer(routes);
  });
  after(async () => {
    releaseSlow();
    releaseHeld();
    await feeds?.close();
  });

  // The suite's schema with "_queue": the queue's own (dropped with the suite's database).
  const queueSchema = () => queueSchemaOf(loadConfig(env()));
  const jobs = async () =>
    (
      await sql<{ task_identifier: string; key: string | null; locked_by: string | null; run_at: Date }>`
        SELECT task_identifier, key, locked_by, run_at FROM ${sql.id(queueSchema())}.jobs`.execute(
        t.db.kysely,
      )
    ).rows;
  const refreshed = async (urls: string[]) => {
    const rows = await t.db.kysely
      .selectFrom("sources")
      .select(["url", "last_success_at"])
      .where("url", "in", urls)
      .execute();
    return rows.length === urls.length && rows.every((r) => r.last_success_at !== null);
  };
  async function until(what: string, probe: () => Promise<boolean>, ms = 60_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await probe()) return;
      await sleep(100);
    }
    assert.fail(`timed out waiting for ${what}`);
  }

  test("two workers refresh every due source once, and each source keeps exactly one queued job", async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${feeds.url}/f${i}.xml`);
    for (const url of urls) await insertSource(t.db.kysely, url, new Date().toISOString());
    const workers: QueueWorker[] = [startQueueWorker(deps(), 3, stuck), startQueueWorker(deps(), 3, stuck)];
    try {
      await until("every source refreshed", () => refreshed(urls));
      // Let a second sweep run: it must not queue a second job for any source.
      await workers[0]!.runNow();
      await sleep(1_500);
      for (let i = 0; i < 12; i++) {
        assert.equal(
          feeds.requests.filter((r) => r === `/f${i}.xml`).length,
          1,
          `f${i} fetched once by the two workers`,
        );
      }
      const refreshJobs = (await jobs()).filter((j) => j.task_identifier === TASK.refreshSource);
      const keys = refreshJobs.map((j) => j.key);
      assert.equal(new Set(keys).size, keys.length, "one job per source key");
      assert.equal(refreshJobs.length, 12, "each source's next refresh is queued");
      const sources = await t.db.kysely.selectFrom("sources").select(["id", "next_fetch_at"]).execute();
      for (const s of sources) {
        const job = refreshJobs.find((j) => j.key === `refresh_source:${s.id}`);
        assert.ok(job, `source ${s.id} has its job`);
        assert.equal(
          job.run_at.toISOString(),
          new Date(s.next_fetch_at).toISOString(),
          "queued for its next poll",
        );
      }
      const articles = await t.db.kysely.selectFrom("articles").select("guid").execute();
      assert.equal(articles.length, 12, "every item stored once");
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  test("a source made due by hand is refreshed now, though its next job was queued for later", async () => {
    const url = `${feeds.url}/f0.xml`;
    const before = feeds.requests.filter((r) => r === "/f0.xml").length;
    await markSourcesDue(t.db.kysely, [url], new Date().toISOString());
    const worker = startQueueWorker(deps(), 2, stuck);
    try {
      await until("fetched again", async () => feeds.requests.filter((r) => r === "/f0.xml").length > before);
      await until("one job for it again, queued for later", async () => {
        const mine = (await jobs()).filter(
          (j) => j.key?.startsWith("refresh_source:") && j.locked_by === null,
        );
        return mine.length === 12 && new Set(mine.map((j) => j.key)).size === 12;
      });
    } finally {
      await worker.stop();
    }
  });

  test("a sweep leaves a source that is being refreshed alone: it is fetched once, and its next job queued", async () => {
    const url = `${feeds.url}/held.xml`;
    const id = (await insertSource(t.db.kysely, url, new Date().toISOString())).source.id;
    const key = `refresh_source:${id}`;
    const worker = startQueueWorker(deps(), 2, stuck);
    try {
      await until("its refresh running", async () =>
        (await jobs()).some((j) => j.key === key && j.locked_by !== null),
      );
      // Still due while it runs: sweeps now must not queue it again behind itself.
      await worker.runNow();
      await worker.runNow();
      await sleep(500);
      releaseHeld();
      await until("refreshed", () => refreshed([url]));
      await until("its next refresh queued", async () =>
        (await jobs()).some((j) => j.key === key && j.locked_by === null),
      );
      await sleep(1_000);
      assert.equal(feeds.requests.filter((r) => r === "/held.xml").length, 1, "fetched once");
      const failed = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.id(queueSchema())}.jobs WHERE attempts >= max_attempts`.execute(
        t.db.kysely,
      );
      assert.equal(failed.rows[0]?.n, 0, "no job marked failed for good");
    } finally {
      await worker.stop();
    }
  });

  test("a killed worker's job is run by another once the worker is silent past the timeout", async () => {
    const url = `${feeds.url}/slow.xml`;
    await insertSource(t.db.kysely, url, new Date().toISOString());
    const child: ChildProcess = spawn(BIN, ["worker", "--concurrency", "2"], {
      env: { ...process.env, ...env() },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    let deadPool: string | null = null;
    try {
      await until("the worker holds the slow source's job", async () => {
        const locked = (await jobs()).find((j) => j.task_identifier === TASK.refreshSource && j.locked_by);
        deadPool = locked?.locked_by ?? null;
        return deadPool !== null && feeds.requests.includes("/slow.xml");
      });
    } finally {
      await stopChild(child, "SIGKILL");
    }
    const before = feeds.requests.filter((r) => r === "/slow.xml").length;
    releaseSlow();
    const worker = startQueueWorker(deps(), 2, stuck);
    try {
      await until("another worker refreshes it", () => refreshed([url]), 60_000);
      assert.ok(
        feeds.requests.filter((r) => r === "/slow.xml").length > before,
        "fetched again after the kill",
      );
      const stuck = (await jobs()).filter((j) => j.locked_by === deadPool);
      assert.deepEqual(stuck, [], `no job left locked by the dead worker (${stderr})`);
      const slowId = (
        await t.db.kysely.selectFrom("sources").select("id").where("url", "=", url).executeTakeFirstOrThrow()
      ).id;
      await until("the job done and the next one queued", async () => {
        const mine = (await jobs()).filter((j) => j.task_identifier === TASK.refreshSource);
        return (
          mine.every((j) => j.locked_by === null) && mine.some((j) => j.key === `refresh_source:${slowId}`)
        );
      });
    } finally {
      await worker.stop();
    }
  });

  test("housekeeping deletes a job set aside for a newer one of its key once its worker is gone, and nothing else", async () => {
    const pool = new pg.Pool({ connectionString: t.tdb.url, max: 2 });
    const utils = await openQueue(deps(), pool);
    try {
      const schema = queueSchema();
      const first = await utils.addJob("test_task", {}, { jobKey: "superseded-test", runAt: new Date(0) });
      // As a worker that took it and was then killed: locked, its key taken over by a newer job.
      await sql`UPDATE ${sql.id(schema)}._private_jobs SET locked_at = now(), locked_by = 'dead', attempts = 1
        WHERE id = ${first.id}`.execute(t.db.kysely);
      const second = await utils.addJob(
        "test_task",
        {},
        { jobKey: "superseded-test", jobKeyMode: "replace" },
      );
      assert.notEqual(second.id, first.id, "a new job, the running one set aside");
      const kept = await utils.addJob("test_task", {}, { jobKey: "failed-for-good" });
      await sql`UPDATE ${sql.id(schema)}._private_jobs SET attempts = max_attempts WHERE id = ${kept.id}`.execute(
        t.db.kysely,
      );
      // The dead worker's lock released (heartbeat.ts), an hour on.
      await sql`UPDATE ${sql.id(schema)}._private_jobs SET locked_at = NULL, locked_by = NULL,
        updated_at = now() - interval '2 hours' WHERE id = ${first.id}`.execute(t.db.kysely);
      const housekeeping = taskList(deps())[TASK.housekeeping]!;
      const helpers = {} as JobHelpers;
      await housekeeping({}, helpers);
      const ids = new Set(
        (
          await sql<{ id: string }>`SELECT id::text FROM ${sql.id(schema)}.jobs`.execute(t.db.kysely)
        ).rows.map((r) => r.id),
      );
      assert.ok(!ids.has(String(first.id)), "the set-aside job is gone");
      assert.ok(ids.has(String(second.id)), "its successor stays");
      assert.ok(ids.has(String(kept.id)), "a job of a key that failed for good stays for the operator");
      await utils.completeJobs([String(second.id), String(kept.id)]);
    } finally {
      await utils.release();
      await pool.end();
    }
  });

  test("the queue's schema is created on first use and migrating again is harmless", async () => {
    const pool = new pg.Pool({ connectionString: t.tdb.url, max: 2 });
    const utils = await openQueue(deps(), pool);
    await utils.migrate();
    await utils.release();
    await pool.end();
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = ${queueSchema()}`.execute(
      t.db.kysely,
    );
    assert.equal(rows[0]?.n, 1);
  });
});

test("the queue's schema: the setting, else the URL's schema with _queue, else graphile-worker's", () => {
  const of = (databaseUrl: string, queueSchema = "") => queueSchemaOf({ databaseUrl, queueSchema });
  assert.equal(of("postgres://h/db"), "graphile_worker");
  assert.equal(of("postgres://h/db?options=-c%20search_path%3Dsite_a"), "site_a_queue");
  assert.equal(of("postgres://h/db?options=-c%20search_path%3Dsite_a", "jobs"), "jobs");
});
