/**
 * @module What the live database says its tables are (its own catalog, not a list kept by hand): each
 * table the migrations made, its columns, primary key and id sequence, on SQLite and PostgreSQL.
 * `migrate-db` copies and checksums from this, so a table a new migration adds is copied without
 * anyone remembering to list it.
 */
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, type Kysely, sql } from "kysely";
import type { Dialect } from "./db.ts";

/** Any table by name: the copy handles tables it learns about at run time. */
export type AnyDb = Record<string, Record<string, unknown>>;

export interface TableInfo {
  name: string;
  /** Stored columns in the catalog's order; generated ones (PostgreSQL's search vector) are left out. */
  columns: string[];
  /** The primary key's columns in key order: rows are read in this order, a batch at a time. */
  primaryKey: string[];
  /** Columns holding bytes (blob, bytea): their tables are read in smaller batches. */
  binaryColumns: string[];
  /** The column whose ids the engine hands out (SQLite AUTOINCREMENT, a PostgreSQL serial), if any. */
  idSequence: string | null;
}

/** Kysely's own bookkeeping: each database keeps its own record of the migrations applied to it. */
const MIGRATOR_TABLES = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);

/**
 * PostgreSQL's search index as a table (migration 0026), which triggers write from each article as
 * SQLite's FTS5 table is (left out below by its type): derived from the articles, so it is neither
 * copied nor compared; a copy into PostgreSQL fills it as the articles arrive.
 */
const INDEX_TABLES = new Set(["article_search"]);

/** Every table of the schema the connection works in, by name, sorted. */
export async function describeTables(db: Kysely<AnyDb>, dialect: Dialect): Promise<TableInfo[]> {
  const tables = dialect === "postgres" ? await describePostgres(db) : await describeSqlite(db);
  const ours = tables.filter((t) => !MIGRATOR_TABLES.has(t.name) && !INDEX_TABLES.has(t.name));
  for (const t of ours)
    if (t.primaryKey.length === 0)
      throw new Error(`table ${t.name} has no primary key to read it in order by`);
  return ours.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function describeSqlite(db: Kysely<AnyDb>): Promise<TableInfo[]> {
  // type 'table' only: FTS5's virtual table and its shadow tables are an index the triggers rebuild.
  const names = await sql<{ name: string }>`
    SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
      AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`.execute(db);
  const out: TableInfo[] = [];
  for (const { name } of names.rows) {
    // hidden: 0 a stored column, 2 and 3 generated ones.
    const cols = await sql<{ name: string; type: string; pk: number; hidden: number }>`
      SELECT name, type, pk, hidden FROM pragma_table_xinfo(${name}) ORDER BY cid`.execute(db);
    const stored = cols.rows.filter((c) => c.hidden === 0);
    const primaryKey = stored
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const ddl = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema WHERE name = ${name}`.execute(db);
    const autoincrement = /\bautoincrement\b/i.test(ddl.rows[0]?.sql ?? "");
    out.push({
      name,
      columns: stored.map((c) => c.name),
      primaryKey,
      binaryColumns: stored.filter((c) => /^blob$/i.test(c.type)).map((c) => c.name),
      idSequence: autoincrement && primaryKey.length === 1 ? (primaryKey[0] ?? null) : null,
    });
  }
  return out;
}

async function describePostgres(db: Kysely<AnyDb>): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; serial: boolean }>`
    SELECT c.table_name, c.column_name, c.data_type,
      pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL AS serial
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT k.table_name, k.column_name
    FROM information_schema.table_constraints t
    JOIN information_schema.key_column_usage k
      ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name
    WHERE t.table_schema = current_schema() AND t.constraint_type = 'PRIMARY KEY'
    ORDER BY k.table_name, k.ordinal_position`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    let t = byName.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], primaryKey: [], binaryColumns: [], idSequence: null };
      byName.set(c.table_name, t);
    }
    t.columns.push(c.column_name);
    if (c.data_type === "bytea") t.binaryColumns.push(c.column_name);
    if (c.serial) t.idSequence = c.column_name;
  }
  for (const k of keys.rows) byName.get(k.table_name)?.primaryKey.push(k.column_name);
  return [...byName.values()];
}

/** The highest id the table's sequence has handed out (deleted rows' ids included), or 0. */
export async function highestIssuedId(
  db: Kysely<AnyDb>,
  dialect: Dialect,
  table: TableInfo,
): Promise<number> {
  if (!table.idSequence) return 0;
  if (dialect === "sqlite") {
    const row = await sql<{
      seq: number;
    }>`SELECT seq FROM sqlite_sequence WHERE name = ${table.name}`.execute(db);
    return Number(row.rows[0]?.seq ?? 0);
  }
  const seq = await sql<{ last_value: number; is_called: boolean }>`
    SELECT last_value, is_called FROM ${sql.raw(await postgresSequence(db, table))}`.execute(db);
  const row = seq.rows[0];
  return row ? Number(row.last_value) - (row.is_called ? 0 : 1) : 0;
}

/**
 * Makes the table's sequence hand out ids above both `atLeast` and its highest row, so an id the
 * source once used (even for a row deleted since) is never given to a new row.
 */
export async function advanceIdSequence(
  db: Kysely<AnyDb>,
  dialect: Dialect,
  table: TableInfo,
  atLeast: number,
): Promise<void> {
  const column = table.idSequence;
  if (!column) return;
  const max = await sql<{
    m: number | null;
  }>`SELECT max(${sql.ref(column)}) AS m FROM ${sql.table(table.name)}`.execute(db);
  const highest = Math.max(atLeast, Number(max.rows[0]?.m ?? 0));
  if (dialect === "postgres") {
    const seq = await postgresSequence(db, table);
    // setval(..., false): the next id is exactly `highest + 1`.
    await sql`SELECT setval(${seq}, ${highest + 1}, false)`.execute(db);
    return;
  }
  if (highest === 0) return;
  const updated =
    await sql`UPDATE sqlite_sequence SET seq = CAST(${highest} AS INTEGER) WHERE name = ${table.name}`.execute(
      db,
    );
  if (Number(updated.numAffectedRows ?? 0) === 0)
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table.name}, CAST(${highest} AS INTEGER))`.execute(
      db,
    );
}

async function postgresSequence(db: Kysely<AnyDb>, table: TableInfo): Promise<string> {
  const row = await sql<{ seq: string }>`
    SELECT pg_get_serial_sequence(quote_ident(${table.name}), ${table.idSequence}) AS seq`.execute(db);
  const seq = row.rows[0]?.seq;
  if (!seq) throw new Error(`table ${table.name} has no sequence behind ${table.idSequence}`);
  return seq;
}

export interface ForeignKey {
  table: string;
  name: string;
  /** The constraint as PostgreSQL prints it (`FOREIGN KEY (x) REFERENCES y(id) ON DELETE CASCADE`). */
  definition: string;
}

/** PostgreSQL's foreign keys in the current schema, with what it takes to create each again. */
export async function postgresForeignKeys(db: Kysely<AnyDb>): Promise<ForeignKey[]> {
  const rows = await sql<ForeignKey>`
    SELECT r.relname AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
    WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
    ORDER BY r.relname, c.conname`.execute(db);
  return rows.rows;
}
