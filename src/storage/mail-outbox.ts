/**
 * @module The mail outbox: email is queued in the writer's request and sent later by the primary
 * process (mail/), so a slow or failed SMTP server never delays a page, and a crash loses nothing.
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

/** Up to `limit` unsent emails that are due, oldest first. */
export async function dueMail(db: Kysely<Database>, now: Date, limit = 20): Promise<QueuedMail[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text", "attempts"])
    .where("sent_at", "is", null)
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

export async function markMailSent(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db.updateTable("mail_outbox").set({ sent_at: now.toISOString() }).where("id", "=", id).execute();
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
      // Far in the future when given up: kept for the operator to read, never picked again.
      send_after: (retryAt ?? new Date("9999-01-01T00:00:00.000Z")).toISOString(),
    }))
    .where("id", "=", id)
    .execute();
}
