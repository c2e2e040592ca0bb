/** @module Opens the database named by DATABASE_URL (sqlite:<file> or postgres://) as a Kysely instance. */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogConfig,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
} from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Whether `db` (or a transaction) speaks to PostgreSQL, for the few places that need row or advisory
 * locks there: SQLite's IMMEDIATE transactions already serialize writers and know no FOR UPDATE.
 */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** int8 (COUNT, SUM) would otherwise arrive from pg as strings; our counts fit in a double. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * SQLite transactions that begin IMMEDIATE: they take the write lock at BEGIN, waiting on busy_timeout.
 * A deferred transaction that reads and then writes while another process commits fails at once with
 * SQLITE_BUSY_SNAPSHOT (no wait can help it), which under several web workers turned a rate-limit
 * check or a comment insert into a 500.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: withStatementCache(sqlite) });
  }
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL: the disk is full); a
    // ROLLBACK then fails with "no transaction is active", which would hide the error that caused it.
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/**
 * Prepared statements kept per SQLite database, by SQL text: Kysely's driver prepares every query
 * anew, and preparing costs about as much as running a short indexed query. A few hundred covers
 * every fixed statement; statements with IN lists of varying length come and go.
 */
export const STATEMENT_CACHE_SIZE = 300;

/** The database as Kysely's SQLite driver uses it (`prepare`, `close`), its statements kept. */
function withStatementCache(database: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** The file of a `sqlite:<file>` URL (`sqlite:///abs` too), or null for any other URL. */
export function sqliteFile(url: string): string | null {
  return url.startsWith("sqlite:") ? url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "") : null;
}

/** Leads the SQL of a query to run as a prepared statement on PostgreSQL (a comment to SQLite). */
const PREPARED_MARK = "/* newsdesk:prepared */ ";

/**
 * `query` to run as a named prepared statement on PostgreSQL: parsed and planned once per connection
 * (the server switches to a generic plan after a few runs), not at every run. For hot reads of one
 * fixed shape whose plan does not depend on the values (an article page's: ids looked up by index),
 * where planning costs more than running: the article page's read plans in about 1 ms and runs in 0.35.
 * Each distinct text is one statement kept by each connection, so only queries of a few shapes qualify.
 */
export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  return { ...query, sql: `${PREPARED_MARK}${query.sql}` };
}

/** pg's client, running a query marked by `prepared` as a named statement (the name: its text's hash). */
class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; each form is passed on as it came.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === "string" && config.startsWith(PREPARED_MARK)) {
      const name = `nd_${createHash("sha1").update(config).digest("base64url").slice(0, 20)}`;
      return super.query({ name, text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

/**
 * How long an idle connection is kept (pg's default is 10 s). A web process whose traffic comes in
 * bursts would otherwise close the connections a burst opened and open them again at the next one,
 * each time a new server process, its authentication and its prepared statements planned anew: on a
 * busy machine tens of ms in front of those requests.
 */
const IDLE_MS = 5 * 60_000;

/**
 * A PostgreSQL pool that survives the server going away. A connection the server ends (a restart, a
 * failover) emits 'error' on its client, in use or idle, and an idle one on the pool too; unheard,
 * either event crashes the process. The query in flight fails, the pool drops the connection and the
 * next query opens another (failing while the server is down): the process recovers by itself. The
 * job queue's pool (queue/pg-worker.ts) is made here too.
 */
export function resilientPgPool(url: string, max: number, onConnectionLost?: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: PreparingClient,
    idleTimeoutMillis: IDLE_MS,
  });
  pool.on("connect", (client) => client.on("error", (err) => onConnectionLost?.(err)));
  pool.on("error", () => {});
  return pool;
}

/**
 * Opens a connection pool for `url`. For SQLite, creates the file's folder, turns on WAL
 * (readers never block the writer) and foreign keys, and waits up to 5 s on a locked database.
 * `onConnectionLost` hears of PostgreSQL connections the server closed while idle.
 */
export function openDb(
  url: string,
  options: { log?: LogConfig; onConnectionLost?: (err: Error) => void } = {},
): Db {
  const file = sqliteFile(url);
  if (file !== null) {
    if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
    const database = new SqliteDatabase(file);
    database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    database.pragma("synchronous = NORMAL");
    const kysely = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(database),
      ...(options.log ? { log: options.log } : {}),
    });
    return { kysely, dialect: "sqlite", close: () => kysely.destroy() };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const pool = resilientPgPool(url, 10, options.onConnectionLost);
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      ...(options.log ? { log: options.log } : {}),
    });
    return { kysely, dialect: "postgres", close: () => kysely.destroy() };
  }
  throw new Error(`storage: DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
}
