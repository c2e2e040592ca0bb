/**
 * @module Issue 15's fault: the disk holding the SQLite database fills up (a small tmpfs of the
 * test's own, filled by a file) while `newsdesk serve` takes comments and `newsdesk fetch` ingests.
 * The reader is told plainly and gets their text back, the fetch names the full disk, nothing is
 * corrupted or half-written, nothing acknowledged is lost, and once the file is deleted the same
 * server takes comments again and a fetch stores everything. Needs root to mount the tmpfs: without
 * it this test fails rather than pass untried.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { articlePath, FLOOD_ENV, postComment } from "../support/comment-flood.ts";
import { ingestProblems } from "../support/ingest-invariants.ts";
import { fetchEnv, missingKeys, runCli } from "../support/ingest-kills.ts";
import { startIngestNewsroom } from "../support/ingest-newsroom.ts";
import { type ServeChild, startServe } from "../support/serve-child.ts";

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A tmpfs of `size` mounted on a new folder, unmounted and removed after the test. */
function smallDisk(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `mounting a small tmpfs needs root (uid ${process.getuid?.()}): ${(err as Error).message}`,
    );
  }
  cleanups.push(() => {
    execFileSync("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes zeros to `file` until the disk refuses more. */
function fill(file: string): void {
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
  } finally {
    closeSync(fd);
  }
}

test("a full disk under SQLite: clear errors, no corruption, and the same server resumes once space returns", async () => {
  const dir = smallDisk("8m");
  const url = `sqlite:${join(dir, "newsdesk.db")}`;
  const db = openDb(url);
  cleanups.push(() => db.close());
  await migrateToLatest(db);
  const newsroom = await startIngestNewsroom(3, () => 0);
  cleanups.push(() => newsroom.close());
  for (const feed of newsroom.feedUrls) await insertSource(db.kysely, feed, new Date().toISOString());
  const env = { ...fetchEnv(url), LOG_LEVEL: "warn" };
  assert.match(
    (await runCli(["fetch"], env, newsroom)).stdout,
    /3 sources fetched, 6 new articles, 0 failed/,
  );
  const articleId = Number(
    (await db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id,
  );
  const server: ServeChild = await startServe(url, FLOOD_ENV);
  cleanups.push(() => {
    server.child.kill("SIGTERM");
  });
  const path = await articlePath(server.base, articleId);
  const acked: string[] = [];
  const post = async (body: string) => {
    const res = await postComment(server.base, path, articleId, { poster: 0, body, parent: null });
    if (res.status === 303) acked.push(body);
    return res;
  };
  assert.equal((await post("Before the disk filled up")).status, 303);

  const filler = join(dir, "filler");
  fill(filler);
  // Comments until the database has no room left: each is taken, or refused as not saved.
  const refusals: string[] = [];
  for (let i = 0; i < 200 && refusals.length < 3; i++) {
    const res = await post(`While the disk is full, comment ${i}: ${"words to fill a page ".repeat(100)}`);
    if (res.status !== 303) {
      assert.equal(res.status, 503, `a comment that cannot be saved is answered 503, not ${res.status}`);
      refusals.push(res.text);
    }
  }
  assert.ok(refusals.length > 0, `the disk filled up (${acked.length} comments taken)`);
  assert.match(refusals[0] ?? "", /storage is full/);
  assert.match(refusals[0] ?? "", /While the disk is full, comment \d+/, "the reader gets their text back");
  assert.equal(await (await fetch(`${server.base}${path}`)).status, 200, "pages are still read");

  newsroom.grow(20);
  // Every source failed to store (and to record it): status 1.
  const full = await runCli(["fetch"], env, newsroom, undefined, 1);
  assert.equal(full.code, 1);
  assert.match(full.stdout, /failed: storage: the database's disk is full/);
  assert.deepEqual(
    await ingestProblems(db, url, newsroom.lastWords),
    [],
    "no corruption, no half-written article",
  );
  const storedBodies = new Set(
    (await db.kysely.selectFrom("comments").select("body_source").execute()).map((r) => r.body_source),
  );
  assert.deepEqual(
    acked.filter((b) => !storedBodies.has(b)),
    [],
    "every acknowledged comment is stored",
  );

  rmSync(filler);
  await sleep(50);
  assert.equal((await post("After space came back")).status, 303, "the same server takes comments again");
  const resumed = await runCli(["fetch"], env, newsroom);
  assert.match(resumed.stdout, /0 failed/);
  assert.equal(await missingKeys(db, newsroom), 0, "every item is stored once space is back");
  assert.deepEqual(await ingestProblems(db, url, newsroom.lastWords), []);
  assert.equal(server.child.exitCode, null, "serve ran throughout");
  console.log(
    `disk full (tmpfs 8 MiB): ${acked.length} comments taken, ${refusals.length} refused with 503 while full; fetch said: ${full.stdout.trim().split("\n").join(" | ")}`,
  );
});
