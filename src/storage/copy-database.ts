/**
 * @module `newsdesk migrate-db`'s work: every table of one database copied into an empty other one
 * (SQLite to PostgreSQL, back, or to the same engine), ids kept, in batches, in one transaction on
 * the target that commits only when every table's row count and checksum match the source's.
 */
import { type Kysely, sql } from "kysely";
import {
  type AnyDb,
  advanceIdSequence,
  describeTables,
  highestIssuedId,
  postgresForeignKeys,
  type TableInfo,
} from "./catalog.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest, schemaStatus } from "./migrate.ts";
import { countRows, readBatches, type TableSum, tableChecksum } from "./table-checksums.ts";

/** A progress display the copy advances by a number of rows. */
export interface RowProgress {
  tick(rows: number): void;
  stop(): void;
}

export interface CopyOptions {
  /** A display for a phase ("copying", "verifying") over `total` rows; none by default. */
  progress?: (label: string, total: number) => RowProgress;
}

export interface CopiedTable extends TableSum {
  name: string;
}

const any = (db: Db) => db.kysely as unknown as Kysely<AnyDb>;

/**
 * Rows a freshly migrated database already holds, per table (the site's data version, clustering's
 * counters): a target holding no more than these is empty, and the copy replaces them. Found by
 * migrating an in-memory database, so a migration that seeds a new table needs no change here.
 */
async function seededRowCounts(): Promise<Map<string, number>> {
  const fresh = openDb("sqlite::memory:");
  try {
    await migrateToLatest(fresh);
    const counts = new Map<string, number>();
    for (const t of await describeTables(any(fresh), "sqlite")) {
      const n = await countRows(any(fresh), t.name);
      if (n > 0) counts.set(t.name, n);
    }
    return counts;
  } finally {
    await fresh.close();
  }
}

/** Refuses a source whose schema is not this build's: older (pending migrations) or newer (unknown ones). */
export async function checkSourceSchema(source: Db): Promise<void> {
  const { pending, unknown } = await schemaStatus(source);
  if (unknown.length > 0)
    throw new Error(
      `the source database was migrated by a newer Newsdesk (${unknown.join(", ")} unknown here): copy it with that version`,
    );
  if (pending.length > 0)
    throw new Error(
      `the source database's schema is older than this version's (${pending.length} migrations not applied, from ${pending[0]}): run \`newsdesk migrate\` with DATABASE_URL set to it first`,
    );
}

/** Refuses a target holding any row beyond what a fresh migration puts there, naming the table. */
async function checkTargetEmpty(target: Db, seeded: Map<string, number>): Promise<void> {
  for (const t of await describeTables(any(target), target.dialect)) {
    const n = await countRows(any(target), t.name);
    if (n > (seeded.get(t.name) ?? 0))
      throw new Error(
        `the target database is not empty: table ${t.name} has ${n} rows (migrate-db copies only into an empty database)`,
      );
  }
}

/** The tables of both sides, which must be the same tables with the same columns. */
function matchTables(from: TableInfo[], to: TableInfo[]): TableInfo[] {
  const names = (ts: TableInfo[]) => new Set(ts.map((t) => t.name));
  const onlyFrom = [...names(from)].filter((n) => !names(to).has(n));
  const onlyTo = [...names(to)].filter((n) => !names(from).has(n));
  if (onlyFrom.length > 0 || onlyTo.length > 0)
    throw new Error(
      `the two databases have different tables (only in the source: ${onlyFrom.join(", ") || "none"}; only in the target: ${onlyTo.join(", ") || "none"})`,
    );
  for (const t of from) {
    const other = to.find((o) => o.name === t.name);
    const a = [...t.columns].sort().join(", ");
    const b = [...(other?.columns ?? [])].sort().join(", ");
    if (a !== b) throw new Error(`table ${t.name} has other columns in the target (${a} / ${b})`);
  }
  return to;
}

