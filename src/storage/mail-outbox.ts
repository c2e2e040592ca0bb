/**
 * @module The mail outbox: email is queued in the writer's request and sent later by the primary
 * process (mail/), so a slow or failed SMTP server never delays a page, and a crash loses nothing.
 * Each row is claimed (`sending_at`) right before it is sent, so none is sent twice.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text: no HTML email, nothing a mail client could run. */
  text: string;
}

/** Queues one email to send as soon as the sender runs. */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("mail_outbox")
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      created_at: at,
      send_after: at,
    })
    .execute();
}

export interface QueuedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

/** Kept for the operator to read, never picked again: the `send_after` of mail given up. */
const NEVER = "9999-01-01T00:00:00.000Z";

/** Up to `limit` unsent, unclaimed emails that are due, oldest first. */
export async function dueMail(db: Kysely<Database>, now: Date, limit = 20): Promise<QueuedMail[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text", "attempts"])
    .where("sent_at", "is", null)
    .where("sending_at", "is", null)
    .where("send_after", "<=", now.toISOString())
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    attempts: Number(r.attempts),
  }));
}

/**
 * Claims one due email for sending, committed before the SMTP conversation starts. A row another
 * sender claimed, sent or moved on since it was read is not claimed (one conditional UPDATE, whose
 * WHERE PostgreSQL checks again after waiting for a concurrent writer's row lock), so two senders
 * never both hold it. Returns whether this sender holds it now.
 */
export async function claimMail(
  db: Kysely<Database>,
  id: number,
  now: Date,
  claimAt: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ sending_at: claimAt.toISOString() })
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where("sending_at", "is", null)
    .where("send_after", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The server could not be reached: the claim is dropped and the row stays queued exactly as it was. */
export async function releaseMailClaim(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable("mail_outbox").set({ sending_at: null }).where("id", "=", id).execute();
}

export async function markMailSent(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ sent_at: now.toISOString(), sending_at: null })
    .where("id", "=", id)
    .execute();
}

/** A failed send is retried later (the caller chooses the back-off); after the last attempt it stays unsent with its error. */
export async function markMailFailed(
  db: Kysely<Database>,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 500),
      send_after: retryAt?.toISOString() ?? NEVER,
      sending_at: null,
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * Gives up every unsent email claimed before `claimedBefore`: its sender died mid-send, so the server
 * may have taken it, and sending it again could deliver it twice. Each row is given up once (the
 * claim is cleared in the same UPDATE; a row marked sent meanwhile is left alone). Returns their ids.
 */
export async function giveUpInterruptedMail(
  db: Kysely<Database>,
  claimedBefore: Date,
  error: string,
): Promise<number[]> {
  const rows = await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 500),
      send_after: NEVER,
      sending_at: null,
    }))
    .where("sent_at", "is", null)
    .where("sending_at", "<", claimedBefore.toISOString())
    .returning("id")
    .execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
