/**
 * @module Comment writes racing each other, on both databases (PostgreSQL runs them on separate pooled
 * connections): a reply against its parent's deletion, concurrent approvals, deleting only from given statuses.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hoursAfter, newArticle } from "../../test/support/articles.ts";
import { newCommentInput } from "../../test/support/comments.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { placeReply } from "../comments/thread.ts";
import { insertArticle } from "./articles.ts";
import { deleteComments, setCommentStatus } from "./comment-moderation.ts";
import { insertComment, type NewCommentInput } from "./comment-writes.ts";
import { insertSource } from "./sources.ts";

after(stopTestPostgres);

const now = new Date(Date.parse(hoursAfter(1)));
const place = (p: Parameters<typeof placeReply>[0]) => placeReply(p, 5);

for (const { name, make } of bothDatabases) {
  describe(`comment races on ${name}`, () => {
    const store = useMigratedDb(make);
    let articleId = 0;
    const comment = (extra: Partial<NewCommentInput> = {}) => newCommentInput(articleId, extra);
    const add = async (parentId: number | null, status: NewCommentInput["status"] = "approved") => {
      const r = await insertComment(store.db.kysely, comment({ parentId, status }), place, now);
      assert.ok(r.ok);
      return r.id;
    };
    const rowOf = (id: number) =>
      store.db.kysely
        .selectFrom("comments")
        .select(["id", "parent_id", "status"])
        .where("id", "=", id)
        .executeTakeFirst();
    before(async () => {
      const { source } = await insertSource(store.db.kysely, "https://example.test/feed.xml", hoursAfter(0));
      await insertArticle(store.db.kysely, newArticle(source.id, "a", hoursAfter(0)));
      const row = await store.db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow();
      articleId = Number(row.id);
    });

    test("a reply posted while its parent is deleted is kept (moved up) or refused, never lost", async (t) => {
      const tally = { moved: 0, refused: 0, lost: 0, failed: 0 };
      for (let round = 0; round < 20; round++) {
        const grand = await add(null);
        const parent = await add(grand);
        const input = comment({ parentId: parent });
        const [posted, deleted] = await Promise.allSettled([
          insertComment(store.db.kysely, input, place, now),
          deleteComments(store.db.kysely, [parent]),
        ]);
        assert.deepEqual(deleted, { status: "fulfilled", value: 1 }, "the parent is deleted");
        const stored = await store.db.kysely
          .selectFrom("comments")
          .select(["id", "parent_id"])
          .where("content_hash", "=", input.contentHash)
          .executeTakeFirst();
        if (posted.status === "rejected") tally.failed++;
        else if (!posted.value.ok) {
          assert.equal(posted.value.reason, "no-parent");
          assert.equal(stored, undefined, "a refused reply is not stored");
          tally.refused++;
        } else if (!stored) tally.lost++;
        else {
          assert.equal(Number(stored.id), posted.value.id);
          assert.equal(Number(stored.parent_id), grand, "the reply moved up to the deleted parent's parent");
          tally.moved++;
        }
      }
      t.diagnostic(`${name}: ${JSON.stringify(tally)} over 20 rounds`);
      assert.equal(tally.lost, 0, "no reply reported as posted was deleted with its parent");
      assert.equal(tally.failed, 0, "no insert failed with an error");
    });

    test("concurrent approvals report each comment as newly approved once", async (t) => {
      let repeats = 0;
      for (let round = 0; round < 5; round++) {
        const ids: number[] = [];
        for (let i = 0; i < 6; i++) ids.push(await add(null, "pending"));
        const results = await Promise.all(
          Array.from({ length: 4 }, () => setCommentStatus(store.db.kysely, ids, "approved", now)),
        );
        const all = results.flat();
        repeats += all.length - new Set(all).size;
        assert.deepEqual(
          [...new Set(all)].sort((a, b) => a - b),
          ids,
        );
        for (const id of ids) assert.equal((await rowOf(id))?.status, "approved");
      }
      t.diagnostic(`${name}: ${repeats} ids reported newly approved more than once`);
      assert.equal(repeats, 0);
    });

    test("approving again neither reports nor restamps; approved_at stays the first approval's", async () => {
      const id = await add(null, "pending");
      assert.deepEqual(await setCommentStatus(store.db.kysely, [id], "approved", now), [id]);
      const later = new Date(now.getTime() + 60_000);
      assert.deepEqual(await setCommentStatus(store.db.kysely, [id], "approved", later), []);
      const again = await store.db.kysely
        .selectFrom("comments")
        .select("updated_at")
        .where("id", "=", id)
        .executeTakeFirst();
      assert.equal(again?.updated_at, now.toISOString(), "an already approved comment is not touched");
      await setCommentStatus(store.db.kysely, [id], "trash", later);
      assert.deepEqual(await setCommentStatus(store.db.kysely, [id], "approved", later), [id]);
      const row = await store.db.kysely
        .selectFrom("comments")
        .select(["status", "approved_at", "updated_at"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, {
        status: "approved",
        approved_at: now.toISOString(),
        updated_at: later.toISOString(),
      });
    });

    test("deleteComments with onlyStatuses deletes spam and trash and skips an approved comment", async () => {
      const spam = await add(null, "spam");
      const live = await add(null);
      const trashed = await add(null);
      await setCommentStatus(store.db.kysely, [trashed], "trash", now);
      const deleted = await deleteComments(store.db.kysely, [spam, live, trashed, 999_999], {
        onlyStatuses: ["spam", "trash"],
      });
      assert.equal(deleted, 2);
      assert.equal(await rowOf(spam), undefined);
      assert.equal(await rowOf(trashed), undefined);
      assert.equal((await rowOf(live))?.status, "approved", "the approved comment is kept");
      assert.equal(await deleteComments(store.db.kysely, [live], { onlyStatuses: ["spam", "trash"] }), 0);
    });
  });
}
