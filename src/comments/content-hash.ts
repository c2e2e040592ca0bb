/** @module The duplicate key of a comment: a keyed hash of its normalized body and the article it is on. */
import { keyedHash } from "../util/keyed-hash.ts";

/** Case, spacing and Unicode form folded, so a re-post with a changed space is still a duplicate. */
export function normalizeBody(body: string): string {
  return body.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** keyedHash(secret, "duplicate", normalized body + article id): stored in comments.content_hash. */
export function commentContentHash(secret: string, body: string, articleId: number): string {
  return keyedHash(secret, "duplicate", `${normalizeBody(body)}\0${articleId}`);
}
