/** @module What proves a WebSub callback comes from our hub: the path token and the HMAC signature, both checked in constant time. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** X-Hub-Signature methods the Recommendation names; hubs should use sha256 or stronger. */
const SIGNATURE = /^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i;

/** A new random value for hub.secret (32 bytes) or the callback token (16 bytes), as hex. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/** Whether two tokens are equal, in time that does not depend on where they differ. */
export function sameToken(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, as timingSafeEqual needs, without revealing the expected length.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether `header` (X-Hub-Signature: method=hex) is the HMAC of `body` under `secret`. */
export function signatureMatches(header: string | null, body: Buffer, secret: string): boolean {
  const m = SIGNATURE.exec(header?.trim() ?? "");
  if (!m) return false;
  const expected = createHmac(m[1]!.toLowerCase(), secret).update(body).digest();
  const given = Buffer.from(m[2]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
