/** @module The primary's background jobs: old rate-limit events pruned, the outbox drained, a down server paused on. */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { sqliteTestDatabase } from "../../test/support/databases.ts";
import { startSmtpSink } from "../../test/support/smtp-sink.ts";
import { createMailer } from "../mail/mailer.ts";
import { openDb } from "../storage/db.ts";
import { enqueueMail } from "../storage/mail-outbox.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { countRateEvents, recordRateEvent } from "../storage/rate-events.ts";
import { startBackgroundJobs } from "./background.ts";

const tdb = sqliteTestDatabase();
after(() => tdb.drop());

test("prunes day-old rate events at start, runs hourly hooks, and pauses on a down server before sending", async () => {
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  const sink = await startSmtpSink();
  const now = new Date();
  const day = 86_400_000;
  await recordRateEvent(db.kysely, "mail-to", "k", new Date(now.getTime() - day - 60_000));
  await recordRateEvent(db.kysely, "mail-to", "k", new Date(now.getTime() - 60_000));
  await enqueueMail(db.kysely, { to: "ann@example.org", subject: "s", text: "t" }, now);
  await sink.down();
  const hooked: Date[] = [];
  const jobs = startBackgroundJobs({
    db: db.kysely,
    log: pino({ level: "silent" }),
    mailer: createMailer({ smtpUrl: sink.url, mailFrom: "desk@example.org" }),
    hourly: [async (at) => hooked.push(at)],
    mailTickMs: 200,
  });
  try {
    await jobs.drainMail();
    assert.equal(await countRateEvents(db.kysely, "mail-to", "k", 2 * day, now), 1);
    assert.equal(hooked.length, 1);
    await sink.up();
    // Within the pause that followed the failed pass, a pass does nothing.
    await jobs.drainMail();
    assert.equal(sink.messages.length, 0);
    for (let i = 0; i < 40 && sink.messages.length === 0; i++) await sleep(50);
    assert.equal(sink.messages.length, 1);
  } finally {
    await jobs.stop();
    await sink.close();
    await db.close();
  }
});
