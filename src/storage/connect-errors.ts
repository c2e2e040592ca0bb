/**
 * @module Why the database could not be reached, said as such: pg's own messages ("connect
 * ECONNREFUSED 127.0.0.1:5432", 'role "x" does not exist') name neither the database nor the
 * setting to check.
 */

/** Where DATABASE_URL points, without its password. */
export function databaseAddress(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === "postgres:" || u.protocol === "postgresql:") {
      // Host and database only: never the user's password.
      return `PostgreSQL at ${u.host || "localhost"}${u.pathname}`;
    }
  } catch {
    // Not a URL: told as it is below.
  }
  return url.startsWith("sqlite:") ? `SQLite file ${url.slice("sqlite:".length)}` : "the database";
}

/** Network errors and PostgreSQL's connection-time refusals, with what each means. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is the server running and listening there?)",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ECONNRESET: "connection reset by the server",
  "28000": "access refused", // invalid_authorization_specification (no such role, pg_hba.conf)
  "28P01": "wrong password",
  "3D000": "no such database",
  "57P03": "the server is starting up or shutting down",
  "53300": "too many connections",
};

/**
 * An error that says the database could not be reached, for `err` when it is a connection failure
 * (keeping the driver's message after it), else `err` itself.
 */
export function explainConnectError(err: unknown, url: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  if (!reason) return err;
  const detail = (err as Error).message;
  return new Error(
    `database: cannot use ${databaseAddress(url)} (DATABASE_URL): ${reason}${detail ? ` [${detail}]` : ""}`,
    { cause: err },
  );
}
