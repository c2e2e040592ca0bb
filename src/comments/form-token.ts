/**
 * @module The comment form's signed token {a: article id, t: issued-at, n: nonce}: issued per view of a
 * form (the form's script fetches one when the reader starts writing; a refused post's form carries a
 * new one), never part of a cached page; checked on posting for the minimum fill time and its age, and
 * used once (its nonce is recorded, storage/form-tokens.ts).
 */
import { randomBytes } from "node:crypto";
import { signToken, verifyToken } from "../util/keyed-hash.ts";

const PURPOSE = "comment-form";
/** A form older than this is refused (and shown again with a fresh token): a day covers a long read. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

export type FormTokenProblem = "missing" | "forged" | "other-article" | "too-old" | "too-fast" | "used";

/** A token for the form of `articleId`, issued at `now`, with a random nonce so it can be used once. */
export function makeFormToken(secret: string, articleId: number, now: Date): string {
  return signToken(secret, PURPOSE, {
    a: articleId,
    t: now.getTime(),
    n: randomBytes(12).toString("base64url"),
  });
}

/** A genuine token's nonce (what is recorded when it is used), or null. */
export function formTokenNonce(secret: string, token: string): string | null {
  const payload = verifyToken(secret, PURPOSE, token) as { n?: unknown } | null;
  return payload && typeof payload.n === "string" ? payload.n : null;
}

/**
 * Null when the token is genuine, for this article, older than `minSeconds` and younger than a day;
 * otherwise what is wrong with it.
 */
export function checkFormToken(
  secret: string,
  token: string,
  articleId: number,
  now: Date,
  minSeconds: number,
): FormTokenProblem | null {
  if (token === "") return "missing";
  const payload = verifyToken(secret, PURPOSE, token) as { a?: unknown; t?: unknown; n?: unknown } | null;
  if (
    !payload ||
    typeof payload.a !== "number" ||
    typeof payload.t !== "number" ||
    typeof payload.n !== "string"
  )
    return "forged";
  if (payload.a !== articleId) return "other-article";
  const age = now.getTime() - payload.t;
  if (age > FORM_TOKEN_MAX_AGE_MS) return "too-old";
  if (age < minSeconds * 1000) return "too-fast";
  return null;
}

/** What the reader is told for each problem; the form is shown again with a fresh token either way. */
export function formTokenMessage(problem: FormTokenProblem): string {
  switch (problem) {
    case "too-fast":
      return "That was quicker than we expect a person to write. Please check your comment and send it again.";
    case "too-old":
      return "This form had been open for more than a day. Please send your comment again.";
    case "missing":
      // A form sent without the script that fetches its token (JavaScript off): this page has one.
      return "Please check your comment and send it again.";
    case "used":
      return "This form was already sent once. Please check your comment and send it again.";
    default:
      return "We could not confirm this form came from this page. Please try again.";
  }
}
