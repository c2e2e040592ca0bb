/**
 * @module A huge feed is taken a slice at a time (issue 15): at most NEWSDESK_MAX_ITEMS_PER_FETCH items
 * per fetch, the rest at the next poll (due at the shortest interval), and one log line per fetch,
 * not one per item whose page is missing.
 */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import { sqliteTestDatabase } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import { countArticles } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, insertSource } from "../storage/sources.ts";
import { refreshSource } from "./refresh-source.ts";

const ITEMS = 250;
const CAP = 100;
const tdb = sqliteTestDatabase();
let db: Db;
let server: FixtureServer;
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
    done();
  },
});
const config = loadConfig({
  NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
  NEWSDESK_HOST_INTERVAL_MS: "0",
  NEWSDESK_MAX_ITEMS_PER_FETCH: String(CAP),
  NEWSDESK_POLL_MIN_MINUTES: "5",
});
const fetcher = fetcherFromConfig(config);

before(async () => {
  db = openDb(tdb.url);
  await migrateToLatest(db);
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<item><guid>i${i}</guid><title>Item ${i}</title><link>${"BASE"}/gone/${i}</link><description>Text of item ${i}.</description></item>`,
  ).join("\n");
  server = await startFixtureServer({
    "/feed.xml": () => ({
      headers: { "content-type": "application/rss+xml" },
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>${server.url}/</link><description>d</description>${items.replaceAll("BASE", server.url)}</channel></rss>`,
    }),
  });
});
after(async () => {
  await server?.close();
  await fetcher.close();
  await db?.close();
  await tdb.drop();
});

test("a feed of 250 items with dead links: 100 per fetch, one log line each, the next poll soon", async () => {
  const added = await insertSource(db.kysely, `${server.url}/feed.xml`, new Date().toISOString());
  const log = createLogger("info", sink);
  const refresh = async () =>
    refreshSource((await findSourceById(db.kysely, added.source.id)) as Source, {
      db: db.kysely,
      config,
      log,
      fetcher,
    });
  const first = await refresh();
  assert.equal(first.added, CAP);
  assert.equal(await countArticles(db.kysely), CAP);
  assert.equal(lines.length, 1, `one line for the fetch, got ${lines.length}`);
  assert.equal(lines[0]?.msg, "source refreshed");
  assert.equal(lines[0]?.deferred, ITEMS - CAP);
  assert.equal(lines[0]?.pages_unavailable, CAP);
  const source = (await findSourceById(db.kysely, added.source.id)) as Source;
  assert.equal(source.poll_interval_minutes, 5, "items wait: the next poll at the shortest interval");

  await refresh();
  await refresh();
  assert.equal(await countArticles(db.kysely), ITEMS, "the rest came with the next polls");
  assert.equal(lines.length, 3);
  assert.equal(lines[2]?.deferred, undefined, "nothing left waiting");
});
