/**
 * @module The "delete my comments" link's token. It must name the commenter's address without
 * publishing it (URLs end up in proxy logs and browser history), so the address is sealed: AES-256-GCM
 * under a key derived from the site secret, with an expiry. Nothing new is stored, and the link
 * covers every comment from that address at the moment it is used. Tampering fails the GCM tag.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** A link is good for this long after it is sent. */
export const DELETE_LINK_TTL_MS = 48 * 3_600_000;

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("seal").update("\0").update("delete-comments").digest();
}

/** A URL-safe token holding `email` until `now + DELETE_LINK_TTL_MS`. */
export function sealDeleteToken(secret: string, email: string, now: Date): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const plain = JSON.stringify({ e: email, x: now.getTime() + DELETE_LINK_TTL_MS });
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The email a genuine, unexpired token holds, or null. */
export function openDeleteToken(secret: string, token: string, now: Date): string | null {
  if (typeof token !== "string" || token.length > 2000) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const payload = JSON.parse(plain) as { e?: unknown; x?: unknown };
    if (typeof payload.e !== "string" || typeof payload.x !== "number") return null;
    return payload.x >= now.getTime() ? payload.e : null;
  } catch {
    return null;
  }
}
