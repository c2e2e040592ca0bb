/**
 * @module Reading a whole table a batch at a time in primary-key order (keyset pages: memory stays
 * bounded at any size), and a checksum of its rows computed the same way on SQLite and PostgreSQL,
 * so a copy can be compared with its original.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { AnyDb, TableInfo } from "./catalog.ts";

export type Row = Record<string, unknown>;

/** Rows per batch: a few MB of article text; 50 for tables of bytes (kept pages are up to 2 MB each). */
export function batchSize(table: TableInfo): number {
  return table.binaryColumns.length > 0 ? 50 : 500;
}

/** The table's rows, `size` at a time, in primary-key order. */
export async function* readBatches(
  db: Kysely<AnyDb>,
  table: TableInfo,
  size = batchSize(table),
): AsyncGenerator<Row[]> {
  const key = sql.join(table.primaryKey.map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  for (;;) {
    let q = db.selectFrom(table.name).select(table.columns);
    if (after) q = q.where(sql<boolean>`(${key}) > (${sql.join(after)})`);
    for (const c of table.primaryKey) q = q.orderBy(c);
    const rows: Row[] = await q.limit(size).execute();
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    if (rows.length < size) return;
    after = table.primaryKey.map((c) => last[c]);
  }
}

export async function countRows(db: Kysely<AnyDb>, table: string): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * One value as both engines' drivers give it, in one form: bytes as base64 (blob and bytea both
 * arrive as Buffers), booleans as 0/1 (SQLite has none), 64-bit integers as numbers, times as ISO text.
 */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { bytes: value.toString("base64") };
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

const MODULUS = 1n << 256n;

export interface TableSum {
  rows: number;
  /** 64 hex digits: the sum of the rows' SHA-256 digests modulo 2^256. */
  checksum: string;
}

/**
 * Hashes every row (its columns by name, values in canonical form) and adds the digests up: the sum
 * does not depend on the order rows are read in, which differs between the engines for text keys
 * (PostgreSQL sorts by its collation, SQLite by bytes), and a changed, missing or extra row changes it.
 * `onRows` is told how many rows each batch held (for a progress bar).
 */
export async function tableChecksum(
  db: Kysely<AnyDb>,
  table: TableInfo,
  onRows: (n: number) => void = () => {},
): Promise<TableSum> {
  const columns = [...table.columns].sort();
  let sum = 0n;
  let rows = 0;
  for await (const batch of readBatches(db, table)) {
    for (const row of batch) {
      const text = JSON.stringify(columns.map((c) => [c, canonical(row[c])]));
      sum += BigInt(`0x${createHash("sha256").update(text).digest("hex")}`);
    }
    sum %= MODULUS;
    rows += batch.length;
    onRows(batch.length);
  }
  return { rows, checksum: sum.toString(16).padStart(64, "0") };
}
