/** @module The article page's one-query read gives what the separate reads give, on both databases. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { fillDatabase } from "../../test/support/filled-database.ts";
import { loadArticlePage } from "./article-page.ts";
import { findArticleById, listArticleRevisions } from "./articles.ts";
import { listApprovedThread } from "./comments.ts";
import { listReprintLinks } from "./original-lists.ts";
import { listStatementsOfArticles } from "./people.ts";
import { findStoryById } from "./stories.ts";
import { listStoryMembers } from "./story-reads.ts";
import { listArticleTopics } from "./topics.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`the article page's read on ${name}`, () => {
    const t = useMigratedDb(make);

    test("matches the list functions for every article, with and without a story", async () => {
      const filled = await fillDatabase(t.db);
      const db = t.db.kysely;
      const avatar = (email: string) => `avatar of ${email.length}`;
      const articles = await db.selectFrom("articles").select(["id", "story_id"]).orderBy("id").execute();
      assert.ok(articles.length >= 4);
      let sawEach = { members: false, comments: false, statements: false, revisions: false, links: false };
      for (const a of articles) {
        const id = Number(a.id);
        const storyId = a.story_id === null ? null : Number(a.story_id);
        const page = await loadArticlePage(db, id, avatar);
        assert.ok(page, `article ${id} read`);
        assert.deepEqual(page.article, await findArticleById(db, id));
        const { rows } = page;
        const story = storyId === null ? undefined : await findStoryById(db, storyId);
        assert.deepEqual(rows.story, story && { id: Number(story.id), title: story.title });
        assert.deepEqual(rows.members, storyId === null ? [] : await listStoryMembers(db, [storyId]));
        assert.deepEqual(rows.topics, (await listArticleTopics(db, [id])).get(id) ?? []);
        assert.deepEqual(
          rows.revisions,
          (await listArticleRevisions(db, id)).map((r) => ({ title: r.title, replaced_at: r.replaced_at })),
        );
        assert.deepEqual(rows.links, await listReprintLinks(db, [id]));
        assert.deepEqual(rows.statements, await listStatementsOfArticles(db, [id]));
        assert.deepEqual(rows.comments, await listApprovedThread(db, id, avatar));
        sawEach = {
          members: sawEach.members || rows.members.length > 1,
          comments: sawEach.comments || rows.comments.length > 1,
          statements: sawEach.statements || rows.statements.length > 0,
          revisions: sawEach.revisions || rows.revisions.length > 0,
          links: sawEach.links || rows.links.length > 0,
        };
      }
      // The filled database has every kind of row, so each part was compared with something in it.
      assert.deepEqual(sawEach, {
        members: true,
        comments: true,
        statements: true,
        revisions: true,
        links: true,
      });
      assert.ok(filled.articleId > 0);
      const last = Number(articles.at(-1)?.id);
      assert.equal(await loadArticlePage(db, last + 1, avatar), undefined, "no such article");
    });
  });
}
