/**
 * @module The admin area as one Fastify plugin: sign-in and sign-out, then every page of
 * admin-pages.ts behind `requireUser(role)`. Every response is private and uncached, never framed or
 * indexed; every POST passes the CSRF check. Register it inside the site's plugin so compression applies.
 */
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance } from "fastify";
import type { WebContext } from "../context.ts";
import { uncacheable } from "../page-cache.ts";
import { adminPages } from "./admin-pages.ts";
import { checkCsrf } from "./csrf-check.ts";
import { ADMIN_HEADERS } from "./security.ts";
import { loadAdminSession, requireUser } from "./session.ts";
import { showSignIn, signIn, signOut } from "./sign-in.tsx";

/** Admin forms are small; this bounds what an anonymous client can make the server parse. */
const ADMIN_BODY_LIMIT = 256 * 1024;

/** The admin plugin: `site.register(adminRoutes(ctx))`. */
export function adminRoutes(ctx: WebContext) {
  return async function admin(app: FastifyInstance): Promise<void> {
    // Scoped to this plugin; a sibling plugin (comments) may register its own.
    if (!app.hasReplyDecorator("setCookie")) await app.register(cookie);
    if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) await app.register(formbody);
    app.decorateRequest("adminSession", null);

    app.addHook("onRequest", async (_req, reply) => {
      uncacheable(reply).headers(ADMIN_HEADERS);
    });
    app.addHook("preHandler", loadAdminSession(ctx));
    app.addHook("preHandler", checkCsrf(ctx));

    app.get("/admin/sign-in", (req, reply) => showSignIn(ctx, req, reply));
    app.post("/admin/sign-in", { bodyLimit: ADMIN_BODY_LIMIT }, (req, reply) => signIn(ctx, req, reply));
    app.post("/admin/sign-out", { bodyLimit: ADMIN_BODY_LIMIT }, (req, reply) => signOut(ctx, req, reply));
    for (const page of adminPages) {
      app.route({
        method: page.method,
        url: page.url,
        bodyLimit: ADMIN_BODY_LIMIT,
        preHandler: requireUser(ctx, page.role),
        handler: (req, reply) => page.handler(ctx, req, reply),
      });
    }
  };
}
