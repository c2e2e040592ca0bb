/** @module The outbox worker against a real local SMTP server, on both databases. */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, beforeEach, describe, test } from "node:test";
import { pino } from "pino";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink.ts";
import { type Db, openDb } from "../storage/db.ts";
import { claimMail, enqueueMail } from "../storage/mail-outbox.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { INTERRUPTED_CLAIM_MS, INTERRUPTED_ERROR, sendDueMail } from "./send-due-mail.ts";

after(stopTestPostgres);

const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A pino logger whose lines are kept, to check what the worker logs. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: "debug", base: undefined }, stream), text: () => lines.join("") };
}

for (const { name, make } of bothDatabases) {
  describe(`sending queued mail on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let sink: SmtpSink;
    let mailer: Mailer;
    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      sink = await startSmtpSink();
      mailer = createMailer({ smtpUrl: sink.url, mailFrom: "Newsdesk <desk@news.example.org>" }) as Mailer;
    });
    after(async () => {
      mailer?.close();
      await sink?.close();
      await db?.close();
      await tdb?.drop();
    });
    beforeEach(async () => {
      // Each test starts with an empty queue and sink.
      await db.kysely.deleteFrom("mail_outbox").execute();
      sink.messages.length = 0;
    });

    const outbox = () =>
      db.kysely
        .selectFrom("mail_outbox")
        .select(["id", "to_address", "attempts", "sent_at", "send_after", "last_error", "sending_at"])
        .orderBy("id")
        .execute();

    test("the outbox is drained into the server: envelope, From, subject and text arrive; a second pass sends nothing", async () => {
      const { log } = capturedLogger();
      await enqueueMail(
        db.kysely,
        { to: "ann@example.org", subject: "A reply to your comment", text: "Hello Ann,\nsomeone replied.\n" },
        T0,
      );
      await enqueueMail(
        db.kysely,
        { to: "bob@example.org", subject: "Ünïcode subject", text: `Long line ${"é".repeat(120)}\n` },
        T0,
      );
      const report = await sendDueMail(db.kysely, mailer, at(0), log);
      assert.deepEqual(report, { sent: 2, deferred: 0, givenUp: 0, interrupted: 0, serverDown: false });
      assert.deepEqual(
        sink.messages.map((m) => m.to),
        [["ann@example.org"], ["bob@example.org"]],
      );
      const [ann, bob] = sink.messages;
      assert.equal(ann?.from, "desk@news.example.org");
      assert.equal(ann?.subject, "A reply to your comment");
      assert.equal(ann?.text, "Hello Ann,\nsomeone replied.\n");
      assert.match(ann?.headers.get("content-type") ?? "", /^text\/plain/);
      assert.equal(bob?.subject, "Ünïcode subject");
      assert.equal(bob?.text, `Long line ${"é".repeat(120)}\n`);
      assert.ok(
        (await outbox()).every(
          (r) => r.sent_at === at(0).toISOString() && Number(r.attempts) === 0 && r.sending_at === null,
        ),
      );
      assert.deepEqual(await sendDueMail(db.kysely, mailer, at(1), log), {
        sent: 0,
        deferred: 0,
        givenUp: 0,
        interrupted: 0,
        serverDown: false,
      });
      assert.equal(sink.messages.length, 2);
    });

    test("a refused address is retried with back-off while the others go; logs and errors never hold an address or body", async () => {
      const { log, text } = capturedLogger();
      sink.rejectRecipient("gone@example.org");
      for (const to of ["ann@example.org", "gone@example.org", "cat@example.org"]) {
        await enqueueMail(db.kysely, { to, subject: "Reply", text: `secret body for ${to}` }, T0);
      }
      assert.deepEqual(await sendDueMail(db.kysely, mailer, at(0), log), {
        sent: 2,
        deferred: 1,
        givenUp: 0,
        interrupted: 0,
        serverDown: false,
      });
      assert.deepEqual(
        sink.messages.map((m) => m.to[0]),
        ["ann@example.org", "cat@example.org"],
      );
      const gone = (await outbox())[1];
      assert.equal(Number(gone?.attempts), 1);
      assert.equal(gone?.sent_at, null);
      assert.equal(gone?.send_after, at(1).toISOString());
      assert.equal(gone?.sending_at, null, "its claim is cleared, so it is picked again");
      assert.match(gone?.last_error ?? "", /^EENVELOPE 550: /);
      assert.doesNotMatch(gone?.last_error ?? "", /gone/);
      // Not due before its minute is up; tried again after it, and refused again: five more minutes.
      assert.equal((await sendDueMail(db.kysely, mailer, at(0.5), log)).deferred, 0);
      assert.equal((await sendDueMail(db.kysely, mailer, at(1), log)).deferred, 1);
      assert.equal((await outbox())[1]?.send_after, at(6).toISOString());
      sink.allowRecipient("gone@example.org");
      assert.equal((await sendDueMail(db.kysely, mailer, at(6), log)).sent, 1);
      assert.deepEqual(
        sink.messages.map((m) => m.to[0]),
        ["ann@example.org", "cat@example.org", "gone@example.org"],
      );
      const logged = text();
      assert.match(logged, /"outbox_id":\d+/);
      assert.match(logged, /"error_code":"EENVELOPE"/);
      assert.doesNotMatch(logged, /@/);
      assert.doesNotMatch(logged, /secret body/);
    });

    test("after the 6th refusal the mail is given up: kept unsent with its error, never picked again", async () => {
      const { log } = capturedLogger();
      sink.rejectRecipient("never@example.org");
      await enqueueMail(db.kysely, { to: "never@example.org", subject: "Reply", text: "x" }, T0);
      let minute = 0;
      for (const wait of [0, 1, 5, 30, 120]) {
        minute += wait;
        assert.equal(
          (await sendDueMail(db.kysely, mailer, at(minute), log)).deferred,
          1,
          `at minute ${minute}`,
        );
      }
      minute += 720;
      assert.equal((await sendDueMail(db.kysely, mailer, at(minute), log)).givenUp, 1);
      const [row] = await outbox();
      assert.equal(Number(row?.attempts), 6);
      assert.equal(row?.sent_at, null);
      assert.match(row?.last_error ?? "", /^EENVELOPE 550/);
      assert.deepEqual(await sendDueMail(db.kysely, mailer, at(minute + 525_600), log), {
        sent: 0,
        deferred: 0,
        givenUp: 0,
        interrupted: 0,
        serverDown: false,
      });
      sink.allowRecipient("never@example.org");
    });

    test("a server that is down leaves every mail queued as it was; the next pass sends them", async () => {
      const { log, text } = capturedLogger();
      for (const to of ["ann@example.org", "bob@example.org"])
        await enqueueMail(db.kysely, { to, subject: "S", text: "t" }, T0);
      await sink.down();
      try {
        assert.deepEqual(await sendDueMail(db.kysely, mailer, at(0), log), {
          sent: 0,
          deferred: 0,
          givenUp: 0,
          interrupted: 0,
          serverDown: true,
        });
        assert.ok(
          (await outbox()).every(
            (r) =>
              Number(r.attempts) === 0 &&
              r.sent_at === null &&
              r.last_error === null &&
              r.sending_at === null,
          ),
        );
        assert.match(text(), /mail server unavailable/);
      } finally {
        await sink.up();
      }
      assert.equal((await sendDueMail(db.kysely, mailer, at(0), log)).sent, 2);
      assert.equal(sink.messages.length, 2);
    });

    test("a row left claimed by a sender that died mid-send is never sent again: once the claim is old it is given up, by id", async () => {
      const { log, text } = capturedLogger();
      for (const to of ["ann@example.org", "bob@example.org", "cat@example.org"])
        await enqueueMail(db.kysely, { to, subject: `for ${to}`, text: "t" }, T0);
      const [, bob] = await outbox();
      // A sender claimed bob's message, then was killed: the server may or may not have it.
      assert.equal(await claimMail(db.kysely, Number(bob?.id), at(0), at(0)), true);
      assert.equal(await claimMail(db.kysely, Number(bob?.id), at(0), at(0)), false, "one claim at a time");
      // A pass soon after leaves the claim alone: it could be a live sender's.
      assert.deepEqual(await sendDueMail(db.kysely, mailer, at(1), log), {
        sent: 2,
        deferred: 0,
        givenUp: 0,
        interrupted: 0,
        serverDown: false,
      });
      assert.equal((await outbox())[1]?.sending_at, at(0).toISOString());
      // Past the longest send a live sender could be in: given up, not sent.
      const later = new Date(at(0).getTime() + INTERRUPTED_CLAIM_MS + 1000);
      assert.deepEqual(await sendDueMail(db.kysely, mailer, later, log), {
        sent: 0,
        deferred: 0,
        givenUp: 0,
        interrupted: 1,
        serverDown: false,
      });
      const row = (await outbox())[1];
      assert.deepEqual(
        [row?.sent_at, row?.sending_at, Number(row?.attempts), row?.last_error],
        [null, null, 1, INTERRUPTED_ERROR],
      );
      assert.match(
        INTERRUPTED_ERROR,
        /interrupted while sending; not resent, as the server may have taken it/,
      );
      assert.equal((await sendDueMail(db.kysely, mailer, at(100_000), log)).interrupted, 0, "given up once");
      assert.deepEqual(
        sink.messages.map((m) => m.to[0]),
        ["ann@example.org", "cat@example.org"],
      );
      const logged = text();
      assert.match(logged, new RegExp(`"outbox_id":${row?.id},"error_code":"EINTERRUPTED".*not resent`));
      assert.doesNotMatch(logged, /@/);
    });

    test("two drains at once send each message once: a claim is taken by one of them only", async () => {
      const { log } = capturedLogger();
      const count = 30;
      for (let i = 0; i < count; i++)
        await enqueueMail(db.kysely, { to: `r${i}@example.org`, subject: `n${i}`, text: "t" }, T0);
      sink.delayMs = 5;
      try {
        const reports = await Promise.all([
          sendDueMail(db.kysely, mailer, at(0), log),
          sendDueMail(db.kysely, mailer, at(0), log),
        ]);
        assert.equal(reports[0].sent + reports[1].sent, count);
        assert.ok(
          reports.every((r) => r.sent > 0),
          `both drains sent: ${reports.map((r) => r.sent)}`,
        );
        assert.ok(reports.every((r) => r.interrupted === 0 && r.givenUp === 0));
      } finally {
        sink.delayMs = 0;
      }
      const subjects = sink.messages.map((m) => m.subject).sort();
      assert.equal(subjects.length, count);
      assert.equal(new Set(subjects).size, count, "no message twice");
      assert.ok((await outbox()).every((r) => r.sent_at !== null && r.sending_at === null));
    });

    test("line breaks cannot add a recipient or a header: a bad address is given up at once, a subject is put on one line", async () => {
      const { log, text } = capturedLogger();
      await enqueueMail(
        db.kysely,
        { to: "ann@example.org\r\nBcc: eve@example.org", subject: "S", text: "t" },
        T0,
      );
      await enqueueMail(db.kysely, { to: "ann@example.org, eve@example.org", subject: "S", text: "t" }, T0);
      await enqueueMail(
        db.kysely,
        {
          to: "bob@example.org",
          subject: "Hi\r\nBcc: eve@example.org\r\n\r\nforged body",
          text: "real body",
        },
        T0,
      );
      assert.deepEqual(await sendDueMail(db.kysely, mailer, at(0), log), {
        sent: 1,
        deferred: 0,
        givenUp: 2,
        interrupted: 0,
        serverDown: false,
      });
      assert.equal(sink.messages.length, 1);
      const [bob] = sink.messages;
      assert.deepEqual(bob?.to, ["bob@example.org"]);
      assert.equal(bob?.subject, "Hi Bcc: eve@example.org forged body");
      assert.equal(bob?.headers.has("bcc"), false);
      assert.equal(bob?.text.trimEnd(), "real body");
      const rows = await outbox();
      assert.deepEqual(
        rows.slice(0, 2).map((r) => r.last_error),
        [
          "EUNSENDABLE: the recipient is not one valid email address",
          "EUNSENDABLE: the recipient is not one valid email address",
        ],
      );
      assert.doesNotMatch(text(), /@/);
    });
  });
}

test("no SMTP URL means no mailer; a URL of another scheme is refused at start", () => {
  assert.equal(createMailer({ smtpUrl: "", mailFrom: "x@example.org" }), null);
  assert.throws(
    () => createMailer({ smtpUrl: "http://mail.example.org", mailFrom: "x@example.org" }),
    /smtp:\/\/ or smtps:\/\//,
  );
  assert.throws(() => createMailer({ smtpUrl: "not a url", mailFrom: "x@example.org" }), /must be a URL/);
  assert.throws(
    () => createMailer({ smtpUrl: "smtp://127.0.0.1:25", mailFrom: "a@example.org\r\nBcc: b@example.org" }),
    /one line/,
  );
  createMailer({ smtpUrl: "smtps://user:pw@mail.example.org", mailFrom: "x@example.org" })?.close();
});
