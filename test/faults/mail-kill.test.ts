/**
 * @module Issue 16's bar for email: a process draining the outbox is killed with SIGKILL mid-drain,
 * again and again, then the outbox is drained to its end, on SQLite and PostgreSQL. The SMTP sink
 * counts every message: none arrives twice, every row ends sent or given up as interrupted (at most
 * one per kill), and a row marked sent is one the server took. The first kill lands in the worst
 * moment, when the server has taken a message and its sender has not heard so yet; the others at
 * random moments of the drain.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "../../src/log.ts";
import { createMailer, type Mailer } from "../../src/mail/mailer.ts";
import { INTERRUPTED_CLAIM_MS, INTERRUPTED_ERROR, sendDueMail } from "../../src/mail/send-due-mail.ts";
import { openDb } from "../../src/storage/db.ts";
import { enqueueMail } from "../../src/storage/mail-outbox.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { bothDatabases, stopTestPostgres } from "../support/databases.ts";
import { faultSeed, seededRandom } from "../support/seeded-random.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";

const ROOT = join(import.meta.dirname, "../..");
const CHILD = join(ROOT, "test/support/mail-drain-child.ts");
/** Enough that the kills never see the outbox drained: each drain sends a handful before its kill. */
const MAIL_COUNT = 60;
const KILLS = 3;
/** The sink answers each message this late, so a kill mostly lands inside an SMTP conversation. */
const ANSWER_DELAY_MS = 40;
/** A random kill comes this long at most after the round's first message arrived. */
const KILL_WINDOW_MS = 400;

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`the outbox drain killed with SIGKILL mid-drain, on ${name}`, () => {
    test("no email arrives twice; each row ends sent or given up as interrupted, at most one per kill", async () => {
      const random = seededRandom(faultSeed(name === "sqlite" ? 161 : 162));
      const tdb = await make();
      const db = openDb(tdb.url);
      const sink: SmtpSink = await startSmtpSink();
      let mailer: Mailer | null = null;
      try {
        await migrateToLatest(db);
        for (let i = 0; i < MAIL_COUNT; i++)
          await enqueueMail(
            db.kysely,
            { to: `r${i}@example.org`, subject: `notice ${i}`, text: "t" },
            new Date(),
          );
        sink.delayMs = ANSWER_DELAY_MS;
        const rows = () =>
          db.kysely
            .selectFrom("mail_outbox")
            .select(["subject", "sent_at", "sending_at", "last_error"])
            .orderBy("id")
            .execute();
        let logs = "";

        for (let round = 0; round < KILLS; round++) {
          const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
            cwd: ROOT,
            env: { ...process.env, DATABASE_URL: tdb.url, NEWSDESK_SMTP_URL: sink.url, LOG_LEVEL: "info" },
            stdio: ["ignore", "pipe", "pipe"],
          });
          child.stderr.on("data", (d) => {
            logs += d;
          });
          const exited = once(child, "exit") as Promise<[number | null, string | null]>;
          let arrived = 0;
          const firstArrived = new Promise<void>((resolve) => {
            sink.onData = () => {
              arrived++;
              // The first round's kill: the server holds the message, its sender has no answer yet.
              if (round === 0 && arrived === 3) child.kill("SIGKILL");
              resolve();
            };
          });
          await Promise.race([firstArrived, exited]);
          if (round > 0) {
            await sleep(random() * KILL_WINDOW_MS);
            child.kill("SIGKILL");
          }
          const [code, signal] = await exited;
          sink.onData = null;
          assert.equal(signal, "SIGKILL", `round ${round} was killed, not ended (exit ${code}): ${logs}`);
          // What the sink took in flight arrives after its delay; then the rows are compared with it.
          await sleep(ANSWER_DELAY_MS * 3);
          const now = await rows();
          const received = new Set(sink.messages.map((m) => m.subject));
          for (const r of now)
            if (r.sent_at !== null) assert.ok(received.has(r.subject), `${r.subject} marked sent`);
          const claimed = now.filter((r) => r.sending_at !== null).length;
          assert.ok(claimed <= round + 1, `${claimed} rows claimed after ${round + 1} kills`);
          if (round === 0)
            assert.equal(claimed, 1, "the message the server took before the kill stays claimed");
        }

        // Later, past the longest send a live sender could be in: the claims are judged the killed
        // senders', given up unsent; the rest go.
        sink.delayMs = 0;
        mailer = createMailer({ smtpUrl: sink.url, mailFrom: "desk@news.example.org" }) as Mailer;
        const later = new Date(Date.now() + INTERRUPTED_CLAIM_MS + 1000);
        const last = await sendDueMail(db.kysely, mailer, later, createLogger("silent"));
        assert.equal(last.serverDown, false);
        assert.ok(last.interrupted >= 1 && last.interrupted <= KILLS, `${last.interrupted} interrupted`);

        const subjects = sink.messages.map((m) => m.subject);
        assert.equal(new Set(subjects).size, subjects.length, "no email arrived twice");
        const received = new Set(subjects);
        const end = await rows();
        assert.equal(end.length, MAIL_COUNT);
        for (const r of end) {
          assert.equal(r.sending_at, null, r.subject);
          if (r.sent_at !== null) assert.ok(received.has(r.subject), `${r.subject} marked sent and arrived`);
          else
            assert.equal(r.last_error, INTERRUPTED_ERROR, `${r.subject} is sent or given up as interrupted`);
        }
        const interrupted = end.filter((r) => r.sent_at === null);
        assert.equal(interrupted.length, last.interrupted);
        // Every message not interrupted arrived: nothing was lost but the ones whose fate was unknown.
        assert.equal(end.filter((r) => r.sent_at !== null).length, MAIL_COUNT - interrupted.length);
        console.log(
          `mail kills on ${name}: ${KILLS} kills, ${subjects.length} delivered, ${interrupted.length} interrupted (${interrupted.filter((r) => received.has(r.subject)).length} of them the server had)`,
        );
        assert.match(logs, /"msg":"mail sent"/);
        assert.doesNotMatch(logs, /example\.org/);
      } finally {
        sink.onData = null;
        mailer?.close();
        await sink.close();
        await db.close();
        await tdb.drop();
      }
    });
  });
}
