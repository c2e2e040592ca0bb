/**
 * @module CSRF tokens for the admin forms: an HMAC of the session's token hash under the site secret,
 * so each session has its own token, nothing extra is stored, and signing out voids it. The sign-in
 * form, shown before there is a session, binds its token to a short-lived random cookie instead.
 */
import { timingSafeEqual } from "node:crypto";
import { keyedHash } from "../util/keyed-hash.ts";

function sameText(wanted: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(wanted);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `_csrf` value for forms of the session whose token hashes to `sessionTokenHash`. */
export function csrfToken(secret: string, sessionTokenHash: string): string {
  return keyedHash(secret, "csrf", sessionTokenHash);
}

/** Whether a submitted `_csrf` is the session's token, compared in constant time. */
export function csrfTokenMatches(secret: string, sessionTokenHash: string, given: unknown): boolean {
  return sameText(csrfToken(secret, sessionTokenHash), given);
}

/**
 * The sign-in form's `_csrf`, bound to the random value of its pre-sign-in cookie, so another site
 * cannot sign a browser into an account of the attacker's choosing (login CSRF).
 */
export function signinFormToken(secret: string, nonce: string): string {
  return keyedHash(secret, "csrf-signin", nonce);
}

/** Whether a submitted sign-in `_csrf` belongs to this browser's pre-sign-in cookie. */
export function signinFormTokenMatches(secret: string, nonce: string, given: unknown): boolean {
  return nonce.length > 0 && sameText(signinFormToken(secret, nonce), given);
}
