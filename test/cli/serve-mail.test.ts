/**
 * @module `newsdesk serve` sends queued email from its primary process: a serve killed with SIGKILL
 * midway leaves every unsent row queued as it was, and the next serve sends them (at least once).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
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
    .select(["subject", "sent_at", "attempts", "last_error"])
    .orderBy("id")
    .execute();

test("serve drains the outbox; killed midway, unsent mail stays queued and the next serve sends it", async () => {
  const now = new Date();
  for (let i = 0; i < COUNT; i++) {
    await enqueueMail(
      db.kysely,
      { to: `reader${i}@example.org`, subject: `notice ${i}`, text: `body ${i}` },
      now,
    );
  }
  // Slow enough that the kill lands with most of the queue unsent.
  sink.delayMs = 150;
  const first = startServe();
  const firstExit = new Promise((resolve) => first.child.once("exit", resolve));
  await until("the first emails arrive", () => sink.messages.length >= 3);
  first.child.kill("SIGKILL");
  await firstExit;

  const afterKill = await rows();
  const received = new Set(sink.messages.map((m) => m.subject));
  const unsent = afterKill.filter((r) => r.sent_at === null);
  assert.ok(unsent.length > 0 && unsent.length < COUNT, `${unsent.length} unsent`);
  // Marked sent only after the server took it; unsent rows are untouched and due.
  for (const r of afterKill) if (r.sent_at !== null) assert.ok(received.has(r.subject), r.subject);
  for (const r of unsent) assert.deepEqual([Number(r.attempts), r.last_error], [0, null]);

  sink.delayMs = 0;
  const second = startServe();
  try {
    await until("every row is marked sent", async () => (await rows()).every((r) => r.sent_at !== null));
  } finally {
    const exited = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    assert.equal(await exited, 0);
  }
  const subjects = sink.messages.map((m) => m.subject);
  for (let i = 0; i < COUNT; i++) assert.ok(subjects.includes(`notice ${i}`), `notice ${i} arrived`);
  // At least once: only a message in flight at the kill may arrive twice.
  assert.ok(subjects.length <= COUNT + 1, `${subjects.length} deliveries`);
  const logs = first.stderr() + second.stderr();
  assert.match(logs, /"msg":"mail sent"/);
  assert.doesNotMatch(logs, /example\.org/);
  assert.doesNotMatch(logs, /body \d/);
});
