/**
 * @module The SMTP sender: one nodemailer transport from NEWSDESK_SMTP_URL, sending plain-text email
 * to one checked mailbox at a time. Only the outbox worker (send-due-mail.ts) calls it.
 */
import { createTransport } from "nodemailer";
import type { Config } from "../config/config.ts";
import type { OutgoingMail } from "../storage/mail-outbox.ts";
import { cleanHeaderText, isValidMailbox } from "./mail-address.ts";

/** Connecting and waiting for the server's greeting each give up after this long. */
const CONNECT_TIMEOUT_MS = 10_000;
/** An established connection that goes silent this long is dropped. */
const SOCKET_TIMEOUT_MS = 30_000;
/** Replies one send waits for after the greeting: EHLO, STARTTLS, EHLO, AUTH (two for LOGIN), MAIL, RCPT, DATA, the message's. */
const SMTP_REPLIES = 9;
/**
 * The longest a live send takes when each step uses its whole timeout (4 min 50 s): a claim older
 * than this is no live sender's. A server that trickles bytes to outlast the socket timeout could
 * take longer; it never leads to a message sent twice, only to one given up (send-due-mail.ts).
 */
export const LONGEST_SEND_MS = 2 * CONNECT_TIMEOUT_MS + SMTP_REPLIES * SOCKET_TIMEOUT_MS;

export interface Mailer {
  /** Sends one email; rejects with nodemailer's error (its `code`, `responseCode`) or `UnsendableMailError`. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Mail that no server will ever take (its recipient is not one valid mailbox): not retried. */
export class UnsendableMailError extends Error {
  readonly code = "EUNSENDABLE";
  constructor(message: string) {
    super(message);
    this.name = "UnsendableMailError";
  }
}

/**
 * The mailer for NEWSDESK_SMTP_URL, or null when it is empty (no email is sent). `smtp://` upgrades
 * with STARTTLS whenever the server offers it; `smtps://` is TLS from the first byte. Throws a clear
 * error for any other scheme or a From with line breaks, so `serve` fails at start, not at first send.
 */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer | null {
  if (config.smtpUrl === "") return null;
  let scheme: string;
  try {
    scheme = new URL(config.smtpUrl).protocol;
  } catch {
    throw new Error("NEWSDESK_SMTP_URL must be a URL such as smtp://user:pass@mail.example.org:587");
  }
  if (scheme !== "smtp:" && scheme !== "smtps:") {
    throw new Error(`NEWSDESK_SMTP_URL must start with smtp:// or smtps://, not ${scheme}//`);
  }
  if (/[\r\n]/.test(config.mailFrom)) throw new Error("NEWSDESK_MAIL_FROM must be one line");
  const transport = createTransport(
    {
      url: config.smtpUrl,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      // Our messages are text we wrote: never let one pull in a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
    },
    { from: config.mailFrom },
  );
  return {
    async send(mail) {
      // Refused here, not only by nodemailer: a comma or a newline must never add a recipient or a header.
      if (!isValidMailbox(mail.to))
        throw new UnsendableMailError("the recipient is not one valid email address");
      await transport.sendMail({ to: mail.to, subject: cleanHeaderText(mail.subject), text: mail.text });
    },
    close: () => transport.close(),
  };
}
