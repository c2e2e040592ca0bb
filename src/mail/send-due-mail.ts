/**
 * @module The outbox worker: sends the email that is due, each claimed in the database right before
 * it is sent, records each result on its row, and logs ids, attempts and error classes, never a
 * recipient or a body.
 */
import type { Kysely } from "kysely";
import type { Logger } from "../log.ts";
import {
  claimMail,
  dueMail,
  giveUpInterruptedMail,
  markMailFailed,
  markMailSent,
  releaseMailClaim,
} from "../storage/mail-outbox.ts";
import type { Database } from "../storage/schema.ts";
import { redactAddresses } from "./mail-address.ts";
import { LONGEST_SEND_MS, type Mailer } from "./mailer.ts";
import { classifySendError, nextMailAttempt } from "./retry.ts";

/** Rows read per batch; a pass keeps reading batches until nothing is due. Each is claimed only as it is sent. */
const BATCH_SIZE = 20;

/** On PostgreSQL a claim may be written by another machine, whose clock can be off ours (NTP keeps it within a second; a minute is generous). */
const CLOCK_MARGIN_MS = 60_000;

/**
 * A claim older than this is taken for a sender that died mid-send. Drains run one at a time (a
 * singleton job on PostgreSQL, `serve`'s one fetcher on SQLite), so a claimed row normally means its
 * sender was killed; the age guards the rare overlap (a worker taken for dead while it still runs, a
 * second `serve` on one SQLite file), where a live sender's claim must not be judged.
 */
export const INTERRUPTED_CLAIM_MS = LONGEST_SEND_MS + CLOCK_MARGIN_MS;

/** The last_error of a message given up because its sender died mid-send. */
export const INTERRUPTED_ERROR =
  "EINTERRUPTED: interrupted while sending; not resent, as the server may have taken it";

export interface MailPassReport {
  sent: number;
  /** Failed and to be retried later. */
  deferred: number;
  /** Failed for the last time (or can never be sent): left unsent with their last error. */
  givenUp: number;
  /** Claimed by a sender that died mid-send: given up, since the server may have taken them. */
  interrupted: number;
  /** The pass stopped because the server could not be reached; the rest stay queued as they were. */
  serverDown: boolean;
}

/**
 * Sends every due email, one at a time, oldest first. A message the server refuses is retried with
 * back-off (1 min, 5 min, 30 min, 2 h, 12 h, then given up) and never holds up the others. When the
 * server itself fails, the pass stops and the message keeps its attempts: an outage loses nothing.
 *
 * Each message is claimed in a committed write right before its SMTP conversation and marked sent
 * once the server accepted it, so a process killed mid-send never gets it sent twice: delivery is at
 * most once for a message interrupted mid-send. Its row stays claimed and no one knows whether the
 * server took it; a later pass gives it up (`INTERRUPTED_ERROR`, logged by id) instead of sending it
 * again. One window is SMTP's own (RFC 1047): a connection that drops after the server took the
 * message but before its reply arrives reads as the server being down, and the message is sent again.
 */
export async function sendDueMail(
  db: Kysely<Database>,
  mailer: Mailer,
  now: Date,
  log: Logger,
): Promise<MailPassReport> {
  const report: MailPassReport = { sent: 0, deferred: 0, givenUp: 0, interrupted: 0, serverDown: false };
  const interrupted = await giveUpInterruptedMail(
    db,
    new Date(now.getTime() - INTERRUPTED_CLAIM_MS),
    INTERRUPTED_ERROR,
  );
  report.interrupted = interrupted.length;
  for (const id of interrupted) {
    log.error(
      { outbox_id: id, error_code: "EINTERRUPTED" },
      "mail interrupted while sending; given up, not resent",
    );
  }
  // A claim is stamped with the time it is taken (`now` moved on by the pass's own running time), so
  // the claims of a long pass never look old to another drain.
  const started = performance.now();
  const claimTime = () => new Date(now.getTime() + (performance.now() - started));
  for (;;) {
    const batch = await dueMail(db, now, BATCH_SIZE);
    if (batch.length === 0) return report;
    for (const mail of batch) {
      // Claimed just before it is sent, never a batch ahead: a kill strands at most this one message.
      // Not claimed: another drain holds it or has dealt with it.
      if (!(await claimMail(db, mail.id, now, claimTime()))) continue;
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
          await releaseMailClaim(db, mail.id);
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
    // Every row read was marked sent, moved into the future or claimed by another, so the next batch is new rows.
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").trim();
}
