/** @module Which PostgreSQL schema holds a site's job queue. */
import type { Config } from "../config/config.ts";

/**
 * The queue's schema: NEWSDESK_QUEUE_SCHEMA, else `<schema>_queue` when the database URL selects a
 * schema through its search_path (several sites in one database), else graphile-worker's own.
 */
export function queueSchemaOf(config: Pick<Config, "queueSchema" | "databaseUrl">): string {
  if (config.queueSchema) return config.queueSchema;
  let options = "";
  try {
    options = new URL(config.databaseUrl).searchParams.get("options") ?? "";
  } catch {
    // Not a URL we can read options from: the default.
  }
  const schema = /search_path\s*=\s*"?([a-z_][a-z0-9_]*)/i.exec(options)?.[1]?.toLowerCase();
  return schema ? `${schema}_queue` : "graphile_worker";
}
