/**
 * @module Who is signed in: the session cookie, loading the session for each admin request, and
 * `requireUser(role)`, the preHandler that admits only signed-in accounts with the right role.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { csrfToken } from "../../accounts/csrf.ts";
import { hashSessionToken, isSessionTokenShape } from "../../accounts/session-token.ts";
import type { User, UserRole } from "../../storage/schema.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { findActiveSession } from "../../storage/sessions.ts";
import type { WebContext } from "../context.ts";
import { cookieOptions } from "../cookies.ts";
import { sendAdminMessage } from "./respond.tsx";
import { roleAllows } from "./security.ts";

export const SESSION_COOKIE = "newsdesk_session";
export { cookieOptions };

/** The signed-in account of an admin request. */
export interface AdminSession {
  user: User;
  /** SHA-256 of the cookie's token: the sessions row's key. */
  tokenHash: string;
  /** This session's CSRF token, for every form's `_csrf` field (`<CsrfField token={...} />`). */
  csrf: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the admin plugin before any handler runs; null when no one is signed in. */
    adminSession: AdminSession | null;
  }
}

/** Sets the session cookie to expire with the session row. */
export function setSessionCookie(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(ctx, req), expires: new Date(expiresAt) });
}

/**
 * preHandler for every admin route: finds the session named by the cookie. The cookie's token is
 * renewed with the session's sliding expiry; a cookie naming no live session is cleared.
 */
export function loadAdminSession(ctx: WebContext): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    req.adminSession = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token === undefined) return;
    const found = isSessionTokenShape(token)
      ? await findActiveSession(ctx.db, hashSessionToken(token), new Date(), ctx.config.sessionDays)
      : null;
    if (!found) {
      reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx, req));
      return;
    }
    if (found.renewed) setSessionCookie(ctx, req, reply, token, found.expiresAt);
    const secret = await siteSecret(ctx.db, ctx.config);
    req.adminSession = {
      user: found.user,
      tokenHash: found.tokenHash,
      csrf: csrfToken(secret, found.tokenHash),
    };
  };
}

/** The sign-in page's address that returns to `path` afterwards. */
export function signInPath(path: string): string {
  return `/admin/sign-in?next=${encodeURIComponent(path)}`;
}

/**
 * A preHandler admitting only signed-in accounts allowed `role` ("moderator" admits admins too; no
 * role: any account). An anonymous GET is sent to sign in and brought back; anything else gets a 403 page.
 */
export function requireUser(ctx: WebContext, role?: UserRole): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    const session = req.adminSession;
    if (!session) {
      if (req.method === "GET" || req.method === "HEAD") {
        await reply.redirect(signInPath(req.url), 303);
        return;
      }
      await sendAdminMessage(ctx, req, reply, 403, {
        title: "Signed out",
        message:
          "You are not signed in, or your session has ended. Sign in again, then repeat what you were doing.",
        link: { href: "/admin/sign-in", label: "Sign in" },
      });
      return;
    }
    if (role && !roleAllows(session.user.role, role)) {
      await sendAdminMessage(ctx, req, reply, 403, {
        title: "Not allowed",
        message: `This page is for ${role === "admin" ? "administrators" : "moderators"}; your account is a ${session.user.role}. Ask an administrator if you need it.`,
        link: { href: "/admin", label: "Back to the admin area" },
      });
    }
  };
}

/** The signed-in account of a request that passed `requireUser` (a programming error otherwise). */
export function signedIn(req: FastifyRequest): AdminSession {
  if (!req.adminSession) throw new Error("admin: signedIn() on a route without requireUser()");
  return req.adminSession;
}
