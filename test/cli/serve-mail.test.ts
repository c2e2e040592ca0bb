/**
 * @module `newsdesk serve` sends queued email from its fetcher process: a serve killed with SIGKILL
 * while the server holds a message it has not answered leaves that row claimed and every other
 * unsent row queued as it was; the next serve sends the others, never the claimed one, which a pass
 * after the longest possible send gives up as interrupted. No message arrives twice.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "../../src/log.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { INTERRUPTED_CLAIM_MS, INTERRUPTED_ERROR, sendDueMail } from "../../src/mail/send-due-mail.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { enqueueMail } from "../../src/storage/mail-outbox.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const COUNT = 12;
const tdb = sqliteTestDatabase();
let db: Db;
let sink: SmtpSink;

before(async () => {
  db = openDb(tdb.url);
  await migrateToLatest(db);
  sink = await startSmtpSink();
});
after(async () => {
  await sink?.close();
  await db?.close();
  await tdb.drop();
});

function startServe(): { child: ChildProcess; stderr: () => string } {
  const child = spawn(BIN, ["serve"], {
    env: {
      ...process.env,
      DATABASE_URL: tdb.url,
      PORT: "0",
      NEWSDESK_WEB_WORKERS: "1",
      NEWSDESK_SMTP_URL: sink.url,
      NEWSDESK_MAIL_FROM: "Desk <desk@news.example.org>",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  return { child, stderr: () => err };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) if (await check()) return;
  assert.fail(`timed out waiting until ${what}`);
}

const rows = () =>
  db.kysely
    .selectFrom("mail_outbox")
    .select(["subject", "sent_at", "sending_at", "attempts", "last_error"])
    .orderBy("id")
    .execute();

test("serve drains the outbox; killed mid-send, the message in flight is never sent again and the rest are sent once", async () => {
  const now = new Date();
  for (let i = 0; i < COUNT; i++) {
    await enqueueMail(
      db.kysely,
      { to: `reader${i}@example.org`, subject: `notice ${i}`, text: `body ${i}` },
      now,
    );
  }
  // Slow enough that the fetcher hears of the kill before the server answers.
  sink.delayMs = 150;
  const first = startServe();
  const firstExit = new Promise((resolve) => first.child.once("exit", resolve));
  let arrived = 0;
  // The worst moment: the server has taken the third message and not answered it yet.
  sink.onData = () => {
    if (++arrived === 3) first.child.kill("SIGKILL");
  };
  await firstExit;
  sink.onData = null;
  // The fetcher stops as its serve goes; the message in flight reaches the sink after its delay.
  await sleep(500);

  const afterKill = await rows();
  const received = new Set(sink.messages.map((m) => m.subject));
  const claimed = afterKill.filter((r) => r.sending_at !== null);
  const unsent = afterKill.filter((r) => r.sent_at === null && r.sending_at === null);
  assert.deepEqual(
    claimed.map((r) => r.subject),
    ["notice 2"],
    "the message in flight stays claimed",
  );
  assert.ok(received.has("notice 2"), "the server took it");
  assert.ok(unsent.length > 0 && unsent.length < COUNT, `${unsent.length} unsent`);
  // Marked sent only after the server took it; unsent rows are untouched and due.
  for (const r of afterKill) if (r.sent_at !== null) assert.ok(received.has(r.subject), r.subject);
  for (const r of unsent) assert.deepEqual([Number(r.attempts), r.last_error], [0, null]);

  sink.delayMs = 0;
  const second = startServe();
  try {
    await until("every row but the claimed one is marked sent", async () =>
      (await rows()).every((r) => r.sent_at !== null || r.subject === "notice 2"),
    );
  } finally {
    const exited = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    assert.equal(await exited, 0);
  }
  // Later, past the longest send a live sender could be in: the claim is given up, not sent.
  const mailer = createMailer({ smtpUrl: sink.url, mailFrom: "desk@news.example.org" }) as Mailer;
  try {
    const later = new Date(Date.now() + INTERRUPTED_CLAIM_MS + 1000);
    const last = await sendDueMail(db.kysely, mailer, later, createLogger("silent"));
    assert.deepEqual([last.interrupted, last.sent], [1, 0]);
  } finally {
    mailer.close();
  }
  const end = await rows();
  assert.deepEqual(
    end.filter((r) => r.sent_at === null).map((r) => [r.subject, r.last_error, r.sending_at]),
    [["notice 2", INTERRUPTED_ERROR, null]],
  );
  const subjects = sink.messages.map((m) => m.subject);
  for (let i = 0; i < COUNT; i++) assert.ok(subjects.includes(`notice ${i}`), `notice ${i} arrived`);
  assert.equal(subjects.length, COUNT, "no message arrived twice");
  const logs = first.stderr() + second.stderr();
  assert.match(logs, /"msg":"mail sent"/);
  assert.doesNotMatch(logs, /example\.org/);
  assert.doesNotMatch(logs, /body \d/);
});
