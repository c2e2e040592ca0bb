/** @module Structured logging (pino) with stable snake_case keys. */
import { pino } from "pino";

export type Logger = pino.Logger;

/** A logger writing JSON lines to stderr, so stdout stays for command output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
