/**
 * @module Page retries through the job queue on PostgreSQL (graphile-worker, real server): the refresh
 * job stores an article from feed text with a retry, the sweep queues its `fetch_page` job, the job
 * updates the article once the page answers, and a job that fails again queues the next try itself.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { articlePage, type FixtureItem, makeItems, rssFeed } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { PAGE_RETRY_DELAYS_MS } from "../ingest/page-retry-schedule.ts";
import { createLogger } from "../log.ts";
import { insertSource } from "../storage/sources.ts";
import { queueSchemaOf, startQueueWorker } from "./pg-worker.ts";
import { TASK } from "./task-names.ts";

after(stopTestPostgres);

const XML = { "content-type": "application/rss+xml; charset=utf-8" };
const [recovers, staysDown] = makeItems(2, "queued") as [FixtureItem, FixtureItem];
/** The page's second paragraph: not in the feed, so a body holding it came from the page. */
const pageOnly = (it: FixtureItem) => it.paragraphs[1]!.slice(0, 40);

describe("page retries through the job queue on postgres", () => {
  const t = useMigratedDb(postgresTestDatabase);
  let server: FixtureServer;
  /** Pages answering 503 until taken out. */
  const down = new Set([recovers.slug, staysDown.slug]);
  const env = () => ({
    DATABASE_URL: t.tdb.url,
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
    NEWSDESK_WORKER_TIMEOUT_SECONDS: "5",
  });
  const deps = () => {
    const config = loadConfig(env());
    return {
      db: t.db.kysely,
      config,
      log: createLogger("warn"),
      fetcher: fetcherFromConfig(config),
      mailer: null,
    };
  };
  const stuck = () => assert.fail("the queue got stuck");
  const db = () => t.db.kysely;
  const articleOf = (it: FixtureItem) =>
    db().selectFrom("articles").selectAll().where("guid", "=", it.slug).executeTakeFirst();
  const retryOf = async (id: number) =>
    db().selectFrom("page_retries").selectAll().where("article_id", "=", id).executeTakeFirst();
  const pageJobs = async () =>
    (
      await sql<{ key: string | null; run_at: Date; locked_by: string | null }>`
        SELECT key, run_at, locked_by FROM ${sql.id(queueSchemaOf(loadConfig(env())))}.jobs
        WHERE task_identifier = ${TASK.fetchPage}`.execute(db())
    ).rows;
  /** What the minute's wait does: the retry's time comes. */
  const makeDue = (id: number) =>
    db()
      .updateTable("page_retries")
      .set({ next_attempt_at: new Date().toISOString() })
      .where("article_id", "=", id)
      .execute();
  async function until(what: string, probe: () => Promise<boolean>, ms = 30_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await probe()) return;
      await sleep(100);
    }
    assert.fail(`timed out waiting for ${what}`);
  }

  before(async () => {
    const routes: Parameters<typeof startFixtureServer>[0] = {
      "/feed.xml": () => ({ headers: XML, body: rssFeed(server.url, [recovers, staysDown]) }),
    };
    for (const it of [recovers, staysDown])
      routes[`/articles/${it.slug}`] = () =>
        down.has(it.slug) ? { status: 503, body: "unavailable" } : { body: articlePage(server.url, it) };
    server = await startFixtureServer(routes);
  });
  after(async () => {
    await server?.close();
  });

  test("the refresh job records the retries; the sweep queues each page's job, which updates its article once the page answers", async () => {
    await insertSource(db(), `${server.url}/feed.xml`, new Date().toISOString());
    const worker = startQueueWorker(deps(), 2, stuck);
    try {
      await until("both articles stored from feed text", async () => {
        const [a, b] = [await articleOf(recovers), await articleOf(staysDown)];
        return a !== undefined && b !== undefined;
      });
      const stored = (await articleOf(recovers))!;
      const other = (await articleOf(staysDown))!;
      assert.ok(!stored.body_html.includes(pageOnly(recovers)), "stored from the feed's text");
      assert.ok(await retryOf(Number(stored.id)), "a retry recorded with it");
      assert.ok(await retryOf(Number(other.id)));

      down.delete(recovers.slug);
      await makeDue(Number(stored.id));
      await makeDue(Number(other.id));
      const before = Date.now();
      await worker.runNow();
      await until("the recovered page's article updated", async () =>
        ((await articleOf(recovers))?.body_html ?? "").includes(pageOnly(recovers)),
      );
      assert.equal(await retryOf(Number(stored.id)), undefined, "its retry is done");

      // The page still down: its job put the retry off by the next wait and queued itself for then. (A
      // sweep that ran while the recovered page's job held its key, before the job claimed the retry,
      // may have queued a second job for it: it finds nothing to do and is gone once it runs.)
      await until("the next try queued, and no job left for the recovered page", async () => {
        const retry = await retryOf(Number(other.id));
        const jobs = await pageJobs();
        const job = jobs.find((j) => j.key === `fetch_page:${other.id}`);
        const stray = jobs.some((j) => j.key === `fetch_page:${stored.id}` || j.key === null);
        return retry?.attempts === 1 && job !== undefined && job.locked_by === null && !stray;
      });
      const retry = (await retryOf(Number(other.id)))!;
      const due = Date.parse(retry.next_attempt_at);
      assert.ok(due >= before + PAGE_RETRY_DELAYS_MS[1], "the second wait");
      assert.ok(due <= Date.now() + PAGE_RETRY_DELAYS_MS[1]);
      const jobs = await pageJobs();
      assert.deepEqual(
        jobs.map((j) => [j.key, j.run_at.toISOString()]),
        [[`fetch_page:${other.id}`, retry.next_attempt_at]],
        "one job, for the article still waiting, at its retry's time",
      );
      const requests = server.requests.filter((r) => r === `/articles/${staysDown.slug}`).length;
      assert.equal(requests, 2, "the page asked for at ingest and once by its job");
    } finally {
      await worker.stop();
    }
  });
});
