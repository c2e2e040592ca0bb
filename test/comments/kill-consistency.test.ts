/**
 * @module Issue 7's kill acceptance: `newsdesk serve` takes comments and replies from eight concurrent
 * posters and is killed with SIGKILL midway. On SQLite and PostgreSQL the database is then consistent
 * (integrity, no orphan or misplaced reply, every row complete), every acknowledged comment is
 * stored, the approved comments from before are unchanged, and a restarted server shows the count.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { commentContentHash } from "../../src/comments/content-hash.ts";
import { makeFormToken } from "../../src/comments/form-token.ts";
import { renderCommentBody } from "../../src/comments/render-body.ts";
import { placeReply } from "../../src/comments/thread.ts";
import { insertArticle } from "../../src/storage/articles.ts";
import { insertComment } from "../../src/storage/comment-writes.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { newArticle, T0 } from "../support/articles.ts";
import { checkCommentRows } from "../support/comment-invariants.ts";
import { ownBrowserCookie } from "../support/comments.ts";
import { bothDatabases, stopTestPostgres } from "../support/databases.ts";
import { type ServeChild, startServe } from "../support/serve-child.ts";

const SECRET = "kill-test-secret-0123456789abcdef0123456789";
const MAX_DEPTH = 3;
const POSTERS = 8;
/** Acknowledged comments to wait for before the kill: the rest of the posts are in flight or unsent. */
const KILL_AFTER = 60;
/** Limits out of the way (the posters are one address), tokens we can make, a small depth limit. */
const SERVE_ENV = {
  NEWSDESK_SECRET: SECRET,
  NEWSDESK_COMMENT_MIN_SECONDS: "0",
  NEWSDESK_COMMENT_RATE_PER_IP: "10000",
  NEWSDESK_COMMENT_RATE_PER_EMAIL: "10000",
  NEWSDESK_COMMENT_MAX_DEPTH: String(MAX_DEPTH),
  NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
};

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`comments posted while serve is killed with SIGKILL, on ${name}`, () => {
    test("the database stays consistent and keeps every acknowledged comment", async () => {
      const started = Date.now();
      const tdb = await make();
      const db: Db = openDb(tdb.url);
      let server: ServeChild | undefined;
      try {
        await migrateToLatest(db);
        const k = db.kysely;
        const { source } = await insertSource(k, "https://kill.test/feed.xml", T0);
        await insertArticle(k, newArticle(source.id, "kill", T0, { title: "Kill test" }));
        const articleId = Number(
          (await k.selectFrom("articles").select("id").where("guid", "=", "kill").executeTakeFirstOrThrow())
            .id,
        );
        // Approved before: one comment per poster's email (so theirs are approved at once) and replies.
        const approved: number[] = [];
        for (let i = 0; i < POSTERS + 4; i++) {
          const body = `Approved before the kill, number ${i}`;
          const r = await insertComment(
            k,
            {
              articleId,
              parentId: i >= POSTERS ? (approved[i - POSTERS] ?? null) : null,
              name: `Poster ${i % POSTERS}`,
              email: `poster${i % POSTERS}@example.test`,
              website: null,
              bodySource: body,
              bodyHtml: renderCommentBody(body),
              status: "approved",
              heldReasons: [],
              ip: "127.0.0.1",
              userAgent: null,
              contentHash: commentContentHash(SECRET, body, articleId),
              notify: false,
            },
            (p) => placeReply(p, MAX_DEPTH),
            new Date(),
          );
          assert.ok(r.ok);
          approved.push(r.id);
        }
        const snapshot = () =>
          k.selectFrom("comments").selectAll().where("id", "in", approved).orderBy("id").execute();
        const before = await snapshot();

        server = await startServe(tdb.url, SERVE_ENV);
        const { base } = server;
        const path = new URL(
          (await fetch(`${base}/articles/${articleId}`, { redirect: "manual" })).headers.get("location") ??
            "",
          base,
        ).pathname;
        const acked = new Map<number, string>();
        const parents = [...approved];
        let sent = 0;
        let stop = false;
        const poster = async (p: number) => {
          for (let n = 0; !stop; n++) {
            const body = `Poster ${p} comment ${n}: *concurrent* text with a link https://example.test/${p}/${n}`;
            // Two in three are replies, to a comment known to be approved (deep ones join their parent's level).
            const parent = n % 3 === 0 ? "" : String(parents[(p * 7 + n) % parents.length]);
            sent++;
            try {
              const res = await fetch(`${base}${path}/comments`, {
                method: "POST",
                redirect: "manual",
                headers: {
                  "content-type": "application/x-www-form-urlencoded",
                  origin: base,
                  // Each poster's own browser, which knows its approved address.
                  cookie: ownBrowserCookie(SECRET, `poster${p}@example.test`),
                },
                body: new URLSearchParams({
                  name: `Poster ${p}`,
                  email: `poster${p}@example.test`,
                  comment: body,
                  parent,
                  token: makeFormToken(SECRET, articleId, new Date()),
                }).toString(),
              });
              await res.arrayBuffer();
              const id = Number(/#comment-(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
              assert.equal(res.status, 303, `poster ${p}: ${res.status}`);
              assert.ok(id > 0, "approved at once");
              acked.set(id, body);
              parents.push(id);
            } catch (err) {
              if (stop) return; // the server is gone: this post was in flight, unacknowledged
              throw err;
            }
          }
        };
        let failed: unknown;
        const posting = Promise.all(Array.from({ length: POSTERS }, (_, p) => poster(p))).catch((err) => {
          failed = err;
        });
        const deadline = Date.now() + 30_000;
        while (acked.size < KILL_AFTER && failed === undefined && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 5));
        const exited = once(server.child, "exit");
        stop = true;
        server.child.kill("SIGKILL");
        await exited;
        await posting;
        server = undefined;
        if (failed) throw failed;
        assert.ok(acked.size >= KILL_AFTER, `${acked.size} acknowledged within 30 s`);

        if (name === "sqlite") {
          const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(k);
          assert.deepEqual(
            integrity.rows.map((r) => r.integrity_check),
            ["ok"],
          );
          assert.deepEqual((await sql`PRAGMA foreign_key_check`.execute(k)).rows, []);
        }
        const rows = await k.selectFrom("comments").selectAll().orderBy("id").execute();
        assert.deepEqual(checkCommentRows(rows, MAX_DEPTH), []);
        const stored = new Map(rows.map((r) => [Number(r.id), r.body_source]));
        for (const [id, body] of acked)
          assert.equal(stored.get(id), body, `acknowledged comment ${id} is stored`);
        assert.deepEqual(await snapshot(), before, "approved comments from before are unchanged");

        server = await startServe(tdb.url, SERVE_ENV);
        const page = await (await fetch(`${server.base}${path}`)).text();
        const count = rows.filter((r) => r.status === "approved").length;
        assert.match(page, new RegExp(`class="comment-count" href="#comments">${count} comments<`));
        assert.equal((page.match(/<li id="comment-\d+" class="comment"/g) ?? []).length, count);
        console.log(
          `kill on ${name}: ${sent} posts sent, ${acked.size} acknowledged before SIGKILL, ${rows.length - before.length} new rows stored (${rows.length - before.length - acked.size} committed but unacknowledged), ${count} approved shown after restart; ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        if (server) {
          const exited = once(server.child, "exit");
          server.child.kill("SIGTERM");
          await exited;
        }
        await db.close();
        await tdb.drop();
      }
    });
  });
}

test("the row checks catch an orphan, a misplaced depth and HTML that is not the source's render", () => {
  const row = (id: number, parent: number | null, depth: number, source = "Hello *there*") => ({
    id,
    article_id: 1,
    parent_id: parent,
    depth,
    status: "approved" as const,
    author_name: "A",
    author_email: "a@example.test",
    body_html: renderCommentBody("Hello *there*"),
    body_source: source,
    content_hash: "h",
    created_at: T0,
  });
  assert.deepEqual(checkCommentRows([row(1, null, 0), row(2, 1, 1), row(3, 2, 2)], MAX_DEPTH), []);
  assert.deepEqual(
    checkCommentRows([row(1, null, 0), row(2, 9, 1), row(3, 1, 2), row(4, null, 0, "Other")], MAX_DEPTH),
    [
      "comment 2: orphan reply to 9",
      "comment 3: depth 2 under a parent at 0",
      "comment 4: body_html is not the render of body_source",
    ],
  );
});
