/**
 * @module The CSRF check every admin POST passes before its handler: the request must come from this
 * site (Sec-Fetch-Site / Origin) and carry the right `_csrf` field: the session's token, or on the
 * sign-in form the token bound to its pre-sign-in cookie.
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { csrfTokenMatches, signinFormTokenMatches } from "../../accounts/csrf.ts";
import { siteSecret } from "../../storage/secrets.ts";
import type { WebContext } from "../context.ts";
import { sendAdminMessage } from "./respond.tsx";
import { isSameOrigin } from "./security.ts";
import { SIGNIN_COOKIE } from "./sign-in.tsx";

/** This site's origins: as the request reached us, and the configured public address. */
function ownOrigins(ctx: WebContext, req: FastifyRequest): string[] {
  const origins = [`${req.protocol}://${req.host}`];
  if (ctx.config.publicUrl) origins.push(new URL(ctx.config.publicUrl).origin);
  return origins;
}

function formField(req: FastifyRequest, name: string): unknown {
  const body = req.body;
  return body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
}

/** preHandler for the admin plugin: runs on POSTs only, after the session has been loaded. */
export function checkCsrf(ctx: WebContext): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    if (req.method !== "POST") return;
    const refuse = (message: string) =>
      sendAdminMessage(ctx, req, reply, 403, {
        title: "Form refused",
        message,
        link: { href: req.adminSession ? "/admin" : "/admin/sign-in", label: "Back to the admin area" },
      });
    if (!isSameOrigin(req.headers, ownOrigins(ctx, req))) {
      await refuse(
        "This form was sent from another site, so it was not accepted. If you meant to do this, open the admin area yourself and send the form from there.",
      );
      return;
    }
    const secret = await siteSecret(ctx.db, ctx.config);
    const given = formField(req, "_csrf");
    if (req.routeOptions.url === "/admin/sign-in") {
      if (!signinFormTokenMatches(secret, req.cookies[SIGNIN_COOKIE] ?? "", given))
        await refuse(
          "The sign-in form has expired or your browser did not send its cookie. Reload the sign-in page (cookies must be allowed for this site) and try again.",
        );
      return;
    }
    if (!req.adminSession) {
      // Signing out without a session has nothing to do; anything else needs one.
      if (req.routeOptions.url === "/admin/sign-out") await reply.redirect("/admin/sign-in", 303);
      else
        await refuse(
          "You are not signed in, or your session has ended. Sign in again, then repeat what you were doing.",
        );
      return;
    }
    if (!csrfTokenMatches(secret, req.adminSession.tokenHash, given))
      await refuse(
        "The form's security token is missing or out of date (perhaps you signed in again in another tab). Reload the page and send the form again.",
      );
  };
}
