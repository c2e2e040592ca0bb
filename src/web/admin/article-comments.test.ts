/** @module /admin/articles: moderators close and reopen comments on any article; the public form follows. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { SAME_ORIGIN, signedInAccount } from "../../../test/support/admin-session.ts";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";

let site: Site;
before(async () => {
  site = await buildSite({
    NEWSDESK_SECRET: "articles-admin-test-secret-32-characters",
    NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
  });
});
after(() => site.close());

test("a moderator closes and reopens comments on an article that has none; anonymous and token-less posts change nothing", async () => {
  const mod = await signedInAccount(site.app, site.db.kysely, {
    email: "mod@example.test",
    name: "Mo",
    role: "moderator",
  });
  const list = await site.app.inject({ url: "/admin/articles", headers: { cookie: mod.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Council meets/);
  const action = `/admin/articles/${site.ids.solo}/comments`;
  assert.ok(list.body.includes(`action="${action}"`));

  const anonymous = await site.app.inject({
    method: "POST",
    url: action,
    headers: SAME_ORIGIN,
    payload: "closed=1",
  });
  assert.notEqual(anonymous.statusCode, 303);
  const noToken = await site.app.inject({
    method: "POST",
    url: action,
    headers: { ...SAME_ORIGIN, cookie: mod.cookie },
    payload: "closed=1",
  });
  assert.equal(noToken.statusCode, 403);
  const closedFlag = async () =>
    (
      await site.db.kysely
        .selectFrom("articles")
        .select("comments_closed")
        .where("id", "=", site.ids.solo)
        .executeTakeFirstOrThrow()
    ).comments_closed;
  assert.equal(await closedFlag(), 0);

  const close = await site.app.inject({
    method: "POST",
    url: action,
    headers: { ...SAME_ORIGIN, cookie: mod.cookie },
    payload: new URLSearchParams({ _csrf: mod.csrf, closed: "1" }).toString(),
  });
  assert.equal(close.statusCode, 303);
  assert.equal(close.headers.location, "/admin/articles?done=closed");
  assert.equal(await closedFlag(), 1);
  const page = await site.app.inject(`/articles/${site.ids.solo}`);
  const article = await site.app.inject(page.headers.location as string);
  assert.match(article.body, /Comments are closed\./);

  const bad = await site.app.inject({
    method: "POST",
    url: action,
    headers: { ...SAME_ORIGIN, cookie: mod.cookie },
    payload: new URLSearchParams({ _csrf: mod.csrf, closed: "maybe" }).toString(),
  });
  assert.equal(bad.statusCode, 400);
  const reopen = await site.app.inject({
    method: "POST",
    url: action,
    headers: { ...SAME_ORIGIN, cookie: mod.cookie },
    payload: new URLSearchParams({ _csrf: mod.csrf, closed: "0" }).toString(),
  });
  assert.equal(reopen.statusCode, 303);
  assert.equal(await closedFlag(), 0);
});
