/**
 * @module Issue 15's fault: the PostgreSQL server of a running `newsdesk serve` (web and fetcher) is
 * stopped and started again on the same data. While it is down pages and the comment form answer an
 * error, never a crashed or hanging server; once it is back the same processes answer pages and take
 * comments again, with no restart. It goes away while the fetcher is storing, so connections in use
 * are cut too, not only idle ones. A server of the test's own, never the machine's shared one.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { countArticles } from "../../src/storage/articles.ts";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { articlePath, FLOOD_ENV, postComment, seedFloodArticle } from "../support/comment-flood.ts";
import { fetchEnv } from "../support/ingest-kills.ts";
import { type IngestNewsroom, startIngestNewsroom } from "../support/ingest-newsroom.ts";
import { type OwnPostgres, startOwnPostgres } from "../support/own-postgres.ts";
import { type DemoServe, startServeCommand } from "../support/serve-command.ts";

let pg: OwnPostgres;
let newsroom: IngestNewsroom;
let serve: DemoServe | undefined;

before(async () => {
  pg = await startOwnPostgres();
  // Slow pages keep the fetcher storing (a connection checked out) when the server goes away.
  newsroom = await startIngestNewsroom(10, () => 100);
});
after(async () => {
  await serve?.stop();
  await newsroom?.close();
  await pg?.destroy();
});

/** GET `url`: its status, or the error that stood for one (a refused connection, a timeout). */
async function statusOf(url: string): Promise<number | string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

test("serve rides out a PostgreSQL restart: errors while it is down, pages and comments once it is back", async () => {
  const db = openDb(pg.url);
  let articleId: number;
  try {
    await migrateToLatest(db);
    ({ articleId } = await seedFloodArticle(db, 1));
    for (const feed of newsroom.feedUrls) await insertSource(db.kysely, feed, new Date().toISOString());
  } finally {
    await db.close();
  }
  serve = await startServeCommand(pg.url, ["serve"], {
    ...(fetchEnv(pg.url) as Record<string, string>),
    ...FLOOD_ENV,
    NEWSDESK_WEB_WORKERS: "1",
    LOG_LEVEL: "warn",
  });
  const { site } = serve;
  const path = await articlePath(site, articleId);
  const db2 = openDb(pg.url, { onConnectionLost: () => {} });
  try {
    for (let i = 0; i < 600 && (await countArticles(db2.kysely)) <= 1; i++) await sleep(50);
  } finally {
    await db2.close();
  }
  assert.equal(await statusOf(`${site}/`), 200);
  assert.equal(
    (await postComment(site, path, articleId, { poster: 0, body: "Before the restart", parent: null }))
      .status,
    303,
  );

  await pg.stop();
  const down = await statusOf(`${site}/`);
  const downArticle = await statusOf(`${site}${path}`);
  const downPost = await postComment(site, path, articleId, {
    poster: 0,
    body: "While it is down",
    parent: null,
  }).catch((err: Error) => ({ status: err.message, id: 0, text: "" }));
  // Give a crash in a connection's error handler time to happen before looking for it.
  await sleep(500);
  assert.equal(
    serve.child.exitCode,
    null,
    `serve is still running (stderr: ${serve.stderr().slice(0, 2000)})`,
  );
  for (const [what, status] of [
    ["home page", down],
    ["article page", downArticle],
    ["comment post", downPost.status],
  ] as const)
    assert.ok(
      typeof status === "number" && status >= 500,
      `${what} while PostgreSQL is down answers an error: ${status}`,
    );
  assert.match(downPost.text, /try again/i, "the comment form says to try again");

  const restarted = performance.now();
  await pg.start();
  let home: number | string = "";
  for (let i = 0; i < 100 && home !== 200; i++) {
    home = await statusOf(`${site}/`);
    if (home !== 200) await sleep(100);
  }
  const pagesBackMs = performance.now() - restarted;
  assert.equal(home, 200, "the home page answers again without a restart of serve");
  assert.equal(await statusOf(`${site}${path}`), 200);
  const after = await postComment(site, path, articleId, {
    poster: 0,
    body: "After the restart",
    parent: null,
  });
  assert.equal(after.status, 303, "comments post again");
  assert.ok(after.id > 0);
  assert.doesNotMatch(serve.stderr(), /fetcher process died/, "the fetcher rode it out too");
  console.log(`PostgreSQL restart: pages back ${Math.round(pagesBackMs)} ms after the server started again`);
});
