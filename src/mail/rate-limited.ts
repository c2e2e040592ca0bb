/**
 * @module Queuing email to an address someone else typed (a commenter's, a moderator's), at most
 * NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR to each address, so the comment form cannot bomb an inbox.
 */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import { enqueueMail, type OutgoingMail } from "../storage/mail-outbox.ts";
import { takeRateToken } from "../storage/rate-events.ts";
import type { Database } from "../storage/schema.ts";
import { siteSecret } from "../storage/secrets.ts";
import { keyedHash } from "../util/keyed-hash.ts";
import { cleanHeaderText, isValidMailbox } from "./mail-address.ts";

const HOUR_MS = 3_600_000;

export type MailQueueResult =
  | { queued: true }
  | {
      queued: false;
      /** mail-off: no NEWSDESK_SMTP_URL; bad-address: not one valid mailbox; rate-limited: too many this hour. */
      reason: "mail-off" | "bad-address" | "rate-limited";
      retryAfterSeconds: number;
    };

export type MailConfig = Pick<Config, "secret" | "smtpUrl" | "mailPerAddressPerHour">;

/** The rate-limit key for mail to `address`: a keyed hash, so rate_events never hold an address. */
export async function mailRateKey(db: Kysely<Database>, config: Pick<Config, "secret">, address: string) {
  return keyedHash(await siteSecret(db, config), "rate-mail", address.trim().toLowerCase());
}

/**
 * Queues `mail` unless mail is off, its address is not one valid mailbox, or that address already
 * had NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR emails queued in the last hour (then it is dropped, not
 * delayed: a flood stays out of the queue). The subject is put on one line.
 */
export async function enqueueRateLimitedMail(
  db: Kysely<Database>,
  config: MailConfig,
  mail: OutgoingMail,
  now: Date,
): Promise<MailQueueResult> {
  if (config.smtpUrl === "") return { queued: false, reason: "mail-off", retryAfterSeconds: 0 };
  const to = mail.to.trim().toLowerCase();
  if (!isValidMailbox(to)) return { queued: false, reason: "bad-address", retryAfterSeconds: 0 };
  const decision = await takeRateToken(
    db,
    {
      bucket: "mail-to",
      key: await mailRateKey(db, config, to),
      limit: config.mailPerAddressPerHour,
      windowMs: HOUR_MS,
    },
    now,
  );
  if (!decision.allowed) {
    return { queued: false, reason: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };
  }
  await enqueueMail(db, { to, subject: cleanHeaderText(mail.subject), text: mail.text }, now);
  return { queued: true };
}
