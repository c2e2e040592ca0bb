/** @module The one set of cookie attributes every cookie the site sets shares. */
import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyRequest } from "fastify";
import type { WebContext } from "./context.ts";

/** HttpOnly, SameSite=Lax, Path=/; Secure when this request is HTTPS or the site's public address is. */
export function cookieOptions(ctx: WebContext, req: FastifyRequest): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: req.protocol === "https" || ctx.config.publicUrl.startsWith("https:"),
  };
}
