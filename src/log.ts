/** @module Structured logging (pino) with stable snake_case keys. */
import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * Errors are logged by these fields only. pino's standard serializer copies every field an error
 * carries, and a PostgreSQL error's `detail` can quote a whole failing row (a commenter's email).
 */
function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; id?: unknown; status?: unknown; statusCode?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.id !== undefined ? { id: e.id } : {}),
    ...(e.status !== undefined || e.statusCode !== undefined ? { status: e.status ?? e.statusCode } : {}),
    stack: e.stack,
  };
}

/** A logger writing JSON lines to stderr (so stdout stays for command output), or to `destination`. */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, base: undefined, serializers: { err: errorFields } }, destination);
}
