/**
 * @module Issue 7's privacy acceptance: comments posted over HTTP with known emails (approved, pending,
 * replies, refused, rate-limited, deleted by link), then every public page, feed, sitemap and JSON
 * answer crawled, with every POST's answer and the logs: no email or plain hash of one anywhere.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { pino } from "pino";
import { makeFormToken } from "../../src/comments/form-token.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { sendDueMail } from "../../src/mail/send-due-mail.ts";
import { setCommentStatus } from "../../src/storage/comment-moderation.ts";
import { deleteLinksQueued } from "../../src/web/comments/delete-comments.tsx";
import { ownBrowserCookie } from "../support/comments.ts";
import { type CrawledResponse, crawlSite } from "../support/crawl.ts";
import { findLeaks } from "../support/email-leaks.ts";
import { buildSite, type Site } from "../support/site-fixture.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";

const SECRET = "privacy-test-secret-0123456789abcdef0123456789";
const E = {
  ann: "Ann.Reader+news@Example.ORG",
  bob: "Bob.O'Neil@Mail.Example.net",
  carol: "  Carol.Pending@Example.com ",
  dave: "Dave.Refused@Example.org",
  fran: "Fran.Flood@Example.org",
  erin: "Erin.Eraser@Example.org",
  honey: "Honey.Pot@Example.org",
  cross: "Cross.Site@Example.org",
  seeded: "reader@example.test",
};
const ALL = Object.values(E);
const logLines: string[] = [];
let site: Site;
let sink: SmtpSink;
let base = "";
let path = "";
/** Every answer to be swept; `sender` marks a refused form shown back to the one who typed it. */
const answers: Array<CrawledResponse & { sender?: string }> = [];

before(async () => {
  sink = await startSmtpSink();
  const log = pino({ level: "trace", base: undefined }, { write: (s: string) => void logLines.push(s) });
  site = await buildSite(
    {
      NEWSDESK_SECRET: SECRET,
      NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
      NEWSDESK_SMTP_URL: sink.url,
      NEWSDESK_COMMENT_RATE_PER_IP: "1000",
      NEWSDESK_COMMENT_RATE_PER_EMAIL: "3",
    },
    log,
  );
  await site.app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  path = new URL(
    (await fetch(`${base}/articles/${site.ids.solo}`, { redirect: "manual" })).headers.get("location") ?? "",
    base,
  ).pathname;
});
after(async () => {
  await site?.close();
  await sink?.close();
});

async function record(url: string, res: Response, sender?: string): Promise<CrawledResponse> {
  const body = await res.text();
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  const r = { url, status: res.status, contentType: res.headers.get("content-type") ?? "", headers, body };
  answers.push({ ...r, sender });
  return r;
}

