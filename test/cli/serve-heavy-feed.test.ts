/**
 * @module Issue 15's acceptance: `serve` keeps answering while it ingests the hostile feeds the issue
 * names: one nested 100,000 levels deep (1.1 MB), one of 58,775 items (10.3 MB) and one whose element
 * carries 946,443 attributes, fetched by the fetcher process while a reader requests the front page
 * over and over. The reader's slowest answers stay small (before the fetcher had a process of its
 * own, the deep feed alone held the front page for 10 s) and every process of the serve stays under
 * 300 MB (the attribute feed alone raised the serving process to 562 MB).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { watchPeakMemory } from "../support/process-tree.ts";
import { startServeCommand } from "../support/serve-command.ts";

const tdb = sqliteTestDatabase();
let db: Db;
let feeds: FixtureServer;

const deep = `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</channel></rss>`;
const many = `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>http://127.0.0.1/</link><description>d</description>${Array.from(
  { length: 58_775 },
  (_, i) =>
    `<item><guid>m${i}</guid><title>Item ${i} of a feed too long to read</title><description>Text of item ${i}, a few words long with a few more words in it.</description></item>`,
).join("")}</channel></rss>`;
const attrs = `<?xml version="1.0"?><rss version="2.0"><channel><title>Attributes</title><item ${Array.from(
  { length: 946_443 },
  (_, i) => `a${i.toString(36)}=""`,
).join(" ")}><title>x</title></item></channel></rss>`;
const FEEDS = { "/deep.xml": deep, "/many.xml": many, "/attrs.xml": attrs };
/** The issue's bar for every process of the serve. */
const MAX_PROCESS_MB = 300;

before(async () => {
  db = openDb(tdb.url);
  await migrateToLatest(db);
  feeds = await startFixtureServer(
    Object.fromEntries(
      Object.entries(FEEDS).map(([path, body]) => [
        path,
        { headers: { "content-type": "application/rss+xml" }, body },
      ]),
    ),
  );
  const now = new Date().toISOString();
  for (const path of Object.keys(FEEDS)) await insertSource(db.kysely, `${feeds.url}${path}`, now);
});
after(async () => {
  await feeds?.close();
  await db?.close();
  await tdb.drop();
});

test("the front page answers quickly and every process stays small while the fetcher ingests the hostile feeds", async () => {
  assert.ok(
    many.length > 10_000_000 && many.length < 10 * 2 ** 20,
    "the item feed is as large as the issue's, under the cap",
  );
  assert.ok(attrs.length < 10 * 2 ** 20, "the attribute feed is under the cap");
  const serve = await startServeCommand(tdb.url, ["serve"], {
    NEWSDESK_WEB_WORKERS: "1",
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
  });
  const { site } = serve;
  const memory = watchPeakMemory(serve.child.pid!);
  try {
    const fetched = async () => {
      const rows = await db.kysely.selectFrom("sources").select(["last_success_at", "last_error"]).execute();
      return rows.every((r) => r.last_success_at !== null || r.last_error !== null);
    };
    const times: number[] = [];
    const deadline = Date.now() + 120_000;
    // Read while the fetcher works, and a little after both feeds are done.
    while (Date.now() < deadline && !(await fetched())) {
      const t0 = performance.now();
      const res = await fetch(`${site}/`);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      assert.equal(res.status, 200);
      await sleep(20);
    }
    assert.ok(await fetched(), "every feed was fetched");
    const peaks = memory.stop();
    console.log(
      `# peak memory: ${[...peaks].map(([pid, p]) => `${p.role} ${pid} ${p.peakMb.toFixed(0)} MB`).join(", ")}`,
    );
    assert.ok(
      [...peaks.values()].some((p) => p.role === "fetcher"),
      "the fetcher process was measured",
    );
    for (const [pid, p] of peaks)
      assert.ok(p.peakMb < MAX_PROCESS_MB, `${p.role} ${pid} peaked at ${p.peakMb.toFixed(0)} MB`);
    const outcome = await db.kysely
      .selectFrom("sources")
      .select(["url", "last_error", "last_error_kind"])
      .execute();
    const of = (path: string) => outcome.find((r) => r.url.endsWith(path));
    assert.match(of("/deep.xml")?.last_error ?? "", /nested more than/, "the deep feed is refused, with why");
    assert.match(
      of("/attrs.xml")?.last_error ?? "",
      /more than 1000 attributes/,
      "the attribute feed is refused, with why",
    );
    assert.equal(of("/many.xml")?.last_error, null, "the long feed is read");
    const stored = await db.kysely
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.ok(Number(stored.n) > 0, "the long feed's first slice is stored");
    times.sort((a, b) => a - b);
    const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
    const max = times.at(-1) ?? 0;
    console.log(
      `# ${times.length} front-page requests during ingest: p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    assert.ok(times.length >= 10, `the reader got ${times.length} answers during the ingest`);
    // The issue's bar is 100 ms, met here (50 to 70 ms on the 2-core machine, bench/README.md); a shared
    // CI machine gets some slack before this fails.
    assert.ok(p99 < 250, `p99 ${p99.toFixed(0)} ms`);
  } finally {
    memory.stop();
    const code = await serve.stop();
    assert.equal(code, 0, `serve exits cleanly (${serve.stderr()})`);
  }
});
