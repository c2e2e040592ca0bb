import assert from "node:assert/strict";
import { test } from "node:test";
import { clientKey } from "./client-key.ts";

test("IPv4 as it is; IPv6 by its /64; IPv4-mapped as IPv4; anything else unchanged", () => {
  assert.equal(clientKey("192.0.2.7"), "192.0.2.7");
  assert.equal(clientKey("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  assert.equal(clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
  assert.notEqual(clientKey("2001:db8:1:3::1"), clientKey("2001:db8:1:2::1"));
  assert.equal(clientKey("::ffff:198.51.100.9"), "198.51.100.9");
  assert.equal(clientKey("not an address"), "not an address");
});
