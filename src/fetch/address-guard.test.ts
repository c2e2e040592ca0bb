/** @module The address guard on every refused range, in IPv4, IPv6, embedded and numeric spellings. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseNetworks, refusalReason } from "./address-guard.ts";

const REFUSED: Array<[string, RegExp]> = [
  ["127.0.0.1", /loopback/],
  ["127.255.255.254", /loopback/],
  ["::1", /loopback/],
  ["0.0.0.0", /unspecified/],
  ["0.1.2.3", /unspecified/],
  ["::", /unspecified/],
  ["10.0.0.1", /private/],
  ["172.16.0.1", /private/],
  ["172.31.255.255", /private/],
  ["192.168.1.1", /private/],
  ["169.254.169.254", /link-local/],
  ["fe80::1", /link-local/],
  ["fc00::1", /unique-local/],
  ["fd12:3456::1", /unique-local/],
  ["100.64.0.1", /shared/],
  ["100.127.255.254", /shared/],
  ["224.0.0.1", /multicast/],
  ["239.255.255.250", /multicast/],
  ["ff02::1", /multicast/],
  ["255.255.255.255", /broadcast/],
  ["240.0.0.1", /reserved/],
  ["192.0.2.10", /reserved/],
  ["2001:db8::1", /reserved/],
  // IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms of refused IPv4 addresses.
  ["::ffff:127.0.0.1", /IPv6 form of 127.0.0.1.*loopback/],
  ["::ffff:7f00:1", /IPv6 form of 127.0.0.1/],
  ["0:0:0:0:0:ffff:a00:1", /IPv6 form of 10.0.0.1.*private/],
  ["::ffff:169.254.169.254", /link-local/],
  ["::127.0.0.1", /IPv6 form of 127.0.0.1/],
  ["::10.0.0.1", /private/],
  ["64:ff9b::7f00:1", /IPv6 form of 127.0.0.1/],
  ["64:ff9b::a9fe:a9fe", /IPv6 form of 169.254.169.254.*link-local/],
  ["2002:7f00:1::", /IPv6 form of 127.0.0.1/],
  ["2002:c0a8:101::1", /private/],
];

const ALLOWED = [
  "93.184.215.14",
  "8.8.8.8",
  "1.1.1.1",
  "2606:4700::1111",
  "2a00:1450:4001::200e",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
];

test("every refused range is refused with a reason that names it", () => {
  for (const [ip, reason] of REFUSED) {
    const why = refusalReason(ip);
    assert.ok(why, `${ip} is refused`);
    assert.match(why, reason, ip);
  }
});

test("public unicast addresses, and IPv6 forms of public IPv4 ones, pass", () => {
  for (const ip of ALLOWED) assert.equal(refusalReason(ip), null, ip);
});

test("an operator's allow-list lets exactly those networks through", () => {
  const allow = parseNetworks("127.0.0.1/32, 10.1.0.0/16,fd00::/8");
  assert.equal(refusalReason("127.0.0.1", allow), null);
  assert.equal(refusalReason("::ffff:127.0.0.1", allow), null, "mapped form of an allowed address");
  assert.match(refusalReason("127.0.0.2", allow) ?? "", /loopback/);
  assert.equal(refusalReason("10.1.200.3", allow), null);
  assert.match(refusalReason("10.2.0.1", allow) ?? "", /private/);
  assert.equal(refusalReason("fd00::5", allow), null);
  assert.deepEqual(parseNetworks(""), []);
  assert.equal(parseNetworks("127.0.0.1")[0]?.prefix, 32);
  assert.throws(() => parseNetworks("127.0.0.1/33"), /not an address or CIDR/);
  assert.throws(() => parseNetworks("localhost"), /not an address or CIDR/);
});

test("garbage is refused, not crashed on", () => {
  assert.match(refusalReason("not-an-ip") ?? "", /not an IP address/);
  assert.match(refusalReason("") ?? "", /not an IP address/);
});
