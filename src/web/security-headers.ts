/**
 * @module The headers every public response carries. Pages show third-party HTML (sanitized article
 * bodies, comments), so even if a sanitizer let something through, the browser is told: our own
 * scripts only (served from this origin: no inline script, no eval), no plugins, no <base> rewrites,
 * never framed, no MIME sniffing, no full referrer to other sites, no powerful browser features.
 * Article images stay hotlinked from wherever the publisher serves them. The admin area sends
 * stricter headers of its own (admin/security.ts).
 */
import type { Config } from "../config/config.ts";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Our scripts are files from this origin; JSON-LD data blocks are not executed, so need no hash.
  "script-src 'self'",
  "style-src 'self'",
  // Lead images and images in article bodies come from the publishers' own servers.
  "img-src * data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** What the pages never use; an embedded frame or a compromised script gets none of it either. */
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "interest-cohort=()",
].join(", ");

/** A year, the usual HSTS max-age; sent only when the site's public URL is https. */
const HSTS_MAX_AGE = 31_536_000;

export function securityHeaders(config: Pick<Config, "publicUrl">): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
  };
  if (/^https:\/\//i.test(config.publicUrl ?? ""))
    headers["strict-transport-security"] = `max-age=${HSTS_MAX_AGE}`;
  return headers;
}
