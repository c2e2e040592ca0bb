/** @module What every request handler gets: the database, settings and logger. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { Logger } from "../log.ts";
import type { Database } from "../storage/schema.ts";

export interface WebContext {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
}
