/**
 * @module GET/POST /admin/sign-in and POST /admin/sign-out. A wrong password, an unknown email and a
 * locked account get the same answer after the same argon2 work, so the form reveals no account.
 */
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { signinFormToken } from "../../accounts/csrf.ts";
import { normalizeEmail } from "../../accounts/identity.ts";
import { afterFailedSignin, isLocked } from "../../accounts/lockout.ts";
import { dummyPasswordHash, PASSWORD_MAX_CHARS, verifyPassword } from "../../accounts/passwords.ts";
import { newSessionToken } from "../../accounts/session-token.ts";
import { takeRateToken } from "../../storage/rate-events.ts";
import type { User } from "../../storage/schema.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { createSession, deleteSession } from "../../storage/sessions.ts";
import {
  findUserByEmail,
  findUserById,
  recordFailedSignin,
  recordSuccessfulSignin,
} from "../../storage/users.ts";
import { clientKey } from "../../util/client-key.ts";
import type { WebContext } from "../context.ts";
import { sendAdminMessage, sendAdminPage } from "./respond.tsx";
import { safeNextPath } from "./security.ts";
import { cookieOptions, SESSION_COOKIE, setSessionCookie } from "./session.ts";
import { SignInPage } from "./sign-in-page.tsx";

/** The pre-sign-in cookie the sign-in form's token is bound to (login CSRF). */
export const SIGNIN_COOKIE = "newsdesk_signin";
/** Sign-in attempts per client address: enough for a newsroom behind one NAT, too few to guess. */
export const SIGNIN_RATE = { bucket: "signin-ip", limit: 20, windowMs: 10 * 60_000 } as const;
export const SIGNIN_FAILED =
  "The email or password is wrong, or the account is locked for a while after too many wrong passwords. Check them and try again later.";

const signInForm = z.object({
  email: z.string().max(1000).default(""),
  password: z
    .string()
    .max(PASSWORD_MAX_CHARS * 4)
    .default(""),
  next: z.string().optional(),
});

function signinCookieOptions(ctx: WebContext, req: FastifyRequest) {
  // Strict and scoped to the form: it is only needed when the form is posted from this site.
  return { ...cookieOptions(ctx, req), sameSite: "strict" as const, path: "/admin/sign-in" };
}

async function renderForm(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  form: { next: string | null; email: string; error?: string; notice?: string },
  status = 200,
) {
  let nonce = req.cookies[SIGNIN_COOKIE];
  if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
    nonce = randomBytes(16).toString("base64url");
    reply.setCookie(SIGNIN_COOKIE, nonce, { ...signinCookieOptions(ctx, req), maxAge: 3600 });
  }
  const csrf = signinFormToken(await siteSecret(ctx.db, ctx.config), nonce);
  return sendAdminPage(ctx, req, reply, "Sign in", <SignInPage csrf={csrf} {...form} />, status);
}

/** GET /admin/sign-in: the form, or straight on when already signed in. */
export async function showSignIn(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const query = req.query as Record<string, unknown>;
  const next = safeNextPath(query.next);
  if (req.adminSession) return reply.redirect(next ?? "/admin", 303);
  const notice = query.signed_out === "1" ? "You have signed out." : undefined;
  return renderForm(ctx, req, reply, { next, email: "", notice });
}

/**
 * Counts a wrong password against the account, re-reading the row if a concurrent attempt counted
 * first; true when this one locked it.
 */
async function countFailure(ctx: WebContext, user: User, now: Date): Promise<boolean> {
  const policy = { maxFailures: ctx.config.signinMaxFailures, lockMinutes: ctx.config.signinLockMinutes };
  let current: User | undefined = user;
  for (let i = 0; i < 5 && current && !isLocked(current.locked_until, now); i++) {
    const outcome = afterFailedSignin(current.failed_signins, policy, now);
    if (await recordFailedSignin(ctx.db, current.id, current.failed_signins, outcome))
      return outcome.lockedUntil !== null;
    current = await findUserById(ctx.db, current.id);
  }
  return false;
}

/** POST /admin/sign-in (the CSRF check has passed). */
export async function signIn(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const now = new Date();
  const rate = await takeRateToken(ctx.db, { ...SIGNIN_RATE, key: clientKey(req.ip) }, now);
  if (!rate.allowed) {
    reply.header("retry-after", String(rate.retryAfterSeconds));
    return sendAdminMessage(ctx, req, reply, 429, {
      title: "Too many sign-in attempts",
      message: `Too many sign-in attempts came from your network. Please wait ${Math.ceil(rate.retryAfterSeconds / 60)} minutes, then try again.`,
      link: null,
    });
  }
  const parsed = signInForm.safeParse(req.body ?? {});
  const next = parsed.success ? safeNextPath(parsed.data.next) : null;
  if (!parsed.success || parsed.data.email === "" || parsed.data.password === "") {
    const email = parsed.success ? parsed.data.email : "";
    return renderForm(ctx, req, reply, { next, email, error: "Enter your email and your password." }, 400);
  }
  const { email, password } = parsed.data;
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  const locked = user ? isLocked(user.locked_until, now) : false;
  // The same argon2 work whether or not the account exists or is locked.
  const matches = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || locked || !matches) {
    const lockedNow = user && !locked ? await countFailure(ctx, user, now) : false;
    // The account's id, never the email typed: logs must not hold addresses (or guesses at them).
    req.log.info({ user_id: user?.id ?? null, ip: req.ip, locked, locked_now: lockedNow }, "sign-in refused");
    return renderForm(ctx, req, reply, { next, email, error: SIGNIN_FAILED }, 401);
  }
  await recordSuccessfulSignin(ctx.db, user.id, now);
  const { token, tokenHash } = newSessionToken();
  const expiresAt = await createSession(
    ctx.db,
    { tokenHash, userId: user.id, ip: req.ip, userAgent: req.headers["user-agent"] ?? null },
    now,
    ctx.config.sessionDays,
  );
  setSessionCookie(ctx, req, reply, token, expiresAt);
  reply.clearCookie(SIGNIN_COOKIE, signinCookieOptions(ctx, req));
  req.log.info({ user_id: user.id, ip: req.ip }, "signed in");
  return reply.redirect(next ?? "/admin", 303);
}

/** POST /admin/sign-out (the CSRF check has passed): ends this session only. */
export async function signOut(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  if (req.adminSession) await deleteSession(ctx.db, req.adminSession.tokenHash);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx, req));
  return reply.redirect("/admin/sign-in?signed_out=1", 303);
}