async function send(url: string, fields: Record<string, string>, origin = base, sender?: string) {
  const res = await fetch(`${base}${url}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin,
      // Each reader posts from their own browser, which knows them once they have posted.
      ...(fields.email ? { cookie: ownBrowserCookie(SECRET, fields.email) } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  return record(`POST ${url}`, res, sender);
}

/** Posts a comment on the solo article with a form token issued 10 s ago (past the minimum fill time). */
function comment(email: string, text: string, extra: Record<string, string> = {}, origin = base) {
  const fields = {
    name: "Reader",
    email,
    website: "",
    comment: text,
    parent: "",
    url_confirm: "",
    token: makeFormToken(SECRET, site.ids.solo, new Date(Date.now() - 10_000)),
    ...extra,
  };
  return send(`${path}/comments`, fields, origin, email);
}

async function get(url: string) {
  return record(url, await fetch(`${base}${url}`, { redirect: "manual" }));
}

const commentId = (r: CrawledResponse) => Number(/#comment-(\d+)/.exec(r.headers)?.[1]);
const rowId = async (text: string) =>
  Number(
    (
      await site.db.kysely
        .selectFrom("comments")
        .select("id")
        .where("body_source", "=", text)
        .executeTakeFirstOrThrow()
    ).id,
  );

test("no email and no plain hash of one in any public answer, POST answer, header or log line", async () => {
  const T = {
    ann1: "Ann writes about the harbour ferries",
    ann2: "Ann adds a second thought on timetables",
    bob1: "Bob replies about the ferry fares",
    bob2: "Bob replies again on night services",
    carol: "Carol waits in the queue about parking",
  };
  assert.equal((await comment(E.ann, T.ann1, { notify: "1" })).status, 303);
  const ann1 = await rowId(T.ann1);
  await setCommentStatus(site.db.kysely, [ann1], "approved", new Date());
  assert.equal((await comment(E.bob, T.bob1, { parent: String(ann1) })).status, 303);
  await setCommentStatus(site.db.kysely, [await rowId(T.bob1)], "approved", new Date());
  const bob2 = await comment(E.bob, T.bob2, { parent: String(ann1) });
  assert.ok(commentId(bob2) > 0, "Bob, approved before, is approved at once (and Ann is notified)");
  assert.ok(commentId(await comment(E.ann, T.ann2)) > 0);
  assert.match((await comment(E.carol, T.carol)).headers, /comment=held/);

  // Refused: bad fields, a token served a moment ago, a duplicate, the per-email limit, a cross-site post.
  assert.equal((await comment(E.dave, "No name given", { name: "" })).status, 422);
  const fresh = (await (await fetch(`${base}/comments/form-token?article=${site.ids.solo}`)).json()) as {
    token: string;
  };
  assert.equal((await comment(E.dave, "Too quick", { token: fresh.token })).status, 400);
  assert.equal((await comment(E.dave, "Said twice")).status, 303);
  assert.equal((await comment(E.dave, "Said twice")).status, 409);
  for (let i = 0; i < 3; i++) assert.equal((await comment(E.fran, `Flood ${i}`)).status, 303);
  assert.equal((await comment(E.fran, "Flood 3")).status, 429);
  assert.equal((await comment(E.honey, "Robot text", { url_confirm: "http://x.test/" })).status, 303);
  assert.equal((await comment(E.cross, "From elsewhere", {}, "https://evil.test")).status, 403);

  // Deletion links: Erin deletes hers; Ann (typed in capitals) only opens hers; an unknown address too.
  assert.equal((await comment(E.erin, "Erin will delete this")).status, 303);
  for (const email of [E.erin, E.ann.toUpperCase(), "nobody@example.org", "not-an-address"])
    await send("/comments/delete-link", { email }, base, email);
  await deleteLinksQueued(); // queued after each answer went out
  const mailer = createMailer({ smtpUrl: sink.url, mailFrom: "Desk <desk@news.test>" });
  assert.ok(mailer);
  await sendDueMail(site.db.kysely, mailer, new Date(Date.now() + 1000), site.app.log);
  mailer.close();
  const link = (to: string) => {
    const m = sink.messages.find((x) => x.to.includes(to.toLowerCase()) && /delete/i.test(x.subject));
    return /\/comments\/delete\?token=[\w-]+/.exec(m?.text ?? "")?.[0] ?? "";
  };
  assert.ok(sink.messages.some((m) => m.to.includes(E.ann.toLowerCase()) && /replied/.test(m.subject)));
  assert.ok(link(E.erin) && link(E.ann), "both deletion links were mailed");
  await get(link(E.ann));
  const erinConfirm = await get(link(E.erin));
  const token = /name="token" value="([\w-]+)"/.exec(erinConfirm.body)?.[1] ?? "";
  assert.match((await send("/comments/delete", { token })).body, /1 comment was deleted/);

  // Error pages and odd requests.
  await send("/articles/999999-gone/comments", { email: E.dave, name: "x", comment: "x" }, base);
  for (const url of ["/no/such/page", "/articles/999999", "/%E0%A4%A", "/comments/form-token?article=x"])
    await get(url);
  await get("/comments/delete?token=bogus");

  const seeds = [
    "/",
    "/sitemap.xml",
    "/feed.xml",
    "/feed.json",
    "/comments/feed.xml",
    "/comments/feed.atom",
    "/comments/feed.json",
    `/comments/form-token?article=${site.ids.solo}`,
    "/search?q=ferry",
    "/search?q=Reader",
    "/comments/delete-link",
    `${path}?comment=held`,
    `${path}?replyto=${ann1}`,
    ...[site.ids.solo, site.ids.bridge].flatMap((id) =>
      ["xml", "atom", "json"].map((f) => `/articles/${id}/comments.${f}`),
    ),
  ];
  const MAX = 3000;
  const crawled = await crawlSite(base, seeds, MAX);
  assert.ok(crawled.length < MAX, "the crawl finished");

  // Controls: the crawl saw the comments, held text stayed private, and the detector does detect.
  const everything = crawled.map((r) => r.body).join("\n");
  for (const t of [T.ann1, T.ann2, T.bob1, T.bob2]) assert.ok(everything.includes(t), `crawl reached "${t}"`);
  assert.ok(crawled.some((r) => r.url.endsWith("/comments/feed.json") && r.body.includes(T.bob2)));
  assert.ok(!everything.includes(T.carol), "a held comment is not public");
  const stored = await site.db.kysely.selectFrom("comments").select("author_email").execute();
  for (const e of [E.ann, E.bob, E.carol, E.dave, E.fran])
    assert.ok(
      stored.some((r) => r.author_email === e.trim().toLowerCase()),
      `${e} is stored`,
    );
  assert.ok(!stored.some((r) => r.author_email === E.erin.toLowerCase()), "Erin's comment was deleted");
  assert.ok(
    logLines.some((l) => l.includes('"mail sent"')),
    "the logs were captured",
  );
  for (const planted of [
    `x ${encodeURIComponent(E.ann)} y`,
    "ann.reader+news&#64;example.org",
    "Bob.O&#x27;Neil&#x40;Mail.Example.net",
    '{"a":"carol.pending\\u0040example.com"}',
  ])
    assert.notDeepEqual(findLeaks(planted, ALL), [], planted);
  const { createHash } = await import("node:crypto");
  assert.notDeepEqual(
    findLeaks(createHash("md5").update(E.ann.toLowerCase()).digest("hex").toUpperCase(), ALL),
    [],
  );
  assert.notDeepEqual(findLeaks(createHash("sha256").update(E.carol.trim()).digest("base64"), ALL), []);

  const problems: string[] = [];
  for (const r of [...crawled, ...answers]) {
    let body = r.body;
    const sender = "sender" in r ? r.sender : undefined;
    if (sender && r.status >= 400 && /id="c-email"/.test(body)) {
      // A refused comment comes back to its writer with their text, address included, never cached.
      assert.match(r.headers, /cache-control: private, no-store/, r.url);
      body = body.replace(/(<input[^>]*id="c-email"[^>]*value=")([^"]*)"/, (_m, head: string, v: string) => {
        assert.equal(
          v.replaceAll("&amp;", "&").replaceAll("&#39;", "'"),
          sender,
          "only the writer's own address",
        );
        return `${head}"`;
      });
    }
    for (const [part, text] of [
      ["body", body],
      ["headers", r.headers],
      ["url", r.url],
    ] as const)
      for (const leak of findLeaks(text, ALL)) problems.push(`${r.url} (${r.status}) ${part}: ${leak}`);
  }
  for (const leak of findLeaks(logLines.join(""), ALL)) problems.push(`logs: ${leak}`);
  assert.deepEqual(problems, []);
  console.log(
    `privacy: ${crawled.length} crawled answers, ${answers.length} POST and error answers, ${logLines.length} log lines, ${sink.messages.length} emails; no leak`,
  );
});
