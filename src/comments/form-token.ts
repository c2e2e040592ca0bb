/**
 * @module The comment form's signed token {a: article id, t: issued-at}: made when the form is drawn
 * (or refreshed by the form's script), checked on posting for the minimum fill time and its age.
 */
import { signToken, verifyToken } from "../util/keyed-hash.ts";

const PURPOSE = "comment-form";
/** A form older than this is refused (and shown again with a fresh token): a day covers a long read. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

export type FormTokenProblem = "missing" | "forged" | "other-article" | "too-old" | "too-fast";

/** A token for the form of `articleId`, issued at `now`. */
export function makeFormToken(secret: string, articleId: number, now: Date): string {
  return signToken(secret, PURPOSE, { a: articleId, t: now.getTime() });
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
  const payload = verifyToken(secret, PURPOSE, token) as { a?: unknown; t?: unknown } | null;
  if (!payload || typeof payload.a !== "number" || typeof payload.t !== "number") return "forged";
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
    default:
      return "We could not confirm this form came from this page. Please try again.";
  }
}
