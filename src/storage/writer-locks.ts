/**
 * @module The locks shared by every writer of a kind, and the order they are taken in (PostgreSQL;
 * SQLite has one writer anyway). Every write to what pages show also locks a `site_version` shard
 * (migration 0020: the row the transaction's id picks) until commit; a transaction holding its shard
 * or a row while waiting for a global lock, against the lock's holder wanting that shard or row,
 * deadlocked in tests. So a transaction that takes global locks takes them as its first statements,
 * always the statement writers' before clustering's, and then its shard, before it locks any row:
 * a transaction waiting for a lock or a shard then holds nothing another needs.
 *
 * - statements (storage/statements.ts): writers of statements, which create and recount shared
 *   `people` rows.
 * - clustering (storage/clustering.ts): filing articles into stories, and pruning clustering's rows
 *   (which writes no row pages show, so takes no shard).
 *
 * - a story (storage/clustering.ts `summarizeStory`): refreshing one story's summary after what
 *   changed it committed, so two refreshes of one story run one after the other and the later reads
 *   what the earlier wrote; taken after the other two when a transaction takes them all.
 *
 * Revisions and rebuilds of an article take the first two, with or without statements: they lock the
 * article's row and rewrite its headline and text, which filing reads.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database> | Kysely<Database>;

/** The statement writers' lock (advisory, held to commit). */
async function lockStatementWriters(trx: Trx): Promise<void> {
  if (isPostgres(trx))
    await sql`SELECT pg_advisory_xact_lock(hashtextextended('newsdesk:statements', 0))`.execute(trx);
}

/** Clustering's lock (advisory, held to commit); taking it again in one transaction is harmless. */
export async function lockClustering(trx: Trx): Promise<void> {
  if (isPostgres(trx))
    await sql`SELECT pg_advisory_xact_lock(hashtextextended('newsdesk:clustering', 0))`.execute(trx);
}

/** Takes the named global locks in their order, then the transaction's site_version shard. */
export async function takeWriterLocks(
  trx: Trx,
  locks: { statements?: boolean; clustering?: boolean; story?: number },
): Promise<void> {
  if (locks.statements) await lockStatementWriters(trx);
  if (locks.clustering) await lockClustering(trx);
  if (locks.story !== undefined && isPostgres(trx))
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`newsdesk:story:${locks.story}`}, 0))`.execute(
      trx,
    );
  await lockSiteVersionShard(trx);
}

/**
 * Locks the `site_version` row this transaction's writes will bump, before any other row: an UPDATE
 * of no row still fires the articles table's statement trigger (migration 0009), which bumps the
 * shard the transaction's id picks (0020), so the choice stays the trigger's own.
 */
async function lockSiteVersionShard(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`UPDATE articles SET title = title WHERE false`.execute(trx);
}
