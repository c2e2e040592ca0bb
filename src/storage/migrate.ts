/** @module Runs the ordered migration list on either database through Kysely's Migrator. */
import { DEFAULT_MIGRATION_TABLE, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Db, Dialect } from "./db.ts";
import * as m0001 from "./migrations/0001-init.ts";
import * as m0002 from "./migrations/0002-fetch-health.ts";
import * as m0003 from "./migrations/0003-source-category.ts";
import * as m0004 from "./migrations/0004-adaptive-polling.ts";
import * as m0005 from "./migrations/0005-websub.ts";
import * as m0006 from "./migrations/0006-source-selectors.ts";
import * as m0007 from "./migrations/0007-stories-topics-display.ts";
import * as m0008 from "./migrations/0008-search.ts";
import * as m0009 from "./migrations/0009-site-version.ts";
import * as m0010 from "./migrations/0010-lead-image-size.ts";
import * as m0011 from "./migrations/0011-comments-accounts.ts";
import * as m0012 from "./migrations/0012-story-clustering.ts";
import * as m0013 from "./migrations/0013-article-identity.ts";
import * as m0014 from "./migrations/0014-clustering-batches.ts";
import * as m0015 from "./migrations/0015-statements.ts";
import * as m0016 from "./migrations/0016-page-archive.ts";
import * as m0017 from "./migrations/0017-cluster-year.ts";
import * as m0018 from "./migrations/0018-form-tokens.ts";
import * as m0019 from "./migrations/0019-queue-workers.ts";
import * as m0020 from "./migrations/0020-site-version-shards.ts";
import * as m0021 from "./migrations/0021-websub-pushes.ts";
import * as m0022 from "./migrations/0022-host-slots.ts";
import * as m0023 from "./migrations/0023-page-retries.ts";
import * as m0024 from "./migrations/0024-mail-claims.ts";
import * as m0025 from "./migrations/0025-search-word-pairs.ts";
import * as m0026 from "./migrations/0026-search-table.ts";
import * as m0027 from "./migrations/0027-source-pause.ts";
import * as m0028 from "./migrations/0028-postings-by-story.ts";

type DialectMigration = { up(db: Parameters<Migration["up"]>[0], dialect: Dialect): Promise<void> };

/** Ordered by name; never edit a migration that has shipped, add the next one. */
const migrations: Record<string, DialectMigration> = {
  "0001-init": m0001,
  "0002-fetch-health": m0002,
  "0003-source-category": m0003,
  "0004-adaptive-polling": m0004,
  "0005-websub": m0005,
  "0006-source-selectors": m0006,
  "0007-stories-topics-display": m0007,
  "0008-search": m0008,
  "0009-site-version": m0009,
  "0010-lead-image-size": m0010,
  "0011-comments-accounts": m0011,
  "0012-story-clustering": m0012,
  "0013-article-identity": m0013,
  "0014-clustering-batches": m0014,
  "0015-statements": m0015,
  "0016-page-archive": m0016,
  "0017-cluster-year": m0017,
  "0018-form-tokens": m0018,
  "0019-queue-workers": m0019,
  "0020-site-version-shards": m0020,
  "0021-websub-pushes": m0021,
  "0022-host-slots": m0022,
  "0023-page-retries": m0023,
  "0024-mail-claims": m0024,
  "0025-search-word-pairs": m0025,
  "0026-search-table": m0026,
  "0027-source-pause": m0027,
  "0028-postings-by-story": m0028,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, mig] of Object.entries(migrations)) {
      out[name] = { up: (db) => mig.up(db, this.dialect) };
    }
    return out;
  }
}

/** Kysely's migrator over our migrations, its bookkeeping in the connection's current schema. */
async function migratorFor(db: Db): Promise<Migrator> {
  // Kysely looks for its own tables in every schema unless told which: another schema's (another app,
  // a parallel test run) would pass for ours. Ours live in the connection's current schema.
  const migrationTableSchema =
    db.dialect === "postgres"
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db.kysely)).rows[0]?.s
      : undefined;
  return new Migrator({
    db: db.kysely,
    provider: new StaticProvider(db.dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/**
 * The migrations recorded as applied in the connection's current schema, or null before the first
 * (no bookkeeping table yet). Read directly, without Kysely's migrator: see migrateToLatest.
 */
async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  if (db.dialect === "postgres") {
    const { rows } = await sql<{ schema: string; found: string | null }>`
      SELECT current_schema() AS schema,
        to_regclass(format('%I.%I', current_schema(), ${DEFAULT_MIGRATION_TABLE}::text))::text AS found`.execute(
      db.kysely,
    );
    const row = rows[0];
    if (!row?.found) return null;
    const applied = await sql<{
      name: string;
    }>`SELECT name FROM ${sql.id(row.schema, DEFAULT_MIGRATION_TABLE)}`.execute(db.kysely);
    return new Set(applied.rows.map((r) => r.name));
  }
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${DEFAULT_MIGRATION_TABLE}`.execute(
    db.kysely,
  );
  if (Number(rows[0]?.n ?? 0) === 0) return null;
  const applied = await sql<{ name: string }>`SELECT name FROM ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(
    db.kysely,
  );
  return new Set(applied.rows.map((r) => r.name));
}

/** Applied migrations this build does not have (a newer build's), sorted. */
function unknownMigrations(applied: ReadonlySet<string>): string[] {
  return [...applied].filter((name) => !Object.hasOwn(migrations, name)).sort();
}

/**
 * Brings the schema up to date, or up to the migration named `target` (tests of a migration's
 * backfill use that); returns the names of the migrations it applied.
 */
export async function migrateToLatest(db: Db, target?: string): Promise<string[]> {
  // Every process migrates at start, and the schema is almost always current: then the list of applied
  // migrations says so. Kysely's migrator would first read the columns of every table in every schema
  // of the database (its introspection, pg_get_serial_sequence on each), which fails when another
  // process alters a table meanwhile (a second worker starting while the first one's graphile-worker
  // migrated its queue: 'column "job_count" of relation "job_queues" does not exist') and grows with
  // the database.
  if (target === undefined) {
    const applied = await appliedMigrations(db);
    const names = Object.keys(migrations);
    if (applied && applied.size === names.length && names.every((name) => applied.has(name))) return [];
    // One this build does not know was applied by a newer build, whose tables this one would misread.
    const unknown = unknownMigrations(applied ?? new Set());
    if (unknown.length > 0)
      throw new Error(
        `storage: this database was upgraded by a newer Newsdesk (migration ${unknown.join(", ")}, which this version does not have); run that version or a later one, or restore a backup taken before the upgrade`,
      );
  }
  const migrator = await migratorFor(db);
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`storage: migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * How `db`'s schema stands against this build, without changing it: the migrations not applied to it
 * yet, and those applied that this build does not know (a newer build's).
 */
export async function schemaStatus(db: Db): Promise<{ pending: string[]; unknown: string[] }> {
  const names = Object.keys(migrations);
  const applied = (await appliedMigrations(db)) ?? new Set<string>();
  return {
    pending: names.filter((n) => !applied.has(n)),
    unknown: unknownMigrations(applied),
  };
}