async function copyTable(
  source: Db,
  trx: Kysely<AnyDb>,
  table: TableInfo,
  progress: RowProgress,
): Promise<void> {
  for await (const rows of readBatches(any(source), table)) {
    try {
      // Bound parameters stay under both engines' limits (SQLite 32,766, PostgreSQL 65,535).
      const per = Math.max(1, Math.floor(30_000 / table.columns.length));
      for (let i = 0; i < rows.length; i += per)
        await trx
          .insertInto(table.name)
          .values(rows.slice(i, i + per))
          .execute();
    } catch (err) {
      const first = rows[0] ?? {};
      const key = table.primaryKey.map((c) => `${c}=${String(first[c])}`).join(", ");
      throw new Error(
        `copying table ${table.name} failed in the batch starting at ${key}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    progress.tick(rows.length);
  }
}

/** Per-table sums of both sides; throws naming every table whose count or checksum differs. */
async function verify(
  source: Db,
  target: Kysely<AnyDb>,
  tables: TableInfo[],
  progress: RowProgress,
): Promise<CopiedTable[]> {
  const out: CopiedTable[] = [];
  const problems: string[] = [];
  for (const t of tables) {
    const a = await tableChecksum(any(source), t, (n) => progress.tick(n));
    const b = await tableChecksum(target, t, (n) => progress.tick(n));
    if (a.rows !== b.rows) problems.push(`${t.name}: ${a.rows} rows in the source, ${b.rows} in the target`);
    else if (a.checksum !== b.checksum) problems.push(`${t.name}: same ${a.rows} rows, different checksums`);
    out.push({ name: t.name, ...a });
  }
  if (problems.length > 0)
    throw new Error(
      `verification failed, nothing was committed to the target (was the source written to during the copy?):\n  ${problems.join("\n  ")}`,
    );
  return out;
}

/**
 * Copies every table of `source` into `target`, which it migrates first and which must be empty;
 * `source` must be at this build's schema version. Foreign keys are checked once at the end (SQLite:
 * turned off for the copy, then `foreign_key_check`; PostgreSQL: dropped and added back, which checks
 * every row), since stories and articles point at each other. Triggers run as on any insert, so
 * SQLite's full-text index and PostgreSQL's search table (catalog.ts) are written row by row; the
 * tables a fresh migration seeds (the site's data version) are written last, replacing the seeds.
 * Id sequences continue after the source's. Returns each table's row count and checksum.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  options: CopyOptions = {},
): Promise<CopiedTable[]> {
  const progress = options.progress ?? (() => ({ tick() {}, stop() {} }));
  await checkSourceSchema(source);
  const seeded = await seededRowCounts();
  await checkTargetEmpty(target, seeded);
  await migrateToLatest(target);
  const fromTables = await describeTables(any(source), source.dialect);
  const tables = matchTables(fromTables, await describeTables(any(target), target.dialect));
  const ordered = [...tables.filter((t) => !seeded.has(t.name)), ...tables.filter((t) => seeded.has(t.name))];
  let total = 0;
  for (const t of ordered) total += await countRows(any(source), t.name);
  const issued = new Map<string, number>();
  for (const t of fromTables) issued.set(t.name, await highestIssuedId(any(source), source.dialect, t));

  if (target.dialect === "sqlite") await sql`PRAGMA foreign_keys = OFF`.execute(target.kysely);
  try {
    return await any(target)
      .transaction()
      .execute(async (trx) => {
        const foreignKeys = target.dialect === "postgres" ? await postgresForeignKeys(trx) : [];
        for (const fk of foreignKeys)
          await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(trx);
        for (const name of seeded.keys()) await trx.deleteFrom(name).execute();

        const copying = progress("copying", total);
        for (const t of ordered) await copyTable(source, trx, t, copying);
        copying.stop();

        for (const t of tables) await advanceIdSequence(trx, target.dialect, t, issued.get(t.name) ?? 0);
        for (const fk of foreignKeys)
          await sql`ALTER TABLE ${sql.table(fk.table)} ADD CONSTRAINT ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(
            trx,
          );
        if (target.dialect === "sqlite") {
          const broken = await sql<{ table: string; parent: string }>`PRAGMA foreign_key_check`.execute(trx);
          const first = broken.rows[0];
          if (first)
            throw new Error(
              `the copy has ${broken.rows.length} rows pointing at missing rows (first: ${first.table} → ${first.parent})`,
            );
        }
        const verifying = progress("verifying", 2 * total);
        const sums = await verify(source, trx, ordered, verifying);
        verifying.stop();
        return sums.sort((a, b) => (a.name < b.name ? -1 : 1));
      });
  } finally {
    if (target.dialect === "sqlite") await sql`PRAGMA foreign_keys = ON`.execute(target.kysely);
  }
}
