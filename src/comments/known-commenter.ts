/**
 * @module The "known commenter" cookie: a browser that posted a comment under an address carries a
 * signed note of that address (a keyed hash, never the address itself) and when it was given. An
 * address's earlier approved comment lets a new one appear at once only when the post comes with
 * this note: whoever merely knows a regular commenter's address cannot post unmoderated as them, nor
 * learn from an instant approval that the address has commented before.
 */
import { keyedHash, signToken, verifyToken } from "../util/keyed-hash.ts";

export const KNOWN_COMMENTER_COOKIE = "newsdesk_commenter";
const PURPOSE = "known-commenter";
/** How long a browser stays known without posting; each post renews it. */
export const KNOWN_COMMENTER_MAX_AGE_S = 365 * 24 * 3600;

const addressKey = (secret: string, email: string) =>
  keyedHash(secret, `${PURPOSE}:address`, email.trim().toLowerCase()).slice(0, 32);

/** Addresses one browser is known under (a shared family computer), the most recent first. */
const ADDRESSES_PER_BROWSER = 5;

/** The address keys a genuine, unexpired cookie holds; none for a forged, altered or old one. */
function addressKeys(secret: string, cookie: string | undefined, now: Date): string[] {
  if (!cookie) return [];
  const p = verifyToken(secret, PURPOSE, cookie) as { e?: unknown; t?: unknown } | null;
  if (!p || typeof p.t !== "number" || !Array.isArray(p.e)) return [];
  const age = now.getTime() - p.t;
  if (age < -60_000 || age > KNOWN_COMMENTER_MAX_AGE_S * 1000) return [];
  return p.e.filter((k): k is string => typeof k === "string");
}

/** The cookie's new value for a browser (holding `cookie`) that has just posted under `email`. */
export function knownCommenterValue(
  secret: string,
  cookie: string | undefined,
  email: string,
  now: Date,
): string {
  const key = addressKey(secret, email);
  const keys = [key, ...addressKeys(secret, cookie, now).filter((k) => k !== key)].slice(
    0,
    ADDRESSES_PER_BROWSER,
  );
  return signToken(secret, PURPOSE, { e: keys, t: now.getTime() });
}

/** Whether `cookie` was given by this site to a browser that posted under `email`, within its lifetime. */
export function vouchesFor(secret: string, cookie: string | undefined, email: string, now: Date): boolean {
  return addressKeys(secret, cookie, now).includes(addressKey(secret, email));
}
