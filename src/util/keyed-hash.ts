/**
 * @module Keyed hashes and signed tokens from the site secret. A keyed hash of an email cannot be
 * matched back to the address without the secret (unlike the MD5 avatars other systems publish), and
 * each purpose gets its own key so a value from one use is worthless in another.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 (hex) of `value` under the site secret, separated by `purpose`. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(purpose).update("\0").update(value).digest("hex");
}

/** `payload` (any JSON) with a signature: `<base64url json>.<base64url mac>`, safe in URLs and forms. */
export function signToken(secret: string, purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = createHmac("sha256", secret).update(purpose).update("\0").update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload of a token `signToken` made for this purpose, or null if it is forged, altered or malformed. */
export function verifyToken(secret: string, purpose: string, token: string): unknown {
  if (typeof token !== "string" || token.length > 4096) return null;
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const wanted = createHmac("sha256", secret).update(purpose).update("\0").update(body).digest();
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}
