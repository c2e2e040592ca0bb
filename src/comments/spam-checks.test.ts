/** @module Spam decisions: rule matching (words, emails, IPs, networks) and the status they lead to. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type CheckedComment,
  type CommentRule,
  decideStatus,
  linkLimitReason,
  matchRules,
} from "./spam-checks.ts";

const comment: CheckedComment = {
  name: "Ann",
  email: "ann@example.org",
  website: null,
  body: "Cheap watches here, honestly.",
  ip: "203.0.113.9",
};

test("word rules match whole words case-insensitively in name, website and body", () => {
  const rules: CommentRule[] = [
    { kind: "word", value: "WATCHES", action: "hold" },
    { kind: "word", value: "watch", action: "spam" },
    { kind: "word", value: "pharma", action: "spam" },
  ];
  assert.deepEqual(
    matchRules(rules, comment).map((h) => h.reason),
    ['word rule "WATCHES"'],
  );
  assert.equal(matchRules(rules, { ...comment, website: "https://pharma.example" }).length, 2);
});

test("email rules match an address or a whole domain; IP and network rules match v4, v6 and mapped v4", () => {
  const rules: CommentRule[] = [
    { kind: "email", value: "@spam.example", action: "spam" },
    { kind: "email", value: "Ann@Example.org", action: "hold" },
    { kind: "ip", value: "203.0.113.9", action: "hold" },
    { kind: "network", value: "198.51.100.0/24", action: "spam" },
    { kind: "network", value: "2001:db8::/32", action: "hold" },
    { kind: "network", value: "not a network", action: "spam" },
  ];
  assert.equal(matchRules(rules, comment).length, 2);
  assert.equal(matchRules(rules, { ...comment, email: "x@spam.example", ip: "198.51.100.7" }).length, 2);
  assert.equal(
    matchRules(rules, { ...comment, email: "x@notspam.example", ip: "::ffff:198.51.100.7" }).length,
    1,
  );
  assert.equal(matchRules(rules, { ...comment, email: "b@c.example", ip: "2001:db8::1" }).length, 1);
  assert.equal(matchRules(rules, { ...comment, email: "b@c.example", ip: null }).length, 0);
});

test("the decision: spam rules win, then anything that holds, and a known commenter is approved", () => {
  const base = { ruleHits: [], linkReason: null, approvedBefore: true, akismet: "off" as const };
  assert.deepEqual(decideStatus(base), { status: "approved", reasons: [] });
  assert.deepEqual(decideStatus({ ...base, approvedBefore: false }), {
    status: "pending",
    reasons: ["first comment from this email address"],
  });
  assert.equal(decideStatus({ ...base, linkReason: linkLimitReason(3, 2) }).status, "pending");
  assert.equal(linkLimitReason(2, 2), null);
  assert.equal(decideStatus({ ...base, akismet: "unavailable" }).status, "pending");
  assert.equal(decideStatus({ ...base, akismet: "spam" }).status, "spam");
  assert.equal(decideStatus({ ...base, akismet: "ham" }).status, "approved");
  const hits = [
    { action: "hold" as const, reason: "h" },
    { action: "spam" as const, reason: "s" },
  ];
  assert.deepEqual(decideStatus({ ...base, ruleHits: hits }), { status: "spam", reasons: ["s"] });
  assert.deepEqual(decideStatus({ ...base, ruleHits: [hits[0] as (typeof hits)[0]] }), {
    status: "pending",
    reasons: ["h"],
  });
});
