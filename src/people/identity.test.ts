import assert from "node:assert/strict";
import { test } from "node:test";
import { hasIdentity, identityKey, identityKind, type KnownIdentity, matchIdentity } from "./identity.ts";

const lavrov: KnownIdentity = { id: 1, key: "sergei lavrov", surname: "lavrov", kind: "person" };
const ministry: KnownIdentity = { id: 2, key: "foreign ministry", surname: null, kind: "organisation" };

test("keys fold case, accents, possessives and a leading 'the'", () => {
  assert.equal(identityKey("  Núria  Espert "), "nuria espert");
  assert.equal(identityKey("The Foreign Ministry"), "foreign ministry");
  assert.equal(identityKey("Sergei Lavrov's"), "sergei lavrov");
  assert.equal(identityKey("Dr. A. Okafor"), "dr a okafor");
});

test("bodies and people are told apart by the words of their names", () => {
  assert.equal(identityKind("Foreign Ministry"), "organisation");
  assert.equal(identityKind("National Intelligence Service"), "organisation");
  assert.equal(identityKind("Korean Central News Agency"), "organisation");
  assert.equal(identityKind("Sergei Lavrov"), "person");
  assert.equal(identityKind("Tern Valley Power & Light"), "organisation");
  assert.equal(identityKind("Voskra"), "person");
  assert.equal(identityKind("Voskra", true), "organisation", "someone speaks for it");
});

test("the same key is the same identity; a lone surname joins the one person with it", () => {
  assert.deepEqual(matchIdentity("Sergei Lavrov", [lavrov, ministry]), { kind: "known", id: 1 });
  assert.deepEqual(matchIdentity("the Foreign Ministry", [lavrov, ministry]), { kind: "known", id: 2 });
  assert.deepEqual(matchIdentity("Lavrov", [lavrov]), { kind: "known", id: 1 });
});

test("a lone surname shared by two people is an identity of its own, not a guess", () => {
  const other: KnownIdentity = { id: 3, key: "anna lavrov", surname: "lavrov", kind: "person" };
  const m = matchIdentity("Lavrov", [lavrov, other]);
  assert.equal(m.kind, "new");
});

test("a full name takes over an identity known so far only by its surname", () => {
  const bare: KnownIdentity = { id: 4, key: "okafor", surname: "okafor", kind: "person" };
  assert.deepEqual(matchIdentity("Grace Okafor", [bare]), {
    kind: "fuller",
    id: 4,
    key: "grace okafor",
    name: "Grace Okafor",
  });
  // Not when a full-named Okafor is known too: the bare one may be either.
  const full: KnownIdentity = { id: 5, key: "ben okafor", surname: "okafor", kind: "person" };
  assert.equal(matchIdentity("Grace Okafor", [bare, full]).kind, "new");
});

test("anonymous sources, an outlet's own sourcing and descriptions get no identity", () => {
  assert.equal(hasIdentity({ source: "a senior official", anonymous: true }), false);
  assert.equal(hasIdentity({ source: "The Gazette (own sources)" }), false);
  assert.equal(hasIdentity({ source: "officials" }), false);
  assert.equal(hasIdentity({ source: "Residents" }), false);
  assert.equal(hasIdentity({ source: "Police" }), false);
  assert.equal(hasIdentity({ source: "Local officials" }), false);
  assert.equal(hasIdentity({ source: "Metropolitan Police" }), true);
  assert.equal(hasIdentity({ source: "Reuters" }), true);
  assert.equal(hasIdentity({ source: "Jones" }), true);
  assert.equal(hasIdentity({ source: "The company" }), false);
  assert.equal(hasIdentity({ source: "its foreign ministry" }), false);
  assert.equal(hasIdentity({ source: "Naval architects at Aldergate" }), false);
  assert.equal(hasIdentity({ source: "Bank of Velland" }), true);
  assert.equal(hasIdentity({ source: "Analysts at Birchfield Securities" }), false);
  assert.equal(hasIdentity({ source: "The Times" }), true);
  assert.equal(hasIdentity({ source: "Sergei Lavrov" }), true);
  assert.equal(hasIdentity({ source: "NATO" }), true);
});
