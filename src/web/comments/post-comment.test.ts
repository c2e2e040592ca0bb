/** @module Posting comments through the real app: moderation, spam defences, refusals that keep the text, the page cache. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";
import { makeFormToken } from "../../comments/form-token.ts";
import { closeComments, setCommentStatus } from "../../storage/comment-moderation.ts";

const SECRET = "web-test-secret-0123456789abcdef0123456789";
let site: Site;
let path = "";
let ip = 0;

before(async () => {
  site = await buildSite({
    NEWSDESK_SECRET: SECRET,
    NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
    NEWSDESK_COMMENT_MAX_DEPTH: "2",
    NEWSDESK_COMMENT_RATE_PER_IP: "3",
    NEWSDESK_COMMENT_RATE_PER_EMAIL: "50",
  });
  const res = await site.app.inject(`/articles/${site.ids.solo}`);
  path = res.headers.location as string;
});
after(() => site.close());

/** A token the form would have carried, issued `ageSeconds` ago. */
const token = (articleId: number, ageSeconds = 10) =>
  makeFormToken(SECRET, articleId, new Date(Date.now() - ageSeconds * 1000));

/** The reader's browser: the cookies posting gave it, sent with its later posts. */
const browser = new Map<string, string>();

interface PostOptions {
  /** Another browser: no cookies sent, none kept. */
  otherBrowser?: boolean;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  articlePath?: string;
  articleId?: number;
  /** A fresh client address per post unless given, so the per-IP limit is tested on its own. */
  remoteAddress?: string;
}

