/** @module Password hashing (argon2id, OWASP parameters), verification, and the password policy. */
import { randomBytes } from "node:crypto";
import { type Algorithm, hash, type Options, verify } from "@node-rs/argon2";

/**
 * OWASP's Password Storage Cheat Sheet (2025) minimum for argon2id: 19 MiB, 2 passes, 1 lane. About
 * 30-50 ms per hash on a small VPS: slow for a guesser, quick enough for a sign-in.
 */
export const ARGON2_OPTIONS: Options = {
  // Algorithm.Argon2id; the package's const enum cannot be read under verbatimModuleSyntax.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const PASSWORD_MIN_CHARS = 12;
/** Long enough for any passphrase or manager output, short enough that hashing cannot be abused. */
export const PASSWORD_MAX_CHARS = 1024;

/** NFKC, as NIST SP 800-63B advises, so the same passphrase typed on another keyboard still matches. */
function normalized(password: string): string {
  return password.normalize("NFKC");
}

/** The argon2id PHC string for a password (a fresh random salt each time). */
export function hashPassword(password: string): Promise<string> {
  return hash(normalized(password), ARGON2_OPTIONS);
}

/** Whether `password` matches the stored PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_CHARS * 4) return false;
  try {
    return await verify(passwordHash, normalized(password));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password with the same parameters, made once per process. Sign-in verifies
 * against it when no account has the email, so the answer takes as long as for a real account and
 * its timing does not tell which emails exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummy;
}

/** Why a new password is refused, in a sentence the person can act on; null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_CHARS)
    return `The password must be at least ${PASSWORD_MIN_CHARS} characters long; a few unrelated words make a good one.`;
  if (chars > PASSWORD_MAX_CHARS)
    return `The password must be at most ${PASSWORD_MAX_CHARS} characters long.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return "The password must not be the email address.";
  return null;
}
