/** @module Typed errors with a stable id, an HTTP status, and a message an operator or reader can act on. */

export type ErrorId =
  | "fetch.dns"
  | "fetch.refused"
  | "fetch.timeout"
  | "fetch.tls"
  | "fetch.too_large"
  | "fetch.http_status"
  | "fetch.not_allowed"
  | "fetch.robots"
  | "fetch.robots_unreachable"
  | "fetch.bad_content_type"
  | "fetch.bot_challenge"
  | "fetch.network"
  | "fetch.bad_url"
  | "feed.not_a_feed"
  | "feed.malformed"
  | "feed.too_complex"
  | "opml.invalid"
  | "source.exists"
  | "account.exists"
  | "form.nul"
  | "storage.full"
  | "not_found";

/** An expected failure: shown to the user as is, recorded on the row it belongs to. */
export class NewsdeskError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  /** For throttling answers (429, 503): how long the other side asked us to wait. */
  readonly retryAfterMs: number | null;
  constructor(
    id: ErrorId,
    message: string,
    options: { status?: number; cause?: unknown; retryAfterMs?: number | null } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "NewsdeskError";
    this.id = id;
    this.status = options.status ?? 400;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** One line, no stack: what gets stored in sources.last_error. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, " ").trim().slice(0, 500);
}
