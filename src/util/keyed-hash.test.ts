import assert from "node:assert/strict";
import { test } from "node:test";
import { keyedHash, signToken, verifyToken } from "./keyed-hash.ts";

test("keyed hashes differ by secret and by purpose, and are stable", () => {
  const a = keyedHash("s1", "avatar", "ann@example.org");
  assert.equal(a, keyedHash("s1", "avatar", "ann@example.org"));
  assert.notEqual(a, keyedHash("s2", "avatar", "ann@example.org"));
  assert.notEqual(a, keyedHash("s1", "duplicate", "ann@example.org"));
  assert.match(a, /^[0-9a-f]{64}$/);
});

test("a signed token verifies only with its secret and purpose, and not once altered", () => {
  const token = signToken("s1", "delete", { c: 12, exp: 99 });
  assert.deepEqual(verifyToken("s1", "delete", token), { c: 12, exp: 99 });
  assert.equal(verifyToken("s2", "delete", token), null);
  assert.equal(verifyToken("s1", "csrf", token), null);
  const [body, mac] = token.split(".");
  const forged = `${Buffer.from(JSON.stringify({ c: 13, exp: 99 })).toString("base64url")}.${mac}`;
  assert.equal(verifyToken("s1", "delete", forged), null);
  assert.equal(verifyToken("s1", "delete", `${body}.`), null);
  assert.equal(verifyToken("s1", "delete", "no-dot"), null);
  assert.equal(verifyToken("s1", "delete", ""), null);
});
