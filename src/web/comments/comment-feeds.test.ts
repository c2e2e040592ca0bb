/** @module Comment feeds change their Last-Modified when an approved comment is edited or deleted, not only when one is added. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";
import { deleteComments, editComment } from "../../storage/comment-moderation.ts";

let site: Site;
before(async () => {
  site = await buildSite({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" });
});
after(() => site.close());

test("an edit or a deletion is seen by a conditional GET of the comment feeds", async () => {
  const approved = await site.db.kysely
    .selectFrom("comments")
    .select("id")
    .where("status", "=", "approved")
    .orderBy("id")
    .execute();
  const [first, second] = approved.map((r) => Number(r.id));
  assert.ok(first && second, "the fixture has two approved comments");
  for (const url of ["/comments/feed.xml", `/articles/${site.ids.bridge}/comments.json`]) {
    const a = await site.app.inject(url);
    assert.equal(a.statusCode, 200, url);
    const since = a.headers["last-modified"] as string;
    assert.equal((await site.app.inject({ url, headers: { "if-modified-since": since } })).statusCode, 304);
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has whole seconds
    await editComment(site.db.kysely, first, "Edited text", `<p>Edited text ${url}</p>`, new Date());
    const b = await site.app.inject({ url, headers: { "if-modified-since": since } });
    assert.equal(b.statusCode, 200, `${url} after an edit`);
    assert.match(b.body, /Edited text/);
  }
  const since = (await site.app.inject("/comments/feed.xml")).headers["last-modified"] as string;
  await new Promise((r) => setTimeout(r, 1100));
  await deleteComments(site.db.kysely, [second]);
  const c = await site.app.inject({ url: "/comments/feed.xml", headers: { "if-modified-since": since } });
  assert.equal(c.statusCode, 200, "after a deletion");
});
