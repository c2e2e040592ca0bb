/**
 * @module What every request handler gets: the database, settings and logger. No fetcher: the web tier
 * opens no outbound connection (a WebSub push is kept and stored by the fetcher or a worker).
 */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { Logger } from "../log.ts";
import type { Database } from "../storage/schema.ts";

export interface WebContext {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
}
