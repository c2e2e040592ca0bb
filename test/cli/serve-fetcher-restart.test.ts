/**
 * @module `serve`'s fetcher process (src/cli/fetcher-process.ts): it runs at a lower priority than the
 * process serving readers, and when it dies (killed, out of memory) the serve starts another, which
 * goes on fetching, while the site never stops answering.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { processTree, roleOf } from "../support/process-tree.ts";
import { startServeCommand } from "../support/serve-command.ts";

const tdb = sqliteTestDatabase();
let db: Db;
let feeds: FixtureServer;

const feed = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link><description>d</description><item><guid>${title}-1</guid><title>${title} item</title><description>Text.</description></item></channel></rss>`;

before(async () => {
  db = openDb(tdb.url);
  await migrateToLatest(db);
  feeds = await startFixtureServer({
    "/first.xml": { headers: { "content-type": "application/rss+xml" }, body: feed("First") },
    "/second.xml": { headers: { "content-type": "application/rss+xml" }, body: feed("Second") },
  });
  await insertSource(db.kysely, `${feeds.url}/first.xml`, new Date().toISOString());
});
after(async () => {
  await feeds?.close();
  await db?.close();
  await tdb.drop();
});

/** The serve's fetcher processes now alive. */
const fetchers = (pid: number) => processTree(pid).filter((p) => roleOf(p) === "fetcher");

/** The nice value of `pid` (field 19 of /proc/<pid>/stat). */
function niceness(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const got = await probe();
    if (got !== undefined) return got;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const fetchedAt = async (path: string) =>
  (
    await db.kysely
      .selectFrom("sources")
      .select("last_success_at")
      .where("url", "=", `${feeds.url}${path}`)
      .executeTakeFirst()
  )?.last_success_at ?? undefined;

test("a killed fetcher is replaced, at low priority, and the new one fetches", async () => {
  const serve = await startServeCommand(tdb.url, ["serve"], {
    NEWSDESK_WEB_WORKERS: "1",
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
  });
  const pid = serve.child.pid!;
  try {
    await until("the first source fetched", () => fetchedAt("/first.xml"));
    const [first] = await until("one fetcher", () => {
      const list = fetchers(pid);
      return list.length === 1 ? list : undefined;
    });
    assert.ok(first !== undefined);
    assert.ok(niceness(first) > niceness(pid), `the fetcher (nice ${niceness(first)}) yields to the site`);

    process.kill(first, "SIGKILL");
    const [second] = await until("another fetcher", () => {
      const list = fetchers(pid).filter((p) => p !== first);
      return list.length === 1 ? list : undefined;
    });
    assert.ok(second !== undefined && second !== first);
    assert.ok(niceness(second) > niceness(pid), "the replacement yields to the site too");
    assert.equal((await fetch(`${serve.site}/`)).status, 200, "the site answered throughout");

    // A source added after the kill is fetched by the new fetcher.
    await insertSource(db.kysely, `${feeds.url}/second.xml`, new Date().toISOString());
    await until("the second source fetched", () => fetchedAt("/second.xml"));
    const titles = await db.kysely.selectFrom("articles").select("title").orderBy("title").execute();
    assert.deepEqual(
      titles.map((t) => t.title),
      ["First item", "Second item"],
    );
  } finally {
    const code = await serve.stop();
    assert.equal(code, 0, `serve exits cleanly (${serve.stderr()})`);
  }
  assert.deepEqual(fetchers(pid), [], "no fetcher outlives the serve");
});
