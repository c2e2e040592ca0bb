/**
 * @module The admin area through Fastify's inject() over a real SQLite database: sign-in, cookies,
 * lockout, rate limit, CSRF, sign-out, expiry, roles, redirects, headers, and logs without secrets.
 */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { pino } from "pino";
import { sqliteTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { hashPassword } from "../../accounts/passwords.ts";
import { loadConfig } from "../../config/config.ts";
import { type Db, openDb } from "../../storage/db.ts";
import { migrateToLatest } from "../../storage/migrate.ts";
import { recordRateEvent } from "../../storage/rate-events.ts";
import { createUser } from "../../storage/users.ts";
import { buildApp } from "../app.tsx";
import { adminPages } from "./admin-pages.ts";
import { sendAdminPage } from "./respond.tsx";
import { SIGNIN_FAILED } from "./sign-in.tsx";

const PASSWORD = "a long enough passphrase";
const MOD = { email: "mod.person@example.test", name: "Mo Derator" };
const ADMIN = { email: "the.admin@example.test", name: "Ada Min" };

// A page only administrators may open, to check requireUser's role check (this test file's own process).
adminPages.push({
  method: "GET",
  url: "/admin/test-admins-only",
  role: "admin",
  handler: (ctx, req, reply) => sendAdminPage(ctx, req, reply, "Admins", <h1>Admins only</h1>),
});

interface Harness {
  app: ReturnType<typeof buildApp>;
  db: Db;
  logs: string[];
  close(): Promise<void>;
}

async function harness(env: Record<string, string> = {}): Promise<Harness> {
  const tdb: TestDatabase = sqliteTestDatabase();
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  const hash = await hashPassword(PASSWORD);
  await createUser(db.kysely, { ...MOD, passwordHash: hash, role: "moderator" }, new Date());
  await createUser(db.kysely, { ...ADMIN, passwordHash: hash, role: "admin" }, new Date());
  const config = loadConfig({ NEWSDESK_SIGNIN_MAX_FAILURES: "3", ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: "trace", base: undefined }, sink);
  const app = buildApp({ db: db.kysely, config, log });
  return {
    app,
    db,
    logs,
    close: async () => {
      await app.close();
      await db.close();
      await tdb.drop();
    },
  };
}

/** The sign-in form's cookie and `_csrf`, as a browser gets them. */
async function signInForm(h: Harness, path = "/admin/sign-in") {
  const res = await h.app.inject(path);
  assert.equal(res.statusCode, 200);
  const cookie = res.cookies.find((c) => c.name === "newsdesk_signin");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  assert.ok(cookie && csrf, "the form brings a cookie and a token");
  return { cookie: `newsdesk_signin=${cookie.value}`, csrf, html: res.body };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function postSignIn(
  h: Harness,
  fields: Record<string, string>,
  extra: { headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  const f = await signInForm(h);
  return h.app.inject({
    method: "POST",
    url: "/admin/sign-in",
    remoteAddress: extra.remoteAddress ?? "192.0.2.1",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: f.cookie,
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
      ...extra.headers,
    },
    payload: form({ _csrf: f.csrf, ...fields }),
  });
}

/** Signs in and returns the session cookie header and the session's `_csrf` from the dashboard. */
async function signIn(h: Harness, who = MOD, remoteAddress?: string) {
  const res = await postSignIn(h, { email: who.email, password: PASSWORD }, { remoteAddress });
  assert.equal(res.statusCode, 303, res.body);
  const session = res.cookies.find((c) => c.name === "newsdesk_session");
  assert.ok(session);
  const cookie = `newsdesk_session=${session.value}`;
  const page = await h.app.inject({ url: "/admin", headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  return { cookie, csrf, res };
}

describe("the admin area", () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(async () => {
    await h?.close();
  });

  test("anonymous: /admin redirects to sign in and back; admin answers are private, unframed, unindexed", async () => {
    const res = await h.app.inject("/admin");
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/admin/sign-in?next=%2Fadmin");
    assert.equal(res.headers["cache-control"], "private, no-store");
    const page = await h.app.inject("/admin/sign-in?next=%2Fadmin");
    assert.equal(page.headers["cache-control"], "private, no-store");
    assert.equal(page.headers["x-frame-options"], "DENY");
    assert.match(String(page.headers["content-security-policy"]), /frame-ancestors 'none'/);
    assert.match(String(page.headers["x-robots-tag"]), /noindex/);
    assert.match(page.body, /<meta name="robots" content="noindex"\/>/);
    assert.equal(page.body.match(/<h1[ >]/g)?.length, 1);
    assert.match(page.body, /<label for="sign-in-email">Email<\/label>/);
    assert.match(page.body, /<input id="sign-in-email" type="email" name="email"/);
    assert.match(page.body, /<label for="sign-in-password">Password<\/label>/);
    assert.match(page.body, /<input type="hidden" name="next" value="\/admin"\/>/);
    const signin = page.cookies.find((c) => c.name === "newsdesk_signin");
    assert.equal(signin?.sameSite, "Strict");
    assert.equal(signin?.httpOnly, true);
    // Responses go through the site's compression.
    const br = await h.app.inject({ url: "/admin/sign-in", headers: { "accept-encoding": "br" } });
    assert.equal(br.headers["content-encoding"], "br");
  });

  test("signing in sets an HttpOnly, SameSite=Lax, Path=/ cookie (not Secure over http) and opens the dashboard", async () => {
    const { cookie, csrf, res } = await signIn(h);
    assert.equal(res.headers.location, "/admin");
    const raw = ([] as string[])
      .concat(res.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("newsdesk_session="));
    assert.match(
      raw ?? "",
      /^newsdesk_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    const page = await h.app.inject({ url: "/admin", headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers["cache-control"], "private, no-store");
    assert.match(page.body, /Signed in as Mo Derator \(moderator\)/);
    assert.match(page.body, /<nav aria-label="Admin">/);
    assert.equal(page.body.match(/<h1[ >]/g)?.length, 1);
    assert.match(csrf, /^[0-9a-f]{64}$/);
    const rows = await h.db.kysely.selectFrom("sessions").selectAll().execute();
    assert.ok(
      rows.every((r) => !cookie.includes(r.token_hash)),
      "the cookie's token is not what is stored",
    );
    // Already signed in: the form sends you on.
    const again = await h.app.inject({ url: "/admin/sign-in?next=%2Fadmin%3Fx%3D1", headers: { cookie } });
    assert.equal(again.headers.location, "/admin?x=1");
  });

  test("a wrong password, an unknown email and a locked account get the same answer", async () => {
    const wrong = await postSignIn(h, { email: ADMIN.email, password: "not the password" });
    const unknown = await postSignIn(h, { email: "nobody@example.test", password: PASSWORD });
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.ok(res.body.includes(SIGNIN_FAILED.replace(/'/g, "&#39;")) || res.body.includes(SIGNIN_FAILED));
      assert.ok(!res.cookies.some((c) => c.name === "newsdesk_session"));
    }
    assert.match(wrong.body, /role="alert"/);
    const missing = await postSignIn(h, { email: ADMIN.email, password: "" });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Enter your email and your password/);
  });

  test("after N wrong passwords in a row the account is locked, even to the right one, until the lock ends", async () => {
    const who = { email: ADMIN.email.toUpperCase(), name: ADMIN.name };
    // One wrong already (previous test); two more make three.
    for (let i = 0; i < 2; i++)
      assert.equal((await postSignIn(h, { email: who.email, password: `wrong ${i}` })).statusCode, 401);
    let row = await h.db.kysely
      .selectFrom("users")
      .selectAll()
      .where("email", "=", ADMIN.email)
      .executeTakeFirstOrThrow();
    assert.ok(
      row.locked_until && Date.parse(row.locked_until) > Date.now() + 14 * 60_000,
      "locked 15 minutes",
    );
    const locked = await postSignIn(h, { email: who.email, password: PASSWORD });
    assert.equal(locked.statusCode, 401);
    const wrongAnswer = await postSignIn(h, { email: who.email, password: "still wrong" });
    assert.equal(
      locked.body.replace(/value="[^"]*"/g, ""),
      wrongAnswer.body.replace(/value="[^"]*"/g, ""),
      "a locked account reads exactly like a wrong password",
    );
    await h.db.kysely
      .updateTable("users")
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", ADMIN.email)
      .execute();
    const { res } = await signIn(h, who);
    assert.equal(res.statusCode, 303);
    row = await h.db.kysely
      .selectFrom("users")
      .selectAll()
      .where("email", "=", ADMIN.email)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.failed_signins, row.locked_until], [0, null]);
    assert.ok(row.last_signin_at);
  });

  test("too many attempts from one address: 429 with Retry-After and a clear page", async () => {
    const now = new Date();
    for (let i = 0; i < 20; i++) await recordRateEvent(h.db.kysely, "signin-ip", "198.51.100.7", now);
    const res = await postSignIn(
      h,
      { email: MOD.email, password: PASSWORD },
      { remoteAddress: "198.51.100.7" },
    );
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers["retry-after"]) > 500);
    assert.match(res.body, /<h1>Too many sign-in attempts<\/h1>/);
    assert.match(res.body, /wait 10 minutes/);
    assert.equal(res.headers["cache-control"], "private, no-store");
    const other = await postSignIn(
      h,
      { email: MOD.email, password: PASSWORD },
      { remoteAddress: "198.51.100.8" },
    );
    assert.equal(other.statusCode, 303, "other addresses are not affected");
  });

  test("CSRF: POSTs without the token, with another session's, or from another site are refused", async () => {
    const { cookie, csrf } = await signIn(h);
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      h.app.inject({
        method: "POST",
        url: "/admin/sign-out",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
        payload: form(fields),
      });
    const none = await post({});
    assert.equal(none.statusCode, 403);
    assert.match(none.body, /security token is missing or out of date/);
    const other = await signIn(h, ADMIN);
    assert.equal((await post({ _csrf: other.csrf })).statusCode, 403);
    const crossOrigin = await post({ _csrf: csrf }, { origin: "https://evil.test" });
    assert.equal(crossOrigin.statusCode, 403);
    assert.match(crossOrigin.body, /sent from another site/);
    assert.equal((await post({ _csrf: csrf }, { "sec-fetch-site": "cross-site" })).statusCode, 403);
    assert.ok(
      (await h.app.inject({ url: "/admin", headers: { cookie } })).statusCode === 200,
      "still signed in",
    );

    // The sign-in form: its token must match the browser's own pre-sign-in cookie.
    const f = await signInForm(h);
    const forged = await h.app.inject({
      method: "POST",
      url: "/admin/sign-in",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: form({ _csrf: f.csrf, email: MOD.email, password: PASSWORD }),
    });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /sign-in form has expired/);
    const crossSignIn = await postSignIn(
      h,
      { email: MOD.email, password: PASSWORD },
      { headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" } },
    );
    assert.equal(crossSignIn.statusCode, 403);
  });

  test("signing out deletes the session row and the cookie; the old cookie no longer works", async () => {
    const { cookie, csrf } = await signIn(h);
    const count = async () =>
      Number(
        (
          await h.db.kysely
            .selectFrom("sessions")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await h.app.inject({
      method: "POST",
      url: "/admin/sign-out",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        "sec-fetch-site": "same-origin",
      },
      payload: form({ _csrf: csrf }),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/admin/sign-in?signed_out=1");
    assert.equal(await count(), before - 1);
    const cleared = res.cookies.find((c) => c.name === "newsdesk_session");
    assert.equal(cleared?.value, "");
    const after = await h.app.inject({ url: "/admin", headers: { cookie } });
    assert.equal(after.statusCode, 303);
  });

  test("an expired session signs no one in and its cookie is cleared", async () => {
    const { cookie } = await signIn(h);
    await h.db.kysely
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1).toISOString() })
      .execute();
    const res = await h.app.inject({ url: "/admin", headers: { cookie } });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/sign-in/);
    assert.equal(res.cookies.find((c) => c.name === "newsdesk_session")?.value, "");
    const anonPost = await h.app.inject({
      method: "POST",
      url: "/admin/test-admins-only",
      headers: { cookie },
    });
    assert.equal(anonPost.statusCode, 404, "no such POST route");
  });

  test("`next` returns only to paths on this site", async () => {
    const f = await signInForm(h, "/admin/sign-in?next=%2F%2Fevil.test");
    assert.doesNotMatch(f.html, /name="next"/);
    for (const [next, location] of [
      ["//evil.test", "/admin"],
      ["/\\evil.test", "/admin"],
      ["https://evil.test/", "/admin"],
      ["/admin?page=2", "/admin?page=2"],
    ]) {
      const res = await postSignIn(h, { email: MOD.email, password: PASSWORD, next: next! });
      assert.equal(res.headers.location, location, next);
    }
  });

  test("roles: a moderator gets a clear 403 on an admins-only page; an admin opens it", async () => {
    const mod = await signIn(h);
    const refused = await h.app.inject({ url: "/admin/test-admins-only", headers: { cookie: mod.cookie } });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /This page is for administrators; your account is a moderator/);
    assert.doesNotMatch(
      (await h.app.inject({ url: "/admin", headers: { cookie: mod.cookie } })).body,
      /test-admins-only/,
      "the nav offers a moderator only what a moderator may open",
    );
    const admin = await signIn(h, ADMIN);
    const ok = await h.app.inject({ url: "/admin/test-admins-only", headers: { cookie: admin.cookie } });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Admins only/);
  });

  test("the logs never hold an email or a password typed into the form", async () => {
    const lines = h.logs.join("");
    assert.match(lines, /sign-in refused/, "the refusals were logged");
    assert.match(lines, /signed in/);
    for (const secret of [
      PASSWORD,
      "not the password",
      MOD.email,
      ADMIN.email,
      "nobody@example.test",
      "example.test",
    ])
      assert.ok(!lines.toLowerCase().includes(secret.toLowerCase()), `log holds ${secret}`);
  });
});

