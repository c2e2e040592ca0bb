/**
 * @module Issues 7 and 15: `newsdesk serve` takes comments and replies from eight concurrent posters
 * and is killed with SIGKILL at random moments, started again after each kill. On SQLite and
 * PostgreSQL the database is then consistent (integrity, no orphan or misplaced reply, every row
 * complete), every acknowledged comment is stored, the approved comments from before are unchanged,
 * and a restarted server shows the count. bench/faults-kill.ts runs 100 kills.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { renderCommentBody } from "../../src/comments/render-body.ts";
import { T0 } from "../support/articles.ts";
import { checkCommentRows } from "../support/comment-invariants.ts";
import { commentKillRounds } from "../support/comment-kills.ts";
import { bothDatabases, stopTestPostgres } from "../support/databases.ts";
import { faultSeed, seededRandom } from "../support/seeded-random.ts";

const MAX_DEPTH = 3;
/** Three kills per database keep the suite quick; the bench runs 100. */
const KILLS = 3;

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`comments posted while serve is killed with SIGKILL, on ${name}`, () => {
    test("the database stays consistent and keeps every acknowledged comment", async () => {
      const seed = faultSeed(name === "sqlite" ? 7 : 8);
      const tdb = await make();
      try {
        const f = await commentKillRounds({
          databaseUrl: tdb.url,
          rounds: KILLS,
          random: seededRandom(seed),
        });
        console.log(`comment kills on ${name} (seed ${seed}): ${JSON.stringify(f)}`);
        assert.equal(f.kills, KILLS);
        assert.deepEqual(f.problems, []);
        assert.ok(f.acknowledged >= KILLS, `${f.acknowledged} acknowledged`);
        assert.equal(f.lost, 0, "every acknowledged comment is stored as sent");
        assert.ok(f.stored >= f.acknowledged);
        assert.ok(f.pageAgrees, "the restarted server shows every approved comment");
      } finally {
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
