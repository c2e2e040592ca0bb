/**
 * @module Email for comments, queued in the outbox: reply notices and deletion links, each limited
 * per recipient so the comment form cannot be used to flood an inbox.
 */
import type { Kysely } from "kysely";
import { DELETE_LINK_TTL_MS, sealDeleteToken } from "../../comments/delete-token.ts";
import { deleteLinkMail, replyMail } from "../../comments/mail-text.ts";
import type { Config } from "../../config/config.ts";
import { enqueueRateLimitedMail } from "../../mail/rate-limited.ts";
import { findReplyNotice } from "../../storage/comment-writes.ts";
import type { OutgoingMail } from "../../storage/mail-outbox.ts";
import type { Database } from "../../storage/schema.ts";
import { articleUrl, siteBaseUrl } from "../feeds-out/site-urls.ts";

export interface MailDeps {
  db: Kysely<Database>;
  config: Config;
  /** The site secret (storage/secrets.ts siteSecret). */
  secret: string;
}

/** Whether the site can send email at all (NEWSDESK_SMTP_URL set). */
export function mailConfigured(config: Pick<Config, "smtpUrl">): boolean {
  return config.smtpUrl !== "";
}

/**
 * Queues `mail` unless its recipient has had NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR emails this hour:
 * the one per-recipient limit every sender shares (mail/rate-limited.ts). True when queued.
 */
export async function enqueueLimitedMail(deps: MailDeps, mail: OutgoingMail, now: Date): Promise<boolean> {
  return (await enqueueRateLimitedMail(deps.db, deps.config, mail, now)).queued;
}

/** The absolute URL of a deletion link for `email`'s comments. */
export function deleteLinkUrl(deps: MailDeps, email: string, now: Date): string {
  const token = sealDeleteToken(deps.secret, email, now);
  return `${siteBaseUrl(deps.config)}/comments/delete?token=${token}`;
}

/**
 * Tells the parent's author about an approved reply, if they ticked "notify me" and mail is set up.
 * Call it when a reply is stored approved, and when a moderator approves one (setCommentStatus
 * returns the newly approved ids). Returns true when an email was queued; never throws for a
 * missing comment (nothing to send).
 */
export async function notifyReply(deps: MailDeps, replyId: number, now: Date): Promise<boolean> {
  if (!mailConfigured(deps.config)) return false;
  const notice = await findReplyNotice(deps.db, replyId);
  if (!notice) return false;
  const base = siteBaseUrl(deps.config);
  const mail = replyMail({
    to: notice.parentEmail,
    siteTitle: deps.config.siteTitle,
    parentAuthor: notice.parentAuthor,
    replyAuthor: notice.replyAuthor,
    replyBody: notice.replyBody,
    articleTitle: notice.articleTitle,
    replyUrl: `${articleUrl(base, notice.articleId, notice.articleTitle)}#comment-${notice.replyId}`,
    deleteUrl: deleteLinkUrl(deps, notice.parentEmail, now),
  });
  return enqueueLimitedMail(deps, mail, now);
}

/** Queues a deletion link to `email` (rate-limited per recipient). True when queued. */
export async function sendDeleteLink(deps: MailDeps, email: string, now: Date): Promise<boolean> {
  const mail = deleteLinkMail(
    email,
    deps.config.siteTitle,
    deleteLinkUrl(deps, email, now),
    DELETE_LINK_TTL_MS / 3_600_000,
  );
  return enqueueLimitedMail(deps, mail, now);
}
