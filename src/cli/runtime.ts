/** @module What every command needs: settings, a logger, and a migrated database, opened and closed in one place. */
import { type Config, loadConfig } from "../config/config.ts";
import { createLogger, type Logger } from "../log.ts";
import { explainConnectError } from "../storage/connect-errors.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date. One-shot commands log only warnings (or,
 * `quiet: "errors"`, for a command that reports each warning itself, only errors) unless LOG_LEVEL
 * says otherwise, so their own output stays readable.
 */
export async function openRuntime(options: { quiet?: boolean | "errors" } = {}): Promise<Runtime> {
  const config = loadConfig();
  const quietLevel = options.quiet === "errors" ? "error" : "warn";
  const level = options.quiet && !process.env.LOG_LEVEL ? quietLevel : config.logLevel;
  const log = createLogger(level);
  const db = openDb(config.databaseUrl, {
    onConnectionLost: (err) =>
      log.warn({ error: err.message }, "database connection lost; the next query reconnects"),
  });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw explainConnectError(err, config.databaseUrl);
  }
  return { config, log, db, close: () => db.close() };
}
