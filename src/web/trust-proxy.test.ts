import assert from "node:assert/strict";
import { test } from "node:test";
import { trustProxyOption } from "./trust-proxy.ts";

test("NEWSDESK_TRUST_PROXY becomes a list of addresses, or false when empty", () => {
  assert.equal(trustProxyOption(""), false);
  assert.equal(trustProxyOption(" , "), false);
  assert.deepEqual(trustProxyOption("127.0.0.1"), ["127.0.0.1"]);
  assert.deepEqual(trustProxyOption("10.0.0.0/8, ::1"), ["10.0.0.0/8", "::1"]);
});
