/** @module parseRuleInput: what a moderator may type for each kind of rule, normalized as the matcher reads it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRuleInput } from "./rule-input.ts";
import { matchRules } from "./spam-checks.ts";

const ok = (kind: string, value: string, action = "hold") => {
  const r = parseRuleInput({ kind, value, action });
  assert.ok(r.ok, `${kind} ${value}: ${r.ok ? "" : r.error}`);
  return r.rule.value;
};
const error = (kind: unknown, value: unknown, action: unknown = "hold") => {
  const r = parseRuleInput({ kind, value, action });
  assert.equal(r.ok, false, `${String(kind)} ${String(value)} should be refused`);
  return r.ok ? "" : r.error;
};

test("IPs: dotted IPv4 and IPv6, normalized; mapped IPv6 becomes its IPv4; odd forms refused", () => {
  assert.equal(ok("ip", " 203.0.113.7 "), "203.0.113.7");
  assert.equal(ok("ip", "2001:DB8:0:0::7"), "2001:db8::7");
  assert.equal(ok("ip", "::ffff:198.51.100.2"), "198.51.100.2");
  for (const bad of ["203.0.113", "0x7f.0.0.1", "3232235777", "1.2.3.4/24", "example.org", "999.1.1.1"])
    assert.match(error("ip", bad), /not an IP address/);
});

test("networks: CIDR, normalized to the network address; too wide or malformed refused", () => {
  assert.equal(ok("network", "203.0.113.99/24"), "203.0.113.0/24");
  assert.equal(ok("network", "2001:DB8:1::5/32"), "2001:db8::/32");
  assert.match(error("network", "10.0.0.0/4"), /covers too much.*\/8/);
  assert.match(error("network", "2001::/8"), /\/16 or longer/);
  for (const bad of ["203.0.113.0", "203.0.113.0/33", "10.1/8", "x/24", "/24"])
    assert.match(error("network", bad), /not a network/);
});

test("emails lower-cased, whole addresses or @domain; words trimmed and lower-cased", () => {
  assert.equal(ok("email", " Spam@Example.ORG "), "spam@example.org");
  assert.equal(ok("email", "@Spam.Example"), "@spam.example");
  assert.match(error("email", "not an email"), /not an email address/);
  assert.match(error("email", "@nodot"), /not an email address/);
  assert.equal(ok("word", "  Cheap Pills "), "cheap pills");
  assert.match(error("word", "x".repeat(101)), /100 characters/);
});

test("kind, action and value are required and checked", () => {
  assert.match(error("regex", "x"), /Choose what the rule matches/);
  assert.match(error("word", "x", "delete"), /Choose what the rule does/);
  assert.match(error("word", "   "), /Enter the value/);
  assert.match(error("word", undefined), /Enter the value/);
});

test("normalized rules match what the comment checks see", () => {
  const r = parseRuleInput({ kind: "network", value: "198.51.100.77/24", action: "spam" });
  assert.ok(r.ok);
  const c = { name: "A", email: "a@example.org", website: null, body: "hi" };
  assert.equal(matchRules([r.rule], { ...c, ip: "198.51.100.3" }).length, 1);
  assert.equal(matchRules([r.rule], { ...c, ip: "198.51.101.3" }).length, 0);
});
