/** @module The moderation page's storage on both databases: counts per status, status filters, queue order, author edits. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hoursAfter, newArticle } from "../../test/support/articles.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { insertArticle } from "./articles.ts";
import { closeComments, editComment, findCommentForModeration, listComments } from "./comment-moderation.ts";
import { countCommentsByStatus, idsInStatus } from "./comment-queue.ts";
import { insertComment } from "./comment-writes.ts";
import { readSiteVersion } from "./site-version.ts";
import { insertSource } from "./sources.ts";

after(stopTestPostgres);

const at = (m: number) => new Date(Date.parse(hoursAfter(1)) + m * 60_000);

for (const { name, make } of bothDatabases) {
  describe(`the moderation queue's storage on ${name}`, () => {
    const t = useMigratedDb(make);
    let articleId = 0;
    const ids: number[] = [];
    before(async () => {
      const { source } = await insertSource(t.db.kysely, "https://example.test/feed.xml", hoursAfter(0));
      await insertArticle(t.db.kysely, newArticle(source.id, "a", hoursAfter(0)));
      const row = await t.db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow();
      articleId = Number(row.id);
      const statuses = ["pending", "approved", "pending", "spam", "pending"] as const;
      for (const [i, status] of statuses.entries()) {
        const r = await insertComment(
          t.db.kysely,
          {
            articleId,
            parentId: null,
            name: `N${i}`,
            email: `n${i}@example.org`,
            website: null,
            bodySource: `body ${i}`,
            bodyHtml: `<p>body ${i}</p>`,
            status,
            heldReasons: status === "pending" ? ["first comment from this email address"] : [],
            ip: null,
            userAgent: null,
            contentHash: `h${i}`,
            notify: false,
          },
          () => ({ parentId: null, depth: 0 }),
          at(i),
        );
        assert.ok(r.ok);
        ids.push(r.id);
      }
    });

    test("counts every status in one query, zero for the empty ones", async () => {
      assert.deepEqual(await countCommentsByStatus(t.db.kysely), {
        pending: 3,
        approved: 1,
        spam: 1,
        trash: 0,
      });
    });

    test("idsInStatus keeps only the ids in the given statuses, and drops missing ones", async () => {
      const found = await idsInStatus(t.db.kysely, [...ids, 999_999], ["spam", "trash"]);
      assert.deepEqual(found, [ids[3]]);
      assert.deepEqual(await idsInStatus(t.db.kysely, [], ["spam"]), []);
    });

    test("the pending queue oldest first, with the article's closing columns", async () => {
      const oldest = await listComments(t.db.kysely, { status: "pending", oldestFirst: true });
      assert.deepEqual(
        oldest.comments.map((c) => c.id),
        [ids[0], ids[2], ids[4]],
      );
      const newest = await listComments(t.db.kysely, { status: "pending" });
      assert.deepEqual(
        newest.comments.map((c) => c.id),
        [ids[4], ids[2], ids[0]],
      );
      assert.equal(oldest.comments[0]?.article_comments_closed, 0);
      assert.match(oldest.comments[0]?.article_sort_at ?? "", /^\d{4}-/);
      await closeComments(t.db.kysely, articleId, true);
      const closed = await findCommentForModeration(t.db.kysely, ids[0] as number);
      assert.equal(closed?.article_comments_closed, 1);
      await closeComments(t.db.kysely, articleId, false);
    });

    test("an edit with the author changes name and website in the same update; an approved edit bumps the site version", async () => {
      const id = ids[1] as number;
      const before = await readSiteVersion(t.db.kysely);
      assert.equal(
        await editComment(t.db.kysely, id, "new *text*", "<p>new <em>text</em></p>", at(10), {
          name: "Renamed",
          website: "https://renamed.example/",
        }),
        true,
      );
      const row = await findCommentForModeration(t.db.kysely, id);
      assert.equal(row?.author_name, "Renamed");
      assert.equal(row?.author_url, "https://renamed.example/");
      assert.equal(row?.body_source, "new *text*");
      assert.equal(row?.updated_at, at(10).toISOString());
      assert.ok((await readSiteVersion(t.db.kysely)).version > before.version);
      // Without the author, only the text changes.
      await editComment(t.db.kysely, id, "again", "<p>again</p>", at(11));
      assert.equal((await findCommentForModeration(t.db.kysely, id))?.author_name, "Renamed");
      assert.equal(await editComment(t.db.kysely, 999_999, "x", "<p>x</p>", at(12)), false);
    });
  });
}
