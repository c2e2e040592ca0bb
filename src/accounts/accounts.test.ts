/** @module The pure account rules: password hashing and policy, identity checks, tokens, lockout, CSRF. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseOptions } from "@node-rs/argon2";
import { csrfToken, csrfTokenMatches, signinFormToken, signinFormTokenMatches } from "./csrf.ts";
import { emailProblem, nameProblem, normalizeEmail } from "./identity.ts";
import { afterFailedSignin, isLocked } from "./lockout.ts";
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { hashSessionToken, isSessionTokenShape, newSessionToken } from "./session-token.ts";

test("passwords hash to argon2id with at least OWASP's parameters, salted, and verify", async () => {
  const a = await hashPassword("correct horse battery");
  const b = await hashPassword("correct horse battery");
  assert.match(a, /^\$argon2id\$v=19\$/);
  assert.notEqual(a, b, "a fresh salt each time");
  const p = parseOptions(a);
  assert.ok(p.memoryCost >= 19_456 && p.timeCost >= 2 && p.parallelism >= 1, JSON.stringify(p));
  assert.equal(await verifyPassword(a, "correct horse battery"), true);
  assert.equal(await verifyPassword(a, "correct horse batterY"), false);
  assert.equal(await verifyPassword("not a hash", "correct horse battery"), false);
  // NFKC: a precomposed and a decomposed "é" are the same password.
  const accented = await hashPassword("caf\u00e9 au lait chaud");
  assert.equal(await verifyPassword(accented, "cafe\u0301 au lait chaud"), true);
  const dummy = await dummyPasswordHash();
  assert.equal(dummy, await dummyPasswordHash(), "made once");
  assert.deepEqual(parseOptions(dummy), p, "the dummy costs what a real hash costs");
});

test("the password policy: 12 to 1024 characters, never the email", () => {
  assert.match(passwordProblem("short pass", "a@b.test") ?? "", /at least 12/);
  assert.equal(passwordProblem("twelve chars", "a@b.test"), null);
  assert.equal(passwordProblem("😀".repeat(12), "a@b.test"), null, "characters, not UTF-16 units");
  assert.match(passwordProblem("x".repeat(1025), "a@b.test") ?? "", /at most 1024/);
  assert.match(passwordProblem("Ann.Long@Example.test", "ann.long@example.test") ?? "", /email/);
});

test("emails are lower-cased and checked; names are required and plain", () => {
  assert.equal(normalizeEmail("  Ann@Example.TEST "), "ann@example.test");
  assert.equal(emailProblem("ann@example.test"), null);
  assert.match(emailProblem("") ?? "", /required/);
  assert.match(emailProblem("ann example.test") ?? "", /not an email/);
  assert.match(emailProblem(`${"a".repeat(250)}@b.test`) ?? "", /at most 254/);
  assert.equal(nameProblem("Ann Lee"), null);
  assert.match(nameProblem("") ?? "", /required/);
  assert.match(nameProblem("Ann\nLee") ?? "", /control/);
});

test("session tokens are 32 random bytes in base64url; the database keeps their SHA-256", () => {
  const { token, tokenHash } = newSessionToken();
  assert.equal(Buffer.from(token, "base64url").length, 32);
  assert.ok(isSessionTokenShape(token));
  assert.equal(isSessionTokenShape(`${token}x`), false);
  assert.equal(isSessionTokenShape(`${"a".repeat(42)}=`), false);
  assert.match(tokenHash, /^[0-9a-f]{64}$/);
  assert.equal(hashSessionToken(token), tokenHash);
  assert.notEqual(newSessionToken().token, token);
});

test("lockout: the Nth wrong password in a row locks for the configured minutes, then the count restarts", () => {
  const policy = { maxFailures: 3, lockMinutes: 15 };
  const now = new Date("2026-11-20T10:00:00.000Z");
  assert.deepEqual(afterFailedSignin(0, policy, now), { failedSignins: 1, lockedUntil: null });
  assert.deepEqual(afterFailedSignin(1, policy, now), { failedSignins: 2, lockedUntil: null });
  const locked = afterFailedSignin(2, policy, now);
  assert.deepEqual(locked, { failedSignins: 0, lockedUntil: "2026-11-20T10:15:00.000Z" });
  assert.equal(isLocked(locked.lockedUntil, now), true);
  assert.equal(isLocked(locked.lockedUntil, new Date("2026-11-20T10:14:59.999Z")), true);
  assert.equal(isLocked(locked.lockedUntil, new Date("2026-11-20T10:15:00.000Z")), false);
  assert.equal(isLocked(null, now), false);
});

test("CSRF tokens are bound to the session (or the sign-in cookie) and the secret", () => {
  const hash = newSessionToken().tokenHash;
  const token = csrfToken("s1", hash);
  assert.equal(csrfTokenMatches("s1", hash, token), true);
  assert.equal(csrfTokenMatches("s2", hash, token), false);
  assert.equal(csrfTokenMatches("s1", newSessionToken().tokenHash, token), false);
  assert.equal(csrfTokenMatches("s1", hash, token.slice(1)), false);
  assert.equal(csrfTokenMatches("s1", hash, undefined), false);
  assert.equal(csrfTokenMatches("s1", hash, [token]), false);
  assert.notEqual(signinFormToken("s1", hash), token, "a sign-in token is no session token");
  assert.equal(signinFormTokenMatches("s1", "nonce", signinFormToken("s1", "nonce")), true);
  assert.equal(signinFormTokenMatches("s1", "other", signinFormToken("s1", "nonce")), false);
  assert.equal(signinFormTokenMatches("s1", "", signinFormToken("s1", "")), false);
});
