/**
 * @module Politeness across processes (PostgreSQL): two `newsdesk worker` processes fetch many
 * sources on one host, and the host never sees more than NEWSDESK_HOST_CONCURRENCY requests at once
 * nor two starts closer than NEWSDESK_HOST_INTERVAL_MS (each process alone would allow that much, so
 * two would double it without the shared slots).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { stopChild } from "../../test/support/child-exit.ts";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import {
  type FixtureRoutes,
  type FixtureServer,
  startFixtureServer,
} from "../../test/support/fixture-server.ts";
import { insertSource } from "../storage/sources.ts";

after(stopTestPostgres);

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const FEEDS = 8;
const ITEMS = 3;
const CONCURRENCY = 2;
const INTERVAL_MS = 60;
/** Each answer takes this long, so requests overlap unless something holds them back. */
const ANSWER_MS = 120;

describe("per-host limits shared by two worker processes", () => {
  const t = useMigratedDb(postgresTestDatabase);
  let server: FixtureServer;
  let inFlight = 0;
  let mostInFlight = 0;
  const starts: number[] = [];

  const slow =
    (body: string, type: string) =>
    (_req: IncomingMessage, res: ServerResponse): void => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      starts.push(performance.now());
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { "content-type": type });
        res.end(body);
      }, ANSWER_MS);
    };

  before(async () => {
    const routes: FixtureRoutes = {};
    server = await startFixtureServer(routes);
    for (let f = 0; f < FEEDS; f++) {
      const items = Array.from(
        { length: ITEMS },
        (_, i) =>
          `<item><guid>f${f}-${i}</guid><title>Report ${f}-${i}</title><link>${server.url}/a/${f}/${i}</link><description>Text.</description></item>`,
      ).join("");
      const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>F${f}</title><link>${server.url}/</link><description>d</description>${items}</channel></rss>`;
      routes[`/f${f}.xml`] = { handle: slow(feed, "application/rss+xml") };
      for (let i = 0; i < ITEMS; i++) {
        const page = `<html><head><title>Report ${f}-${i}</title></head><body><article><h1>Report ${f}-${i}</h1><p>${"A sentence of the report. ".repeat(20)}</p></article></body></html>`;
        routes[`/a/${f}/${i}`] = { handle: slow(page, "text/html; charset=utf-8") };
      }
      await insertSource(t.db.kysely, `${server.url}/f${f}.xml`, new Date().toISOString());
    }
  });
  after(() => server?.close());

  test("never more than the concurrency, never two starts closer than the interval", async () => {
    const env = {
      ...process.env,
      DATABASE_URL: t.tdb.url,
      NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
      NEWSDESK_HOST_CONCURRENCY: String(CONCURRENCY),
      NEWSDESK_HOST_INTERVAL_MS: String(INTERVAL_MS),
      NEWSDESK_PAGE_CONCURRENCY: "4",
      LOG_LEVEL: "warn",
    };
    const workers: ChildProcess[] = [0, 1].map(() =>
      spawn(BIN, ["worker", "--concurrency", "4"], { env, stdio: ["ignore", "ignore", "pipe"] }),
    );
    const stderr = ["", ""];
    for (const [i, w] of workers.entries())
      w.stderr?.on("data", (d) => {
        stderr[i] += d;
      });
    let exits: Awaited<ReturnType<typeof stopChild>>[];
    try {
      for (let i = 0; i < 1200; i++) {
        const n = await t.db.kysely
          .selectFrom("articles")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        if (Number(n.n) === FEEDS * ITEMS) break;
        // A worker that died will not store the rest: say so now rather than after the whole wait.
        const dead = workers.findIndex((w) => w.exitCode !== null || w.signalCode !== null);
        assert.equal(dead, -1, `worker ${dead} exited early: ${stderr[dead]}`);
        await sleep(100);
      }
    } finally {
      exits = await Promise.all(workers.map((w) => stopChild(w)));
    }
    for (const [i, e] of exits.entries())
      assert.deepEqual(
        e,
        { code: 0, signal: null, killed: false },
        `worker ${i} stops on SIGTERM: ${stderr[i]}`,
      );
    const stored = await t.db.kysely.selectFrom("articles").select("guid").execute();
    assert.equal(stored.length, FEEDS * ITEMS, "every item stored");
    starts.sort((a, b) => a - b);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    const closest = Math.min(...gaps);
    console.log(
      `# ${starts.length} requests to one host from two workers: at most ${mostInFlight} at once (limit ${CONCURRENCY}), closest starts ${closest.toFixed(1)} ms apart (interval ${INTERVAL_MS})`,
    );
    assert.equal(starts.length, FEEDS * (ITEMS + 1), "each feed and page fetched once");
    assert.ok(mostInFlight <= CONCURRENCY, `${mostInFlight} requests at once`);
    // Starts are claimed on the database's clock and seen here on arrival, after the lookup and the
    // connection, so two arrivals can be closer than their claims by that latency's jitter (tens of
    // ms on a loaded machine). The pace shows over runs of starts: nine starts span at least eight
    // intervals, less that jitter (without shared pacing, two processes make it about half).
    const RUN = 8;
    for (let i = 0; i + RUN <= gaps.length; i++) {
      const span = gaps.slice(i, i + RUN).reduce((a, b) => a + b, 0);
      assert.ok(span >= RUN * INTERVAL_MS - 50, `${RUN + 1} starts within ${span.toFixed(1)} ms`);
    }
  });
});