describe("the session cookie behind a proxy", () => {
  test("Secure when a trusted proxy says https; an untrusted X-Forwarded-Proto is ignored", async () => {
    for (const [trust, secure] of [
      ["127.0.0.1", true],
      ["", false],
    ] as const) {
      const h = await harness({ NEWSDESK_TRUST_PROXY: trust });
      try {
        const f = await signInForm(h);
        const res = await h.app.inject({
          method: "POST",
          url: "/admin/sign-in",
          remoteAddress: "127.0.0.1",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie: f.cookie,
            "x-forwarded-proto": "https",
            "x-forwarded-for": "203.0.113.9",
          },
          payload: form({ _csrf: f.csrf, email: MOD.email, password: PASSWORD }),
        });
        assert.equal(res.statusCode, 303, res.body);
        assert.equal(res.cookies.find((c) => c.name === "newsdesk_session")?.secure ?? false, secure);
        const row = await h.db.kysely.selectFrom("sessions").select("ip").executeTakeFirstOrThrow();
        assert.equal(row.ip, trust ? "203.0.113.9" : "127.0.0.1");
      } finally {
        await h.close();
      }
    }
  });

  test("Secure whenever the public address is https", async () => {
    const h = await harness({ NEWSDESK_PUBLIC_URL: "https://news.example.org" });
    try {
      const res = await postSignIn(
        h,
        { email: MOD.email, password: PASSWORD },
        { headers: { origin: "https://news.example.org" } },
      );
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.cookies.find((c) => c.name === "newsdesk_session")?.secure, true);
    } finally {
      await h.close();
    }
  });
});
