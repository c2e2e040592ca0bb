/** @module Comment feeds without emails, reply notices and "delete my comments" links, through the real app. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import { ownBrowserCookie } from "../../../test/support/comments.ts";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";
import { makeFormToken } from "../../comments/form-token.ts";
import { setCommentStatus } from "../../storage/comment-moderation.ts";
import { dueMail } from "../../storage/mail-outbox.ts";
import { deleteLinksQueued } from "./delete-comments.tsx";

const SECRET = "feeds-mail-secret-0123456789abcdef0123456789";
const EMAIL = "Pat.Private@Example.org";
const LOWER = EMAIL.toLowerCase();
let site: Site;
let path = "";
let ip = 0;

before(async () => {
  site = await buildSite({
    NEWSDESK_SECRET: SECRET,
    NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
    NEWSDESK_SMTP_URL: "smtp://127.0.0.1:2525",
    NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR: "2",
    NEWSDESK_PUBLIC_URL: "https://news.example",
  });
  path = (await site.app.inject(`/articles/${site.ids.solo}`)).headers.location as string;
});
after(() => site.close());

function post(fields: Record<string, string>, url = `${path}/comments`) {
  return site.app.inject({
    method: "POST",
    url,
    remoteAddress: `198.51.100.${++ip}`,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://news.example",
      // Pat posts from their own browser, which knows them once they have posted.
      cookie: ownBrowserCookie(SECRET, fields.email ?? EMAIL),
    },
    payload: new URLSearchParams({
      name: "Pat",
      email: EMAIL,
      comment: `Comment ${Math.random()}`,
      token: makeFormToken(SECRET, site.ids.solo, new Date(Date.now() - 10_000)),
      ...fields,
    }).toString(),
  });
}

const idOf = (location: unknown) => Number(/#comment-(\d+)$/.exec(String(location))?.[1]);

/** Every form in which the address could leak: as typed, lower-cased, and plain hashes of either. */
function leaks(text: string): string[] {
  const forms = [EMAIL, LOWER, encodeURIComponent(LOWER)];
  for (const e of [EMAIL, LOWER])
    for (const algo of ["md5", "sha1", "sha256"]) forms.push(createHash(algo).update(e).digest("hex"));
  return forms.filter((f) => text.toLowerCase().includes(f.toLowerCase()));
}

test("the form offers reply notices and the deletion link when mail is configured", async () => {
  const page = (await site.app.inject(path)).body;
  assert.match(page, /name="notify"/);
  assert.match(page, /href="\/comments\/delete-link"/);
});

test("an approved reply to a commenter who asked is mailed to them, within the per-address limit", async () => {
  const first = await post({ comment: "Parent comment with <b>tags</b>", notify: "1" });
  assert.equal(first.statusCode, 303);
  const parent = await site.db.kysely
    .selectFrom("comments")
    .select(["id", "notify_replies"])
    .where("author_email", "=", LOWER)
    .executeTakeFirstOrThrow();
  assert.equal(Number(parent.notify_replies), 1);
  await setCommentStatus(site.db.kysely, [Number(parent.id)], "approved", new Date());
  // Quinn's first reply waits: no mail until a moderator approves it (the moderation page calls notifyReply).
  const reply = await post({
    name: "Quinn",
    email: "quinn@example.org",
    comment: "A reply",
    parent: String(parent.id),
  });
  assert.match(reply.headers.location as string, /comment=held/);
  assert.equal((await dueMail(site.db.kysely, new Date(Date.now() + 1000))).length, 0);
  const quinn = await site.db.kysely
    .selectFrom("comments")
    .select("id")
    .where("author_email", "=", "quinn@example.org")
    .executeTakeFirstOrThrow();
  await setCommentStatus(site.db.kysely, [Number(quinn.id)], "approved", new Date());
  // Now approved, Quinn's next replies are stored approved and mailed at once (two per hour at most).
  for (let i = 0; i < 3; i++) {
    const res = await post({
      name: "Quinn",
      email: "quinn@example.org",
      comment: `Reply ${i}`,
      parent: String(parent.id),
    });
    assert.ok(idOf(res.headers.location) > 0);
  }
  const mails = await dueMail(site.db.kysely, new Date(Date.now() + 1000));
  assert.equal(mails.length, 2, "the per-recipient limit held the third");
  assert.equal(mails[0]?.to, LOWER);
  assert.match(mails[0]?.subject ?? "", /Quinn replied to your comment/);
  assert.match(mails[0]?.text ?? "", /Reply 0/);
  assert.match(mails[0]?.text ?? "", new RegExp(`https://news\\.example${path}#comment-\\d+`));
  assert.match(mails[0]?.text ?? "", /https:\/\/news\.example\/comments\/delete\?token=/);
});

