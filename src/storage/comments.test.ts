/** @module Comment storage on both databases: posting with depth, the public thread, moderation, rules. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hoursAfter, newArticle } from "../../test/support/articles.ts";
import { newCommentInput } from "../../test/support/comments.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { placeReply } from "../comments/thread.ts";
import { insertArticle } from "./articles.ts";
import {
  closeComments,
  deleteComments,
  editComment,
  listComments,
  setCommentStatus,
} from "./comment-moderation.ts";
import { addRule, listRules, removeRule } from "./comment-rules.ts";
import {
  deleteCommentsByEmail,
  findReplyNotice,
  insertComment,
  type NewCommentInput,
} from "./comment-writes.ts";
import {
  countApprovedComments,
  countApprovedCommentsFor,
  countCommentsByEmail,
  hasApprovedComment,
  hasDuplicateComment,
  listApprovedThread,
  listLatestApprovedComments,
} from "./comments.ts";
import { readSiteVersion } from "./site-version.ts";
import { insertSource } from "./sources.ts";

after(stopTestPostgres);

const at = (m: number) => new Date(Date.parse(hoursAfter(1)) + m * 60_000);
const place = (max: number) => (p: Parameters<typeof placeReply>[0]) => placeReply(p, max);

for (const { name, make } of bothDatabases) {
  describe(`comment storage on ${name}`, () => {
    const t = useMigratedDb(make);
    let articleId = 0;
    let otherId = 0;
    const comment = (extra: Partial<NewCommentInput> = {}) =>
      newCommentInput(articleId, { ip: "203.0.113.9", userAgent: "UA", ...extra });
    before(async () => {
      const { source } = await insertSource(t.db.kysely, "https://example.test/feed.xml", hoursAfter(0));
      await insertArticle(t.db.kysely, newArticle(source.id, "a", hoursAfter(0)));
      await insertArticle(t.db.kysely, newArticle(source.id, "b", hoursAfter(0)));
      const ids = await t.db.kysely.selectFrom("articles").select("id").orderBy("id").execute();
      articleId = Number(ids[0]?.id);
      otherId = Number(ids[1]?.id);
    });

    test("replies nest to the depth limit, then join their parent's level; a missing parent is refused", async () => {
      const root = await insertComment(t.db.kysely, comment(), place(3), at(0));
      assert.ok(root.ok);
      const r1 = await insertComment(t.db.kysely, comment({ parentId: root.id }), place(3), at(1));
      assert.ok(r1.ok && r1.depth === 1 && r1.parentId === root.id);
      const r2 = await insertComment(t.db.kysely, comment({ parentId: r1.id }), place(3), at(2));
      assert.ok(r2.ok && r2.depth === 2 && r2.parentId === r1.id);
      const r3 = await insertComment(t.db.kysely, comment({ parentId: r2.id }), place(3), at(3));
      assert.ok(r3.ok);
      assert.deepEqual([r3.depth, r3.parentId], [2, r1.id], "past the limit: beside the comment it answers");
      assert.deepEqual(await insertComment(t.db.kysely, comment({ parentId: 999_999 }), place(3), at(4)), {
        ok: false,
        reason: "no-parent",
      });
      const onOther = await insertComment(
        t.db.kysely,
        comment({ articleId: otherId, parentId: root.id }),
        place(3),
        at(4),
      );
      assert.equal(onOther.ok, false, "a parent on another article is refused");
      const held = await insertComment(t.db.kysely, comment({ status: "pending" }), place(3), at(5));
      assert.ok(held.ok);
      const toHeld = await insertComment(t.db.kysely, comment({ parentId: held.id }), place(3), at(6));
      assert.equal(toHeld.ok, false, "no replies to a comment the public cannot see");
    });

    test("the public thread has only approved comments, public columns and a keyed avatar", async () => {
      const thread = await listApprovedThread(t.db.kysely, articleId, (e) => `avatar-of-${e.length}`);
      assert.equal(thread.length, 4);
      assert.deepEqual(Object.keys(thread[0] ?? {}).sort(), [
        "author_name",
        "author_url",
        "avatar",
        "body_html",
        "created_at",
        "depth",
        "id",
        "parent_id",
      ]);
      assert.ok(!JSON.stringify(thread).includes("ann@example.org"));
      assert.equal(thread[0]?.avatar, "avatar-of-15");
      assert.equal(await countApprovedComments(t.db.kysely, articleId), 4);
      assert.deepEqual(
        [...(await countApprovedCommentsFor(t.db.kysely, [articleId, otherId]))],
        [[articleId, 4]],
      );
      const latest = await listLatestApprovedComments(t.db.kysely, 2);
      assert.equal(latest.length, 2);
      assert.ok(latest[0] && latest[1] && latest[0].created_at >= latest[1].created_at);
      assert.equal((await listLatestApprovedComments(t.db.kysely, 10, otherId)).length, 0);
      assert.ok(!JSON.stringify(latest).includes("@"));
    });

    test("approved-before, duplicates and counts by email", async () => {
      assert.equal(await hasApprovedComment(t.db.kysely, "ann@example.org"), true);
      assert.equal(await hasApprovedComment(t.db.kysely, "bob@example.org"), false);
      const bob = await insertComment(
        t.db.kysely,
        comment({ email: "bob@example.org", status: "pending", contentHash: "dup" }),
        place(3),
        at(7),
      );
      assert.ok(bob.ok);
      assert.equal(await hasApprovedComment(t.db.kysely, "bob@example.org"), false, "pending does not count");
      assert.equal(await hasDuplicateComment(t.db.kysely, articleId, "dup"), true);
      assert.equal(await hasDuplicateComment(t.db.kysely, otherId, "dup"), false);
      assert.equal(await countCommentsByEmail(t.db.kysely, "bob@example.org"), 1);
    });

    test("moderation: list with emails and reasons, bulk status with approved_at, edit, delete keeping replies", async () => {
      const pending = await listComments(t.db.kysely, { status: "pending" });
      assert.equal(pending.total, 2);
      assert.equal(pending.comments[0]?.author_email, "bob@example.org");
      const all = await listComments(t.db.kysely, { perPage: 3, page: 2 });
      assert.equal(all.comments.length, 3);
      assert.equal(all.total, 6);
      const ids = pending.comments.map((c) => c.id);
      const v0 = (await readSiteVersion(t.db.kysely)).version;
      const newly = await setCommentStatus(t.db.kysely, ids, "approved", at(30));
      assert.deepEqual(newly.sort(), [...ids].sort());
      assert.ok((await readSiteVersion(t.db.kysely)).version > v0, "approving invalidates cached pages");
      assert.deepEqual(await setCommentStatus(t.db.kysely, ids, "approved", at(40)), [], "already approved");
      const row = (await listComments(t.db.kysely, { status: "approved" })).comments.find(
        (c) => c.id === ids[0],
      );
      assert.equal(row?.approved_at, at(30).toISOString(), "the first approval time is kept");
      assert.equal(await editComment(t.db.kysely, ids[0] as number, "edited", "<p>edited</p>", at(41)), true);
      const edited = (await listComments(t.db.kysely, {})).comments.find((c) => c.id === ids[0]);
      assert.equal(edited?.body_html, "<p>edited</p>");

      // Deleting a comment keeps its replies, moved up to its parent.
      const thread = await listApprovedThread(t.db.kysely, articleId, () => "x");
      const root = thread.find((c) => c.parent_id === null) as { id: number };
      const child = thread.find((c) => c.parent_id === root.id) as { id: number };
      assert.equal(await deleteComments(t.db.kysely, [root.id]), 1);
      const after = await listApprovedThread(t.db.kysely, articleId, () => "x");
      assert.equal(after.find((c) => c.id === child.id)?.parent_id, null);
      assert.equal(await deleteCommentsByEmail(t.db.kysely, "bob@example.org"), 1);
      assert.equal(await countCommentsByEmail(t.db.kysely, "bob@example.org"), 0);

      await closeComments(t.db.kysely, articleId, true);
      const a = await t.db.kysely
        .selectFrom("articles")
        .select("comments_closed")
        .where("id", "=", articleId)
        .executeTakeFirstOrThrow();
      assert.equal(Number(a.comments_closed), 1);
      await closeComments(t.db.kysely, articleId, false);
    });

    test("reply notices: only for an approved reply to an approved parent who asked, from someone else", async () => {
      const parent = await insertComment(
        t.db.kysely,
        comment({ email: "pat@example.org", notify: true }),
        place(4),
        at(50),
      );
      assert.ok(parent.ok);
      const own = await insertComment(
        t.db.kysely,
        comment({ email: "pat@example.org", parentId: parent.id }),
        place(4),
        at(51),
      );
      const other = await insertComment(
        t.db.kysely,
        comment({ email: "quinn@example.org", name: "Quinn", parentId: parent.id }),
        place(4),
        at(52),
      );
      const held = await insertComment(
        t.db.kysely,
        comment({ email: "ray@example.org", parentId: parent.id, status: "pending" }),
        place(4),
        at(53),
      );
      assert.ok(own.ok && other.ok && held.ok);
      assert.equal(await findReplyNotice(t.db.kysely, own.id), null);
      assert.equal(await findReplyNotice(t.db.kysely, held.id), null);
      const notice = await findReplyNotice(t.db.kysely, other.id);
      assert.equal(notice?.parentEmail, "pat@example.org");
      assert.equal(notice?.replyAuthor, "Quinn");
      assert.equal(notice?.articleTitle, "Title a");
    });

    test("rules: add (lower-cased, re-adding changes the action), list, remove", async () => {
      await addRule(t.db.kysely, { kind: "email", value: " Spam@Example.ORG ", action: "hold" }, at(0));
      await addRule(t.db.kysely, { kind: "email", value: "spam@example.org", action: "spam" }, at(1));
      await addRule(t.db.kysely, { kind: "network", value: "2001:DB8::/32", action: "hold" }, at(2));
      const rules = await listRules(t.db.kysely);
      assert.deepEqual(
        rules.map((r) => [r.kind, r.value, r.action]),
        [
          ["email", "spam@example.org", "spam"],
          ["network", "2001:DB8::/32", "hold"],
        ],
      );
      assert.equal(await removeRule(t.db.kysely, rules[0]?.id as number), true);
      assert.equal(await removeRule(t.db.kysely, rules[0]?.id as number), false);
      assert.equal((await listRules(t.db.kysely)).length, 1);
    });
  });
}
