/**
 * @module A database that cannot take a write because its disk is full, told apart from other
 * failures: SQLite's SQLITE_FULL (the disk, or max_page_count) and PostgreSQL's disk_full (53100).
 * Nothing is half-written (the transaction rolls back); writes work again once space returns.
 */
import { NewsdeskError } from "../errors.ts";

/** The one-line message readers, operators and `newsdesk sources` see. */
export const STORAGE_FULL_MESSAGE =
  "storage: the database's disk is full, so nothing new can be saved; writes resume once space is freed";

/** A NewsdeskError (`storage.full`, 503) for `err` when it is a full disk, else null. */
export function storageFailure(err: unknown): NewsdeskError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== "SQLITE_FULL" && code !== "53100") return null;
  return new NewsdeskError("storage.full", STORAGE_FULL_MESSAGE, { status: 503, cause: err });
}
