/** @module Last-Modified and If-Modified-Since for feeds and sitemaps: a 304 costs no document build. */
import type { FastifyReply, FastifyRequest } from "fastify";

/** HTTP dates have whole seconds; an ISO time is compared at that precision. */
function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Sends `build()` with Last-Modified set from `lastModifiedIso` (the newest item), or 304 when the
 * client's If-Modified-Since is at or after it. A request with If-None-Match is left to the ETag
 * check (RFC 9110 section 13.1.3: If-None-Match takes precedence), so this never answers it with 304.
 */
export function sendConditional(
  req: FastifyRequest,
  reply: FastifyReply,
  options: { lastModifiedIso: string; contentType: string; maxAgeSeconds: number },
  build: () => string,
): FastifyReply {
  const ms = Date.parse(options.lastModifiedIso);
  const lastModified = Number.isNaN(ms) ? 0 : ms;
  reply
    .header("last-modified", new Date(toSeconds(lastModified) * 1000).toUTCString())
    .header("cache-control", `public, max-age=${options.maxAgeSeconds}`)
    // Feeds hold untrusted text: a browser must never sniff one as HTML.
    .header("x-content-type-options", "nosniff");
  const since = req.headers["if-modified-since"];
  if (since && req.headers["if-none-match"] === undefined) {
    const sinceMs = Date.parse(since);
    if (!Number.isNaN(sinceMs) && toSeconds(lastModified) <= toSeconds(sinceMs)) {
      return reply.code(304).send();
    }
  }
  return reply.type(options.contentType).send(build());
}
