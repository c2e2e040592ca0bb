/** @module The email telling moderators that comments wait in the queue: at most one an hour each. */
import type { Kysely } from "kysely";
import { siteBaseUrl } from "../config/base-url.ts";
import type { Config } from "../config/config.ts";
import { countPendingComments } from "../storage/comment-queue.ts";
import type { OutgoingMail } from "../storage/mail-outbox.ts";
import { takeRateToken } from "../storage/rate-events.ts";
import type { Database } from "../storage/schema.ts";
import { isValidMailbox } from "./mail-address.ts";
import { enqueueRateLimitedMail, type MailConfig, mailRateKey } from "./rate-limited.ts";

const HOUR_MS = 3_600_000;

export type NoticeConfig = MailConfig & Pick<Config, "notifyModerators" | "publicUrl" | "host" | "port">;

/** The notice itself (pure): how many wait and the link to the queue. */
export function moderatorNotice(to: string, waiting: number, baseUrl: string): OutgoingMail {
  const what = waiting === 1 ? "1 comment waits" : `${waiting} comments wait`;
  return {
    to,
    subject: `${what} for moderation`,
    text: [
      `${what} for a moderator.`,
      "",
      `Review the queue: ${baseUrl}/admin/comments`,
      "",
      "You get this email at most once an hour while comments wait.",
      "The site's operator turns these notices off with NEWSDESK_NOTIFY_MODERATORS=0.",
      "",
    ].join("\n"),
  };
}

/**
 * When NEWSDESK_NOTIFY_MODERATORS is 1 and comments wait, queues the notice to each moderator who has
 * not had one in the last hour (bucket "mail-queue-notice"; the per-address limit of
 * `enqueueRateLimitedMail` applies too). Call it after a comment is held. Returns how many were queued.
 */
export async function notifyModeratorsOfQueue(
  db: Kysely<Database>,
  config: NoticeConfig,
  now: Date,
  moderators: ReadonlyArray<{ email: string }>,
): Promise<number> {
  if (config.notifyModerators !== 1 || config.smtpUrl === "" || moderators.length === 0) return 0;
  const waiting = await countPendingComments(db);
  if (waiting === 0) return 0;
  const base = siteBaseUrl(config);
  let queued = 0;
  for (const { email } of moderators) {
    if (!isValidMailbox(email)) continue;
    const key = await mailRateKey(db, config, email);
    const hourly = await takeRateToken(
      db,
      { bucket: "mail-queue-notice", key, limit: 1, windowMs: HOUR_MS },
      now,
    );
    if (!hourly.allowed) continue;
    const result = await enqueueRateLimitedMail(db, config, moderatorNotice(email, waiting, base), now);
    if (result.queued) queued++;
  }
  return queued;
}
