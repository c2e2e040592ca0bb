/** @module Header safety (mailboxes, subjects, redaction) and the retry schedule. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanHeaderText, isValidMailbox, MAX_SUBJECT_CHARS, redactAddresses } from "./mail-address.ts";
import { classifySendError, MAX_MAIL_ATTEMPTS, nextMailAttempt } from "./retry.ts";

test("a recipient is exactly one bare mailbox; lists, display names, line breaks and typos are refused", () => {
  for (const ok of [
    "ann@example.org",
    "o'neil+news@mail.example.co.uk",
    "a.b-c_d@sub.example.org",
    "zoe@bücher.de",
  ]) {
    assert.equal(isValidMailbox(ok), true, ok);
  }
  for (const bad of [
    "",
    "ann",
    "ann@",
    "@example.org",
    "ann@gmail",
    "ann@example.org\r\nBcc: eve@example.org",
    "ann@example.org\nBcc: eve@example.org",
    "ann@example.org, eve@example.org",
    "ann@example.org;eve@example.org",
    "Ann <ann@example.org>",
    "<ann@example.org>",
    "ann (x) @example.org",
    "ann @example.org",
    "ann@exa mple.org",
    "ann..b@example.org",
    ".ann@example.org",
    "ann.@example.org",
    "ann@-example.org",
    "ann@example..org",
    '"ann"@example.org',
    "ann@example.org\u0000",
    `${"a".repeat(65)}@example.org`,
    `ann@${"a".repeat(250)}.org`,
  ]) {
    assert.equal(isValidMailbox(bad), false, JSON.stringify(bad));
  }
});

test("a subject is put on one line and cut to length", () => {
  assert.equal(cleanHeaderText("Reply\r\nBcc: eve@example.org"), "Reply Bcc: eve@example.org");
  assert.equal(cleanHeaderText("a\u2028b\tc\u0000d\u0085e"), "a b c d e");
  const long = cleanHeaderText("x".repeat(500));
  assert.equal(long.length, MAX_SUBJECT_CHARS);
  assert.ok(long.endsWith("…"));
});

test("addresses are blanked out of error text, with the server's brackets", () => {
  assert.equal(
    redactAddresses(
      "Can't send mail - all recipients were rejected: 550 <ann@example.org>: mailbox unavailable",
    ),
    "Can't send mail - all recipients were rejected: 550 <<address>>: mailbox unavailable",
  );
  assert.equal(redactAddresses("to o'neil+x@mail.example.org, b@c.de"), "to <address>, <address>");
});

test("back-off is 1 min, 5 min, 30 min, 2 h, 12 h, then the 6th failure gives up", () => {
  const now = new Date("2026-11-20T10:00:00.000Z");
  const waits = [1, 2, 3, 4, 5].map(
    (n) => ((nextMailAttempt(n, now)?.getTime() ?? 0) - now.getTime()) / 60_000,
  );
  assert.deepEqual(waits, [1, 5, 30, 120, 720]);
  assert.equal(MAX_MAIL_ATTEMPTS, 6);
  assert.equal(nextMailAttempt(6, now), null);
});

test("connection, timeout, TLS and sign-in failures are the server's; a refused recipient is the message's", () => {
  assert.equal(classifySendError(Object.assign(new Error("x"), { code: "ECONNECTION" })).serverDown, true);
  assert.equal(
    classifySendError(Object.assign(new Error("x"), { code: "EAUTH", responseCode: 535 })).serverDown,
    true,
  );
  assert.equal(
    classifySendError(Object.assign(new Error("x"), { code: "EPROTOCOL", responseCode: 421 })).serverDown,
    true,
  );
  const refused = classifySendError(Object.assign(new Error("x"), { code: "EENVELOPE", responseCode: 550 }));
  assert.deepEqual(refused, { code: "EENVELOPE", responseCode: 550, serverDown: false, permanent: false });
  assert.equal(classifySendError(Object.assign(new Error("x"), { code: "EUNSENDABLE" })).permanent, true);
  assert.equal(classifySendError("boom").code, "EUNKNOWN");
});
