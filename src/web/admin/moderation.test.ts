/**
 * @module The moderation pages through the real app (inject, SQLite): sign-in and CSRF required, bulk
 * and per-row actions with their notices, the public page after the cache check, edits re-sanitized,
 * rules taking effect on the next comment, closing an article, reply and queue notices queued.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type AdminSessionHeaders,
  SAME_ORIGIN,
  signedInAccount,
} from "../../../test/support/admin-session.ts";
import { ownBrowserCookie } from "../../../test/support/comments.ts";
import { buildSite, type Site } from "../../../test/support/site-fixture.ts";
import { makeFormToken } from "../../comments/form-token.ts";

const SECRET = "moderation-test-secret-0123456789abcdef0123456789";
const MOD = { email: "mod@example.test", name: "Mo", role: "moderator" } as const;

describe("the moderation pages", () => {
  let site: Site;
  let mod: AdminSessionHeaders;
  let path = "";
  let ip = 0;
  before(async () => {
    site = await buildSite({
      NEWSDESK_SECRET: SECRET,
      NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
      NEWSDESK_SMTP_URL: "smtp://127.0.0.1:9",
      NEWSDESK_COMMENT_RATE_PER_IP: "50",
    });
    mod = await signedInAccount(site.app, site.db.kysely, MOD);
    path = (await site.app.inject(`/articles/${site.ids.solo}`)).headers.location as string;
  });
  after(() => site.close());

  /** A reader's comment on the solo article; returns where the post redirected. */
  async function comment(fields: Record<string, string>, remoteAddress = `198.51.100.${++ip}`) {
    const res = await site.app.inject({
      method: "POST",
      url: `${path}/comments`,
      remoteAddress,
      // The reader posts from their own browser, which knows them once they have posted.
      headers: { ...SAME_ORIGIN, cookie: ownBrowserCookie(SECRET, fields.email ?? "reader@example.org") },
      payload: new URLSearchParams({
        name: "Reader",
        email: "reader@example.org",
        website: "",
        comment: `Words ${Math.random()}`,
        parent: "",
        url_confirm: "",
        token: makeFormToken(SECRET, site.ids.solo, new Date(Date.now() - 10_000)),
        ...fields,
      }).toString(),
    });
    assert.equal(res.statusCode, 303, res.body);
    return res.headers.location as string;
  }

  const rowOf = (id: number) =>
    site.db.kysely.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const idByBody = async (text: string) =>
    Number(
      (
        await site.db.kysely
          .selectFrom("comments")
          .select("id")
          .where("body_source", "=", text)
          .executeTakeFirstOrThrow()
      ).id,
    );
  const act = (fields: Record<string, string | string[]>, extra: Record<string, string> = {}) => {
    const body = new URLSearchParams({ _csrf: mod.csrf });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return site.app.inject({
      method: "POST",
      url: "/admin/comments",
      headers: { ...SAME_ORIGIN, cookie: mod.cookie, ...extra },
      payload: body.toString(),
    });
  };

  test("sign-in is required: anonymous GETs go to sign in, anonymous POSTs are refused", async () => {
    for (const url of ["/admin/comments", "/admin/comments/1/edit", "/admin/comment-rules"]) {
      const res = await site.app.inject(url);
      assert.equal(res.statusCode, 303, url);
      assert.match(res.headers.location as string, /^\/admin\/sign-in\?next=/);
    }
    for (const url of [
      "/admin/comments",
      "/admin/comments/1/edit",
      "/admin/comment-rules",
      "/admin/comment-rules/remove",
    ]) {
      const res = await site.app.inject({
        method: "POST",
        url,
        headers: SAME_ORIGIN,
        payload: "action=approve&id=1",
      });
      assert.equal(res.statusCode, 403, url);
    }
  });

  test("the queue: pending oldest first with email, IP, reasons and an inert body; tabs with counts", async () => {
    await comment({ comment: "First [link](https://spam.example/buy)", email: "new1@example.org" });
    const res = await site.app.inject({ url: "/admin/comments", headers: { cookie: mod.cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "private, no-store");
    assert.match(
      res.body,
      /<a href="\/admin\/comments\?status=pending" aria-current="page">Pending \(2\)<\/a>/,
    );
    assert.match(res.body, /Spam \(1\)/);
    assert.match(res.body, /Trash \(0\)/);
    assert.match(res.body, /new1@example\.org/, "moderators see the email");
    assert.match(res.body, /198\.51\.100\.\d+/);
    assert.match(res.body, /Held: <span>first comment from this email address<\/span>/);
    assert.match(res.body, /<span class="inert-link" data-href="https:\/\/spam\.example\/buy">link<\/span>/);
    assert.doesNotMatch(res.body, /\shref="https:\/\/spam\.example/, "no followable link to what was posted");
    // The fixture's held comment (2026) comes before today's.
    assert.ok(res.body.indexOf("reader@example.test") < res.body.indexOf("new1@example.org"), "oldest first");
    assert.match(res.body, /<a href="\/admin\/comments" aria-current="page">Comments<\/a>/);
    assert.doesNotMatch(res.body, /Delete for good/, "deleting for good lives in Spam and Trash only");
  });

  test("bulk approve: one POST, 303 back with a notice; the public page shows them after the cache check", async () => {
    const bodies = ["Bulk one", "Bulk two", "Bulk three"];
    for (const [i, text] of bodies.entries()) await comment({ comment: text, email: `bulk${i}@example.org` });
    const ids = await Promise.all(bodies.map(idByBody));
    const page0 = (await site.app.inject(path)).body;
    assert.doesNotMatch(page0, /Bulk one/);
    const res = await act({ status: "pending", action: "approve", id: ids.map(String) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/admin/comments?status=pending&done=approved&n=3");
    const after = await site.app.inject({
      url: res.headers.location as string,
      headers: { cookie: mod.cookie },
    });
    assert.match(after.body, /<p class="notice" role="status">3 comments approved<\/p>/);
    for (const id of ids) assert.equal((await rowOf(id)).status, "approved");
    const page1 = (await site.app.inject(path)).body;
    for (const text of bodies) assert.match(page1, new RegExp(text));
    assert.match(page1, /<a class="comment-count" href="#comments">3 comments<\/a>/);
  });

  test("per-row actions: spam, trash, delete for good only from spam or trash; approving a reply queues its notice", async () => {
    const parentId = await idByBody("Bulk one");
    await site.db.kysely
      .updateTable("comments")
      .set({ notify_replies: 1 })
      .where("id", "=", parentId)
      .execute();
    await comment({ comment: "A held reply", email: "replier@example.org", parent: String(parentId) });
    const reply = await idByBody("A held reply");
    assert.equal((await rowOf(reply)).status, "pending");
    const outbox = () => site.db.kysely.selectFrom("mail_outbox").selectAll().execute();
    const before = (await outbox()).filter((m) => m.to_address === "bulk0@example.org").length;
    const approved = await act({ status: "pending", row: `approve:${reply}` });
    assert.equal(approved.headers.location, "/admin/comments?status=pending&done=approved&n=1");
    const mails = (await outbox()).filter((m) => m.to_address === "bulk0@example.org");
    assert.equal(mails.length, before + 1, "the parent's author is told about the reply");
    assert.match(mails.at(-1)?.subject ?? "", /repl/i);

    const spam = await act({ status: "approved", row: `spam:${reply}` });
    assert.equal(spam.headers.location, "/admin/comments?status=approved&done=spam&n=1");
    assert.equal((await rowOf(reply)).status, "spam");
    const refused = await act({ status: "approved", row: `delete:${parentId}` });
    assert.equal(refused.headers.location, "/admin/comments?status=approved&done=deleted&n=0");
    assert.equal((await rowOf(parentId)).status, "approved", "an approved comment is not deleted for good");
    await act({ status: "spam", row: `trash:${reply}` });
    assert.equal((await rowOf(reply)).status, "trash");
    const trashTab = await site.app.inject({
      url: "/admin/comments?status=trash",
      headers: { cookie: mod.cookie },
    });
    assert.match(trashTab.body, /Delete for good/);
    const gone = await act({ status: "trash", action: "delete", id: String(reply) });
    assert.equal(gone.headers.location, "/admin/comments?status=trash&done=deleted&n=1");
    assert.equal(
      (await site.db.kysely.selectFrom("comments").select("id").where("id", "=", reply).execute()).length,
      0,
    );
    const none = await act({ status: "pending", action: "trash" });
    assert.equal(none.headers.location, "/admin/comments?status=pending&done=none");
    assert.equal((await act({ status: "pending", action: "explode", id: "1" })).statusCode, 400);
  });

  test("CSRF: a wrong or missing token, or another site's form, changes nothing", async () => {
    await comment({ comment: "CSRF target", email: "csrf@example.org" });
    const id = await idByBody("CSRF target");
    const wrong = await site.app.inject({
      method: "POST",
      url: "/admin/comments",
      headers: { ...SAME_ORIGIN, cookie: mod.cookie },
      payload: `_csrf=${"0".repeat(64)}&action=approve&id=${id}`,
    });
    assert.equal(wrong.statusCode, 403);
    const missing = await site.app.inject({
      method: "POST",
      url: "/admin/comments",
      headers: { ...SAME_ORIGIN, cookie: mod.cookie },
      payload: `action=approve&id=${id}`,
    });
    assert.equal(missing.statusCode, 403);
    const cross = await act(
      { status: "pending", action: "approve", id: String(id) },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    assert.equal(cross.statusCode, 403);
    assert.equal((await rowOf(id)).status, "pending");
  });

  test("an edit re-renders and re-sanitizes; bad fields come back with messages and the text kept", async () => {
    const id = await idByBody("Bulk two");
    const form = await site.app.inject({
      url: `/admin/comments/${id}/edit`,
      headers: { cookie: mod.cookie },
    });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<textarea id="e-body" name="comment"[^>]*>Bulk two<\/textarea>/);
    assert.match(form.body, /By bulk1@example\.org/);
    const post = (fields: Record<string, string>) =>
      site.app.inject({
        method: "POST",
        url: `/admin/comments/${id}/edit`,
        headers: { ...SAME_ORIGIN, cookie: mod.cookie },
        payload: new URLSearchParams({ _csrf: mod.csrf, ...fields }).toString(),
      });
    const hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) **ok**";
    const bad = await post({ name: "", website: "javascript:alert(1)", comment: hostile });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Please enter your name/);
    assert.match(bad.body, /starting with http:\/\/ or https:\/\//);
    assert.match(bad.body, /&lt;script>alert\(1\)&lt;\/script>/, "the text is kept, escaped");
    assert.equal((await rowOf(id)).body_source, "Bulk two", "nothing saved");
    const ok = await post({
      name: "Edited <b>Name</b>",
      website: "https://edited.example",
      comment: hostile,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/admin/comments?status=approved&done=edited#c-${id}`);
    const row = await rowOf(id);
    assert.equal(row.author_name, "Edited <b>Name</b>");
    assert.equal(row.author_url, "https://edited.example/");
    assert.doesNotMatch(
      row.body_html,
      /<script|<img|<a\s|href=/,
      "markup typed is text, the script link no link",
    );
    assert.match(row.body_html, /&lt;script&gt;/);
    assert.match(row.body_html, /<strong>ok<\/strong>/);
    const page = (await site.app.inject(path)).body;
    assert.match(page, /Edited &lt;b>Name&lt;\/b>/, "the public page shows the edit, escaped");
    assert.equal(
      (await site.app.inject({ url: "/admin/comments/999999/edit", headers: { cookie: mod.cookie } }))
        .statusCode,
      404,
    );
  });

  test("rules: added rules apply to the next comment; bad values are explained; removal", async () => {
    const addRule = (fields: Record<string, string>) =>
      site.app.inject({
        method: "POST",
        url: "/admin/comment-rules",
        headers: { ...SAME_ORIGIN, cookie: mod.cookie },
        payload: new URLSearchParams({ _csrf: mod.csrf, ...fields }).toString(),
      });
    const bad = await addRule({ kind: "network", value: "203.0.113.0/33", action: "spam" });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /is not a network/);
    assert.match(bad.body, /value="203\.0\.113\.0\/33"/);
    const net = await addRule({ kind: "network", value: "203.0.113.77/24", action: "spam" });
    assert.equal(net.headers.location, "/admin/comment-rules?done=added");
    assert.equal((await addRule({ kind: "word", value: "  Casino ", action: "hold" })).statusCode, 303);
    const list = await site.app.inject({
      url: "/admin/comment-rules?done=added",
      headers: { cookie: mod.cookie },
    });
    assert.match(list.body, /<code>203\.0\.113\.0\/24<\/code>/);
    assert.match(list.body, /<code>casino<\/code>/);
    assert.match(list.body, /NEWSDESK_COMMENT_MAX_LINKS/);
    assert.match(list.body, /NEWSDESK_COMMENTS_CLOSE_AFTER_DAYS/);
    assert.match(list.body, /It applies to the next comment posted/);

    // reader@example.org was approved above (bulk0 is another address): use an approved one.
    await comment({ comment: "From a blocked network", email: "bulk0@example.org" }, "203.0.113.5");
    assert.equal((await rowOf(await idByBody("From a blocked network"))).status, "spam");
    await comment({ comment: "Visit the CASINO now", email: "bulk0@example.org" });
    const held = await rowOf(await idByBody("Visit the CASINO now"));
    assert.equal(held.status, "pending");
    assert.match(held.held_reasons ?? "", /word rule "casino"/);

    const ruleId = /name="id" value="(\d+)"/.exec(list.body)?.[1] ?? "";
    const removed = await site.app.inject({
      method: "POST",
      url: "/admin/comment-rules/remove",
      headers: { ...SAME_ORIGIN, cookie: mod.cookie },
      payload: new URLSearchParams({ _csrf: mod.csrf, id: ruleId }).toString(),
    });
    assert.equal(removed.headers.location, "/admin/comment-rules?done=removed");
    await comment({ comment: "From the network again", email: "bulk0@example.org" }, "203.0.113.6");
    assert.equal((await rowOf(await idByBody("From the network again"))).status, "approved");
  });

  test("closing from the queue refuses posts on that article; reopening takes them again", async () => {
    const closed = await act({ status: "pending", row: `close:${site.ids.solo}` });
    assert.equal(closed.headers.location, "/admin/comments?status=pending&done=closed");
    const refused = await site.app.inject({
      method: "POST",
      url: `${path}/comments`,
      headers: SAME_ORIGIN,
      payload: new URLSearchParams({
        name: "Late",
        email: "late@example.org",
        comment: "Too late",
        token: makeFormToken(SECRET, site.ids.solo, new Date(Date.now() - 10_000)),
      }).toString(),
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Comments are closed/);
    const queue = await site.app.inject({
      url: "/admin/comments?status=pending",
      headers: { cookie: mod.cookie },
    });
    assert.match(queue.body, new RegExp(`name="row" value="reopen:${site.ids.solo}"`));
    await act({ status: "pending", row: `reopen:${site.ids.solo}` });
    assert.match(await comment({ comment: "Open again", email: "bulk0@example.org" }), /#comment-\d+$/);
  });

  test("a held comment queues the moderators' notice, at most one an hour", async () => {
    const notices = async () =>
      (
        await site.db.kysely
          .selectFrom("mail_outbox")
          .selectAll()
          .where("to_address", "=", MOD.email)
          .execute()
      ).length;
    const before = await notices();
    await comment({ comment: "Held for notice", email: "notice1@example.org" });
    await comment({ comment: "Held again", email: "notice2@example.org" });
    // The first held comment of this file already sent one within the hour, so none more.
    assert.equal(before, 1);
    assert.equal(await notices(), 1);
  });
});
