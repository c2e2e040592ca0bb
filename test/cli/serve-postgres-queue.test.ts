/**
 * @module On PostgreSQL, `serve`'s fetcher process runs the job queue (queue/pg-worker.ts), and
 * `serve --no-fetch` with `newsdesk worker` processes splits the work: the site serves, the workers
 * fetch.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { loadConfig } from "../../src/config/config.ts";
import { queueSchemaOf } from "../../src/queue/pg-worker.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { stopChild } from "../support/child-exit.ts";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { startServeCommand } from "../support/serve-command.ts";

after(stopTestPostgres);

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const RSS = { "content-type": "application/rss+xml" };
const feed = (name: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link><description>d</description><item><guid>${name}-1</guid><title>${name} report</title><description>Text.</description></item></channel></rss>`;
const ENV = {
  NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
  NEWSDESK_HOST_INTERVAL_MS: "0",
  NEWSDESK_WEB_WORKERS: "1",
};

describe("serve and workers on postgres", () => {
  const t = useMigratedDb(postgresTestDatabase);
  let feeds: FixtureServer;
  before(async () => {
    feeds = await startFixtureServer({
      "/one.xml": { headers: RSS, body: feed("one") },
      "/two.xml": { headers: RSS, body: feed("two") },
    });
  });
  after(() => feeds?.close());

  const fetched = async (path: string) =>
    (
      await t.db.kysely
        .selectFrom("sources")
        .select("last_success_at")
        .where("url", "=", `${feeds.url}${path}`)
        .executeTakeFirst()
    )?.last_success_at ?? null;
  async function until(what: string, probe: () => Promise<unknown>) {
    for (let i = 0; i < 600; i++) {
      if (await probe()) return;
      await sleep(100);
    }
    assert.fail(`timed out waiting for ${what}`);
  }

  test("serve alone fetches through the queue and queues each source's next refresh", async () => {
    await insertSource(t.db.kysely, `${feeds.url}/one.xml`, new Date().toISOString());
    const serve = await startServeCommand(t.tdb.url, ["serve"], ENV);
    try {
      await until("the source fetched", () => fetched("/one.xml"));
      const schema = queueSchemaOf(loadConfig({ DATABASE_URL: t.tdb.url }));
      await until("its next refresh queued", async () => {
        // A job set aside for a newer one of its key (graphile-worker replacing a running job) has none.
        const { rows } = await sql<{ key: string | null }>`
          SELECT key FROM ${sql.id(schema)}.jobs WHERE task_identifier = 'refresh_source'`.execute(
          t.db.kysely,
        );
        return rows.some((r) => r.key?.startsWith("refresh_source:"));
      });
    } finally {
      assert.equal(await serve.stop(), 0, serve.stderr());
    }
  });

  test("serve --no-fetch serves without fetching; a worker process fetches", async () => {
    await insertSource(t.db.kysely, `${feeds.url}/two.xml`, new Date().toISOString());
    const serve = await startServeCommand(t.tdb.url, ["serve", "--no-fetch"], ENV);
    let worker: ChildProcess | null = null;
    try {
      await sleep(3_000);
      assert.equal(await fetched("/two.xml"), null, "serve --no-fetch fetched nothing");
      assert.equal((await fetch(`${serve.site}/`)).status, 200);
      worker = spawn(BIN, ["worker", "--concurrency", "2"], {
        env: { ...process.env, ...ENV, DATABASE_URL: t.tdb.url, LOG_LEVEL: "warn" },
        stdio: "ignore",
      });
      await until("the worker fetched it", () => fetched("/two.xml"));
    } finally {
      if (worker) {
        const exit = await stopChild(worker);
        assert.deepEqual(
          exit,
          { code: 0, signal: null, killed: false },
          "the worker stops cleanly on SIGTERM",
        );
      }
      assert.equal(await serve.stop(), 0, serve.stderr());
    }
  });

  test("newsdesk worker refuses SQLite with a clear message", async () => {
    const file = join(tmpdir(), `nd-worker-${process.pid}.db`);
    after(() => rmSync(file, { force: true }));
    const child = spawn(BIN, ["worker"], {
      env: { ...process.env, DATABASE_URL: `sqlite:${file}` },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const [code] = await once(child, "exit");
    assert.equal(code, 1);
    assert.match(
      stderr,
      /the job queue runs on PostgreSQL; on SQLite, `newsdesk serve` runs every job itself/,
    );
  });
});
