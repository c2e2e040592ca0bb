/** @module Test support: an account created through storage and signed in through the real form, for inject() tests. */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { hashPassword } from "../../src/accounts/passwords.ts";
import type { Database, UserRole } from "../../src/storage/schema.ts";
import { createUser } from "../../src/storage/users.ts";
import type { buildApp } from "../../src/web/app.tsx";

type App = ReturnType<typeof buildApp>;

/** Headers a browser sends with a same-origin form POST to the app under inject(). */
export const SAME_ORIGIN = {
  "content-type": "application/x-www-form-urlencoded",
  origin: "http://localhost:80",
  "sec-fetch-site": "same-origin",
} as const;

export interface AdminSessionHeaders {
  /** The `cookie` header carrying the session. */
  cookie: string;
  /** The session's `_csrf` for forms. */
  csrf: string;
}

/** Creates an account with `role` and signs it in through /admin/sign-in; returns its cookie and CSRF token. */
export async function signedInAccount(
  app: App,
  db: Kysely<Database>,
  who: { email: string; name: string; role: UserRole },
  password = "a long enough passphrase",
): Promise<AdminSessionHeaders> {
  await createUser(db, { ...who, passwordHash: await hashPassword(password) }, new Date());
  const form = await app.inject("/admin/sign-in");
  const signin = form.cookies.find((c) => c.name === "newsdesk_signin");
  const formCsrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(signin && formCsrf, "the sign-in form brings a cookie and a token");
  const res = await app.inject({
    method: "POST",
    url: "/admin/sign-in",
    headers: { ...SAME_ORIGIN, cookie: `newsdesk_signin=${signin.value}` },
    payload: new URLSearchParams({ _csrf: formCsrf, email: who.email, password }).toString(),
  });
  assert.equal(res.statusCode, 303, res.body);
  const session = res.cookies.find((c) => c.name === "newsdesk_session");
  assert.ok(session, "signed in");
  const cookie = `newsdesk_session=${session.value}`;
  const page = await app.inject({ url: "/admin", headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf, "the dashboard carries the session's token");
  return { cookie, csrf };
}
