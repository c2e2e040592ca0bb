/** @module What every request handler gets: the database, settings, logger and the process's Fetcher. */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { Logger } from "../log.ts";
import type { Database } from "../storage/schema.ts";

export interface WebContext {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  /** For the article pages of items a WebSub hub pushes. */
  fetcher: Fetcher;
}
