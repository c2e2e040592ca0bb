/**
 * @module The admin area's request rules as pure functions: which `next` paths a sign-in may return
 * to, whether a POST comes from this site, which roles may use a page, and the headers every admin
 * response carries.
 */
import type { UserRole } from "../../storage/schema.ts";

/** Sent on every admin response: never framed, never indexed, no referrer leaves the site. */
export const ADMIN_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  "x-frame-options": "DENY",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

/**
 * `next` when it is a path on this site, else null. "//evil.test", "/\\evil.test", "https://..." and
 * anything with control characters would leave the site (browsers read "/\\" as "//"), so they are refused.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  const base = "http://same.invalid";
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

/**
 * Whether a form POST comes from one of `ownOrigins` (scheme://host[:port]). Browsers send
 * Sec-Fetch-Site and Origin with POSTs; a request with neither (a script, an old browser) is let
 * through here, since the per-session token still has to match.
 */
export function isSameOrigin(
  headers: { origin?: string | string[] | undefined; "sec-fetch-site"?: string | string[] | undefined },
  ownOrigins: readonly string[],
): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  const given = typeof origin === "string" ? normalizedOrigin(origin) : null;
  return given !== null && ownOrigins.some((o) => normalizedOrigin(o) === given);
}

/** scheme://host[:port] as browsers send it (default port dropped, host lower-cased); null if unreadable. */
function normalizedOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether an account with `role` may use a page meant for `needed`: admins may use everything. */
export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return role === "admin" || role === needed;
}
