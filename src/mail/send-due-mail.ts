/**
 * @module The outbox worker: sends the email that is due, records each result on its row, and logs
 * ids, attempts and error classes, never a recipient or a body.
 */
import type { Kysely } from "kysely";
import type { Logger } from "../log.ts";
import { dueMail, markMailFailed, markMailSent } from "../storage/mail-outbox.ts";
import type { Database } from "../storage/schema.ts";
import { redactAddresses } from "./mail-address.ts";
import type { Mailer } from "./mailer.ts";
import { classifySendError, nextMailAttempt } from "./retry.ts";

/** Rows read per batch; a pass keeps reading batches until nothing is due. */
const BATCH_SIZE = 20;

export interface MailPassReport {
  sent: number;
  /** Failed and to be retried later. */
  deferred: number;
  /** Failed for the last time (or can never be sent): left unsent with their last error. */
  givenUp: number;
  /** The pass stopped because the server could not be reached; the rest stay queued as they were. */
  serverDown: boolean;
}

/**
 * Sends every due email, one at a time, oldest first. A message the server refuses is retried with
 * back-off (1 min, 5 min, 30 min, 2 h, 12 h, then given up) and never holds up the others. When the
 * server itself fails, the pass stops and the message keeps its attempts: an outage loses nothing.
 * Delivery is at least once: a process killed after the server took a message but before its row was
 * marked sends it again.
 */
export async function sendDueMail(
  db: Kysely<Database>,
  mailer: Mailer,
  now: Date,
  log: Logger,
): Promise<MailPassReport> {
  const report: MailPassReport = { sent: 0, deferred: 0, givenUp: 0, serverDown: false };
  for (;;) {
    const batch = await dueMail(db, now, BATCH_SIZE);
    if (batch.length === 0) return report;
    for (const mail of batch) {
      const attempt = mail.attempts + 1;
      try {
        await mailer.send(mail);
      } catch (err) {
        const failure = classifySendError(err);
        const error = `${failure.code}${failure.responseCode ? ` ${failure.responseCode}` : ""}: ${redactAddresses(errorText(err))}`;
        const fields = {
          outbox_id: mail.id,
          attempts: attempt,
          error_code: failure.code,
          response_code: failure.responseCode,
        };
        if (failure.serverDown) {
          log.warn(
            { ...fields, attempts: mail.attempts, error },
            "mail server unavailable; mail stays queued",
          );
          report.serverDown = true;
          return report;
        }
        const retryAt = failure.permanent ? null : nextMailAttempt(attempt, now);
        await markMailFailed(db, mail.id, error, retryAt);
        if (retryAt) {
          report.deferred++;
          log.warn({ ...fields, retry_at: retryAt.toISOString() }, "mail not sent; will retry");
        } else {
          report.givenUp++;
          log.error(fields, "mail not sent; given up");
        }
        continue;
      }
      await markMailSent(db, mail.id, now);
      report.sent++;
      log.info({ outbox_id: mail.id, attempts: attempt }, "mail sent");
    }
    // Every row read was marked sent or moved into the future, so the next batch is new rows.
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").trim();
}
