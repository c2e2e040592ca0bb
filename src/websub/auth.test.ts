/** @module Push signatures and callback tokens: every method the Recommendation names, and what is refused. */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { randomHex, sameToken, signatureMatches } from "./auth.ts";

const secret = randomHex(32);
const body = Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>');
const sign = (method: string, key = secret, data: Buffer = body) =>
  `${method}=${createHmac(method, key).update(data).digest("hex")}`;

test("a signature over the exact body with the secret matches, for sha1, sha256, sha384 and sha512", () => {
  assert.equal(secret.length, 64);
  for (const method of ["sha1", "sha256", "sha384", "sha512"]) {
    assert.equal(signatureMatches(sign(method), body, secret), true, method);
    assert.equal(signatureMatches(sign(method).toUpperCase(), body, secret), true, `${method} upper case`);
  }
});

test("a wrong key, a changed body, a cut or missing signature, or another method does not match", () => {
  assert.equal(signatureMatches(sign("sha256", randomHex(32)), body, secret), false);
  assert.equal(signatureMatches(sign("sha256"), Buffer.concat([body, Buffer.from(" ")]), secret), false);
  assert.equal(signatureMatches(sign("sha256").slice(0, -2), body, secret), false);
  assert.equal(signatureMatches(null, body, secret), false);
  assert.equal(signatureMatches("", body, secret), false);
  assert.equal(signatureMatches(sign("md5"), body, secret), false);
  assert.equal(signatureMatches(`sha256=${"zz".repeat(32)}`, body, secret), false);
});

test("tokens compare equal only when identical, whatever their lengths", () => {
  const token = randomHex(16);
  assert.equal(sameToken(token, token), true);
  assert.equal(sameToken(token.slice(1), token), false);
  assert.equal(sameToken(`${token}0`, token), false);
  assert.equal(sameToken("", token), false);
});
