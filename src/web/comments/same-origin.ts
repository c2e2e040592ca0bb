/**
 * @module The public forms' CSRF defence: they sit on cached pages (no per-visitor token), so a POST
 * must come from this site. Browsers say where a request came from in Sec-Fetch-Site and Origin,
 * which scripts on other sites cannot forge.
 */
import type { FastifyRequest } from "fastify";

/**
 * True unless the browser says the POST came from another site. Sec-Fetch-Site, when sent, must be
 * "same-origin"; otherwise Origin, when sent, must be this site's (NEWSDESK_PUBLIC_URL's, or the
 * request's own scheme and Host). A request with neither header is no browser's cross-site form
 * (every current browser sends Origin on POST), so it is allowed: a script that can post without a
 * browser needs no CSRF to do it.
 */
export function isSameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") return site === "same-origin";
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === "null") return false;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = req.headers.host;
  if (host) allowed.add(`${req.protocol}://${host}`.toLowerCase());
  return allowed.has(String(origin).toLowerCase());
}
