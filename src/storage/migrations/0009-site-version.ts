/**
 * @module The site's data version: one row every write to what pages show bumps, by trigger, in the
 * writer's own transaction, so every process (web workers, the fetcher, other machines) can tell
 * cheaply whether its cached pages are still current.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";

/** Tables whose every insert, update and delete changes some page. */
const TABLES = ["articles", "stories", "article_topics", "comments"];
/**
 * Sources are updated at every poll (health, next_fetch_at, and title and site_url rewritten with the
 * same values), so their updates bump only when a column pages show really changes.
 */
const SOURCE_COLUMNS = ["url", "title", "site_url", "category", "display_mode", "disabled_at"];
const SOURCE_CHANGED = SOURCE_COLUMNS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(" OR ");

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("site_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    // When the version last changed (ISO-8601 UTC): the pages' Last-Modified, the same in every process.
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO site_version (id, version, changed_at) VALUES (1, 1, ${new Date().toISOString()})`.execute(
    db,
  );
  if (dialect === "postgres") await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  // SQLite has only row triggers; one single-row UPDATE per written row costs a few microseconds.
  const bump = `UPDATE site_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;`;
  // [name, "AFTER <event> ON <table> [WHEN ...]"]
  const triggers: Array<[string, string]> = [];
  for (const table of [...TABLES, "sources"]) {
    for (const event of ["INSERT", "UPDATE", "DELETE"]) {
      const when =
        table === "sources" && event === "UPDATE"
          ? ` WHEN ${SOURCE_CHANGED.replaceAll("IS DISTINCT FROM", "IS NOT")}`
          : "";
      triggers.push([`site_version_${table}_${event.toLowerCase()}`, `${event} ON ${table}${when}`]);
    }
  }
  for (const [name, on] of triggers) {
    await sql.raw(`CREATE TRIGGER ${name} AFTER ${on} BEGIN ${bump} END`).execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // The row lock this UPDATE takes orders concurrent writers' commits, so a reader that sees
  // version N also sees every write that made it N.
  await sql`CREATE FUNCTION newsdesk_bump_site_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE site_version SET version = version + 1,
        changed_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        WHERE id = 1;
      RETURN NULL;
    END $$`.execute(db);
  const run = "EXECUTE FUNCTION newsdesk_bump_site_version()";
  // Statement triggers, so a bulk insert bumps once; sources' updates per row, to compare the columns.
  const statements = [
    ...TABLES.map((t) => `INSERT OR UPDATE OR DELETE ON ${t}`),
    "INSERT OR DELETE ON sources",
  ];
  for (const [i, on] of statements.entries()) {
    await sql.raw(`CREATE TRIGGER site_version_${i} AFTER ${on} FOR EACH STATEMENT ${run}`).execute(db);
  }
  await sql
    .raw(
      `CREATE TRIGGER site_version_sources_update AFTER UPDATE ON sources FOR EACH ROW WHEN (${SOURCE_CHANGED}) ${run}`,
    )
    .execute(db);
}