test("public pages, feeds and the token endpoint never carry the email or a plain hash of it", async () => {
  const urls = [
    path,
    `${path}?comment=held`,
    `${path}/comments.xml`,
    `${path}/comments.atom`,
    `${path}/comments.json`,
    "/comments/feed.xml",
    "/comments/feed.atom",
    "/comments/feed.json",
    `/comments/form-token?article=${site.ids.solo}`,
    "/",
    "/feed.xml",
  ];
  for (const url of urls) {
    const res = await site.app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.deepEqual(leaks(res.body), [], url);
  }
  const json = (await site.app.inject("/comments/feed.json")).json() as {
    items: Array<{ authors: Array<{ name: string }>; content_html: string }>;
  };
  assert.ok(
    json.items.some(
      (i) => i.authors[0]?.name === "Pat" && i.content_html.includes("&lt;b&gt;tags&lt;/b&gt;"),
    ),
  );
  const rss = (await site.app.inject(`${path}/comments.xml`)).body;
  assert.match(rss, /<dc:creator>Quinn<\/dc:creator>/);
  assert.doesNotMatch(rss, /<author>/);
});

test("a deletion link: asked for by email, opened to confirm, posted to delete; replies by others stay", async () => {
  const form = await site.app.inject("/comments/delete-link");
  assert.match(form.body, /name="email"/);
  const ask = async (email: string) => {
    const res = await site.app.inject({
      method: "POST",
      url: "/comments/delete-link",
      remoteAddress: `203.0.113.${++ip}`,
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      payload: `email=${encodeURIComponent(email)}`,
    });
    // The link is looked up and queued after the answer has gone (same timing for every address).
    await deleteLinksQueued();
    return res;
  };
  const nobody = await ask("nobody@example.org");
  const res = await ask(EMAIL);
  assert.equal(res.body.replace(/\s+/g, " ").match(/Check your email/)?.[0], "Check your email");
  assert.equal(nobody.body, res.body, "the answer says nothing about who has commented");
  // Pat had two reply notices this hour already: the limit holds the link too.
  assert.equal(
    (await dueMail(site.db.kysely, new Date(Date.now() + 1000))).filter((m) => /Delete your/.test(m.subject))
      .length,
    0,
  );
  await site.db.kysely.deleteFrom("rate_events").where("bucket", "=", "mail-to").execute();
  await ask(EMAIL);
  const mail = (await dueMail(site.db.kysely, new Date(Date.now() + 1000))).find((m) =>
    /Delete your/.test(m.subject),
  );
  assert.equal(mail?.to, LOWER);
  const link = /https:\/\/news\.example(\/comments\/delete\?token=[\w-]+)/.exec(
    mail?.text ?? "",
  )?.[1] as string;
  assert.ok(link);
  assert.deepEqual(leaks(link), []);

  const confirm = await site.app.inject(link);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /This deletes your comment/);
  assert.deepEqual(leaks(confirm.body), []);
  const tokenValue = new URL(link, "https://x").searchParams.get("token") as string;
  const cross = await site.app.inject({
    method: "POST",
    url: "/comments/delete",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
    payload: `token=${tokenValue}`,
  });
  assert.equal(cross.statusCode, 403);
  const done = await site.app.inject({
    method: "POST",
    url: "/comments/delete",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://news.example" },
    payload: `token=${tokenValue}`,
  });
  assert.match(done.body, /1 comment was deleted/);
  const left = await site.db.kysely
    .selectFrom("comments")
    .select(["author_email", "parent_id"])
    .where("article_id", "=", site.ids.solo)
    .execute();
  assert.ok(
    left.every((c) => c.author_email === "quinn@example.org" && c.parent_id === null),
    "Quinn's replies stay, now top level",
  );
  assert.equal(left.length, 4);
  const broken = await site.app.inject("/comments/delete?token=abc");
  assert.equal(broken.statusCode, 400);
  assert.match(broken.body, /does not work/);
});
