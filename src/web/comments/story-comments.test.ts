/** @module A story page shows its reports' comments, each under its outlet, and a form posting to the lead report. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";
import { closeComments } from "../../storage/comment-moderation.ts";

let site: Site;
let storyPath = "";

before(async () => {
  site = await buildSite({
    NEWSDESK_SECRET: "story-comments-test-secret-32-characters",
    NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
  });
  const story = await site.db.kysely
    .selectFrom("articles")
    .select("story_id")
    .where("id", "=", site.ids.bridge)
    .executeTakeFirstOrThrow();
  const res = await site.app.inject(`/stories/${story.story_id}`);
  storyPath = res.headers.location as string;
});
after(() => site.close());

test("the story page lists the approved comments of its reports and offers the form for the lead report", async () => {
  const res = await site.app.inject(storyPath);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  // The fixture holds two approved, one pending and one spam comment on the bridge report.
  assert.match(html, /<h2 id="comments-heading">Comments \(2\)<\/h2>/);
  assert.equal(html.match(/class="comment"/g)?.length, 2, "only the approved comments");
  assert.match(html, /On <a href="\/articles\/\d+-[\w-]+#comments">/);
  const action = /<form[^>]*action="([^"]+\/comments)"/.exec(html)?.[1];
  assert.ok(action, "a comment form");
  assert.match(html, /Leave a reply/);
  assert.match(html, /Your comment will appear with/);
  assert.doesNotMatch(html, /reader@example\.test/);
});

test("when the lead report is closed, the story says comments are closed and keeps the thread", async () => {
  const html = (await site.app.inject(storyPath)).body;
  const action = /<form[^>]*action="\/articles\/(\d+)-[^"]*\/comments"/.exec(html)?.[1];
  await closeComments(site.db.kysely, Number(action), true);
  const closed = (await site.app.inject(storyPath)).body;
  assert.match(closed, /Comments are closed\./);
  assert.doesNotMatch(closed, /<form[^>]*\/comments"/);
  assert.equal(closed.match(/class="comment"/g)?.length, 2);
  await closeComments(site.db.kysely, Number(action), false);
});
