/**
 * @module A child process that drains the mail outbox once, as the `drain_mail` job and `serve`'s
 * fetcher do (the same `sendDueMail`), for the kill test. Environment: DATABASE_URL (a migrated
 * database), NEWSDESK_SMTP_URL and LOG_LEVEL. Prints the pass's report as JSON and exits.
 */
import { createLogger } from "../../src/log.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { sendDueMail } from "../../src/mail/send-due-mail.ts";
import { openDb } from "../../src/storage/db.ts";

const db = openDb(process.env.DATABASE_URL ?? "");
const mailer = createMailer({
  smtpUrl: process.env.NEWSDESK_SMTP_URL ?? "",
  mailFrom: "desk@news.example.org",
});
if (!mailer) throw new Error("NEWSDESK_SMTP_URL is not set");
try {
  const report = await sendDueMail(
    db.kysely,
    mailer,
    new Date(),
    createLogger(process.env.LOG_LEVEL ?? "info"),
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  mailer.close();
  await db.close();
}
