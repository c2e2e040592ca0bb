/**
 * @module Session tokens: 32 random bytes for the cookie, and the SHA-256 the database keeps instead,
 * so a copy of the sessions table signs no one in.
 */
import { createHash, randomBytes } from "node:crypto";

export interface NewSessionToken {
  /** base64url, for the cookie only; never stored or logged. */
  token: string;
  /** SHA-256 hex of the token: the sessions row's key. */
  tokenHash: string;
}

/** SHA-256 hex of a cookie token. An unkeyed hash suffices: the token has 256 bits of entropy. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh unguessable token and its hash. */
export function newSessionToken(): NewSessionToken {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSessionToken(token) };
}

/** Whether a cookie value has the shape `newSessionToken` makes (43 base64url characters). */
export function isSessionTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