async function post(o: PostOptions = {}) {
  const fields = {
    name: "Ann",
    email: "ann@example.org",
    website: "",
    comment: `A comment ${Math.random()}`,
    parent: "",
    url_confirm: "",
    token: token(o.articleId ?? site.ids.solo),
    ...o.fields,
  };
  const cookie = o.otherBrowser ? "" : [...browser].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await site.app.inject({
    method: "POST",
    url: `${o.articlePath ?? path}/comments`,
    remoteAddress: o.remoteAddress ?? `198.51.100.${++ip}`,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost:80",
      ...(cookie ? { cookie } : {}),
      ...o.headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
  if (!o.otherBrowser) for (const c of res.cookies) browser.set(c.name, c.value);
  return res;
}

async function count(status?: string): Promise<number> {
  let q = site.db.kysely
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("article_id", "=", site.ids.solo);
  if (status) q = q.where("status", "=", status as "approved");
  return Number((await q.executeTakeFirstOrThrow()).n);
}

test("a first comment waits; once approved it shows with the count, and the same email is then approved at once", async () => {
  const page0 = await site.app.inject(path);
  assert.match(page0.body, /No comments yet/);
  assert.equal((await site.app.inject(path)).body, page0.body, "the article page comes from the page cache");

  const res = await post({
    fields: { comment: "First *thoughts* https://example.com/x", email: "Ann@Example.org" },
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${path}?comment=held#comments`);
  const notice = await site.app.inject(`${path}?comment=held`);
  assert.match(
    notice.body,
    /<section id="comments"[\s\S]*role="status"[\s\S]*will appear here once a moderator has approved it/,
    "the notice sits in the comments section the post lands on",
  );
  assert.equal(notice.headers["cache-control"], "private, no-store");
  assert.equal((await site.app.inject(path)).body, page0.body, "held comments never change the cached page");

  const row = await site.db.kysely
    .selectFrom("comments")
    .selectAll()
    .where("article_id", "=", site.ids.solo)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, "pending");
  assert.equal(row.author_email, "ann@example.org");
  assert.equal(row.held_reasons, "first comment from this email address");
  assert.equal(
    row.body_html,
    '<p>First <em>thoughts</em> <a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a></p>',
  );

  await setCommentStatus(site.db.kysely, [Number(row.id)], "approved", new Date());
  const page1 = await site.app.inject(path);
  assert.notEqual(page1.body, page0.body, "approval invalidated the cached page");
  assert.match(page1.body, /<a class="comment-count" href="#comments">1 comment<\/a>/);
  assert.match(page1.body, /Comments \(1\)/);
  assert.match(page1.body, new RegExp(`id="comment-${row.id}"`));
  assert.match(page1.body, /<svg class="identicon"/);
  assert.ok(!page1.body.includes("ann@example.org"));

  const again = await post({ fields: { comment: "Second one", email: "ann@example.org" } });
  assert.equal(again.statusCode, 303);
  assert.match(again.headers.location as string, new RegExp(`^${path}#comment-\\d+$`));
  assert.match((await site.app.inject(path)).body, /Second one/);
});

test("a known address is approved at once only from the browser that posted under it", async () => {
  // ann@example.org has an approved comment by now (the test above), posted from `browser`.
  const elsewhere = await post({ otherBrowser: true, fields: { comment: "From a stranger's browser" } });
  assert.equal(elsewhere.headers.location, `${path}?comment=held#comments`, "another browser waits");
  const held = await site.db.kysely
    .selectFrom("comments")
    .select(["status", "held_reasons"])
    .where("body_source", "=", "From a stranger's browser")
    .executeTakeFirstOrThrow();
  assert.deepEqual(held, {
    status: "pending",
    held_reasons: "email address approved before, but posted from another browser",
  });
  const forged = await post({
    otherBrowser: true,
    // The signature's last character changed (to one it is not), so the cookie is no longer genuine.
    headers: {
      cookie: `newsdesk_commenter=${browser.get("newsdesk_commenter")?.replace(/.$/, (c) => (c === "x" ? "y" : "x"))}`,
    },
    fields: { comment: "With a forged cookie" },
  });
  assert.equal(
    forged.headers.location,
    `${path}?comment=held#comments`,
    "a forged cookie vouches for nothing",
  );
  const other = await post({
    otherBrowser: true,
    fields: { comment: "Someone else's address", email: "bea@example.org" },
  });
  assert.equal(other.headers.location, `${path}?comment=held#comments`);
  const mine = await post({ fields: { comment: "From my own browser again" } });
  assert.match(mine.headers.location as string, /#comment-\d+$/, "the browser that posted is known");
  const set = mine.cookies.find((c) => c.name === "newsdesk_commenter");
  assert.ok(set?.httpOnly, "HttpOnly");
  assert.equal(set?.sameSite, "Lax");
  assert.ok(!String(set?.value).includes("ann"), "the address is not in the cookie");
});

test("the honeypot: answered like a held comment, nothing stored", async () => {
  const before = await count();
  const res = await post({ fields: { url_confirm: "http://spam.example" } });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${path}?comment=held#comments`);
  assert.equal(await count(), before);
});

test("too fast, forged, missing or another article's token: the form again with the text kept and a fresh token", async () => {
  const before = await count();
  for (const [t, status, message] of [
    [token(site.ids.solo, 0), 400, /quicker than we expect/],
    ["forged.token", 400, /could not confirm/],
    ["", 400, /check your comment and send it again/],
    [token(site.ids.bridge), 400, /could not confirm/],
    [token(site.ids.solo, 90_000), 400, /more than a day/],
  ] as const) {
    const res = await post({ fields: { token: t, comment: "Keep <my> words" } });
    assert.equal(res.statusCode, status);
    assert.match(res.body, message);
    assert.match(res.body, /<textarea[^>]*>Keep &lt;my> words<\/textarea>/);
    assert.match(res.body, /name="token" value="[\w-]+\.[\w-]+"/);
    assert.equal(res.headers["cache-control"], "private, no-store");
  }
  assert.equal(await count(), before);
});

test("the cached page's form carries no token; a token is good for one post only", async () => {
  const page = await site.app.inject(path);
  assert.match(
    page.body,
    /name="token" value(="")?\/?>/,
    "no token in a page served from the cache to many readers",
  );
  assert.match(page.body, /data-token-url="\/comments\/form-token\?article=\d+"/);
  const once = token(site.ids.solo);
  const first = await post({ fields: { token: once, comment: "Sent once" } });
  assert.equal(first.statusCode, 303);
  const replay = await post({ fields: { token: once, comment: "Sent again with the same token" } });
  assert.equal(replay.statusCode, 400);
  assert.match(replay.body, /already sent once/);
  const fresh = /name="token" value="([\w-]+\.[\w-]+)"/.exec(replay.body)?.[1];
  assert.ok(fresh && fresh !== once, "the form comes back with a new token");
});

test("bad fields come back with their own messages and what was typed", async () => {
  const res = await post({
    fields: { name: "", email: "nope", website: "javascript:alert(1)", comment: "Long text kept" },
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Please enter your name/);
  assert.match(res.body, /name@example\.org/);
  assert.match(res.body, /starting with http:\/\/ or https:\/\//);
  assert.match(res.body, /value="nope"/);
  assert.match(res.body, /Long text kept/);
  assert.match(res.body, /id="c-email"[^>]*aria-invalid="true"/);
  assert.doesNotMatch(res.body, /href="javascript:/);
});

test("a cross-site POST is refused; same-origin and header-less posts are not", async () => {
  const before = await count();
  const evil = await post({ headers: { origin: "https://evil.example" } });
  assert.equal(evil.statusCode, 403);
  assert.match(evil.body, /only be sent from this site/);
  const fetchSite = await post({ headers: { origin: "", "sec-fetch-site": "cross-site" } });
  assert.equal(fetchSite.statusCode, 403);
  assert.equal(await count(), before);
  assert.equal((await post({ headers: { "sec-fetch-site": "same-origin" } })).statusCode, 303);
});

test("a duplicate on the same article is refused with a clear message", async () => {
  assert.equal((await post({ fields: { comment: "Exactly   this" } })).statusCode, 303);
  const dup = await post({ fields: { comment: "exactly this" } });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /already been posted/);
});

test("the per-address limit answers 429 with Retry-After and stores nothing more", async () => {
  const addr = "192.0.2.77";
  for (let i = 0; i < 3; i++)
    assert.equal(
      (await post({ remoteAddress: addr, fields: { email: `r${i}@example.org` } })).statusCode,
      303,
    );
  const before = await count();
  const res = await post({
    remoteAddress: addr,
    fields: { email: "r9@example.org", comment: "Please keep me" },
  });
  assert.equal(res.statusCode, 429);
  assert.ok(Number(res.headers["retry-after"]) > 0);
  assert.match(res.body, /Too many comments/);
  assert.match(res.body, /Please keep me/);
  assert.equal(await count(), before);
  // Refused once, the address meets the flood guard: answered before its body is read (even a form
  // that would otherwise be a 422), until the window has room; other addresses are not affected.
  const again = await post({ remoteAddress: addr, fields: { email: "", comment: "" } });
  assert.equal(again.statusCode, 429);
  assert.ok(Number(again.headers["retry-after"]) > 0);
  assert.match(again.body, /Back button/);
  assert.equal((await post({ fields: { email: "", comment: "" } })).statusCode, 422, "another address");
  assert.equal(await count(), before);
});

test("replies nest and are clamped at the depth limit; Reply links and ?replyto= fill the form", async () => {
  const top = await post({ fields: { comment: "Top level" } }); // ann is approved by now
  const topId = Number(/#comment-(\d+)$/.exec(top.headers.location as string)?.[1]);
  const r1 = await post({ fields: { comment: "Reply one", parent: String(topId) } });
  const r1Id = Number(/#comment-(\d+)$/.exec(r1.headers.location as string)?.[1]);
  const r2 = await post({ fields: { comment: "Reply two", parent: String(r1Id) } });
  const r2Id = Number(/#comment-(\d+)$/.exec(r2.headers.location as string)?.[1]);
  const row = await site.db.kysely
    .selectFrom("comments")
    .select(["parent_id", "depth"])
    .where("id", "=", r2Id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [Number(row.parent_id), Number(row.depth)],
    [topId, 1],
    "max depth 2: joins its parent's level",
  );
  const page = (await site.app.inject(path)).body;
  assert.match(
    page,
    new RegExp(`id="comment-${topId}"[\\s\\S]*?<ol class="comment-list replies"><li id="comment-${r1Id}"`),
  );
  assert.match(page, new RegExp(`href="${path}\\?replyto=${topId}#reply"`));
  const replyForm = (await site.app.inject(`${path}?replyto=${topId}`)).body;
  assert.match(replyForm, /Reply to <bdi>Ann<\/bdi>/);
  assert.match(replyForm, new RegExp(`name="parent" value="${topId}"`));
  const gone = await post({ fields: { comment: "To nowhere", parent: "999999" } });
  assert.equal(gone.statusCode, 422);
  assert.match(gone.body, /no longer there/);
});

test("closed comments: the form says so and a post is refused", async () => {
  await closeComments(site.db.kysely, site.ids.solo, true);
  try {
    const page = (await site.app.inject(path)).body;
    assert.match(page, /Comments are closed\./);
    assert.doesNotMatch(page, /Leave a reply/);
    const res = await post({ fields: { comment: "Too late <b>bold</b>" } });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Comments are closed/);
    // The reader's words come back to copy, escaped.
    assert.match(
      res.body,
      /<textarea id="kept-comment" readonly[^>]*>Too late &lt;b>bold&lt;\/b><\/textarea>/,
    );
  } finally {
    await closeComments(site.db.kysely, site.ids.solo, false);
  }
});

test("the form-token endpoint hands out fresh tokens, never cached; the story page shows comment counts", async () => {
  const res = await site.app.inject(`/comments/form-token?article=${site.ids.solo}`);
  assert.equal(res.headers["cache-control"], "private, no-store");
  const { token: t } = res.json() as { token: string };
  assert.match(t, /^[\w-]+\.[\w-]+$/);
  assert.equal((await site.app.inject("/comments/form-token?article=x")).statusCode, 400);
  const story = await site.app.inject(`/articles/${site.ids.bridge}`);
  const bridgePage = await site.app.inject(story.headers.location as string);
  const storyPath = /href="(\/stories\/[^"]+)"/.exec(bridgePage.body)?.[1] as string;
  assert.match((await site.app.inject(storyPath)).body, /#comments">2 comments<\/a>/);
});

test("a NUL character in any field is refused with a clear 400 and nothing is stored", async () => {
  const before = await count();
  const cases: Array<Record<string, string>> = [
    { comment: "hidden\u0000byte" },
    { email: "a\u0000b@example.org" },
    { name: "N\u0000" },
  ];
  for (const fields of cases) {
    const res = await post({ fields });
    assert.equal(res.statusCode, 400, JSON.stringify(fields));
    assert.match(res.body, /NUL character/);
  }
  assert.equal(await count(), before);
});
