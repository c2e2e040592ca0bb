/** @module When a failed email is tried again, and whether a failure is the message's or the server's. */

/** Waits after the 1st, 2nd ... 5th failed attempt; the 6th failure gives up. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;
export const MAX_MAIL_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;

/** When to try again after the attempt numbered `attempt` (1-based) failed, or null to give up. */
export function nextMailAttempt(attempt: number, now: Date): Date | null {
  const delay = MAIL_RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export interface SendFailure {
  /** nodemailer's error code (ECONNECTION, EENVELOPE ...) or ours (EUNSENDABLE); "EUNKNOWN" otherwise. */
  code: string;
  /** The SMTP reply code, when the server answered. */
  responseCode: number | null;
  /**
   * The server (or our link to it) failed, not this message: unreachable, timed out, TLS, sign-in.
   * Such a failure costs the message no attempt, and the pass stops, since the rest would fail alike.
   */
  serverDown: boolean;
  /** Never worth retrying (the recipient is not a valid address). */
  permanent: boolean;
}

const SERVER_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ETLS",
  "EREQUIRETLS",
  "EAUTH",
  "ENOAUTH",
  "EOAUTH2",
  "EPROXY",
  "ECONFIG",
  "ECONNREFUSED",
]);

/** Classifies what `Mailer.send` threw. */
export function classifySendError(err: unknown): SendFailure {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === "string" ? e.code : "EUNKNOWN";
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : null;
  return {
    code,
    responseCode,
    // 421: the server is closing the channel (busy, shutting down).
    serverDown: SERVER_CODES.has(code) || responseCode === 421,
    permanent: code === "EUNSENDABLE",
  };
}
