/**
 * @module A SQLite file checked as an operator would after a crash: from a connection of its own,
 * opened for the check. A long-lived connection is the wrong witness: after another process writes,
 * its PRAGMA integrity_check reports "fts5: corruption found reading blob" from its stale copy of the
 * index's structure (SQLite 3.53.2) while a fresh connection finds the same file ok.
 */
import SqliteDatabase from "better-sqlite3";

/** The file a `sqlite:` DATABASE_URL names. */
export function sqliteFile(databaseUrl: string): string {
  return databaseUrl.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
}

/** One line per problem found in the file: integrity, foreign keys, the search index against its rows. */
export function sqliteFileProblems(databaseUrl: string): string[] {
  const db = new SqliteDatabase(sqliteFile(databaseUrl));
  try {
    const problems: string[] = [];
    const verdict = (db.pragma("integrity_check") as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join("; ");
    if (verdict !== "ok") problems.push(`integrity_check: ${verdict}`);
    const orphans = db.pragma("foreign_key_check") as unknown[];
    if (orphans.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}`);
    try {
      // rank 1: compare the index with the articles it was built from, not only with itself.
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (err) {
      problems.push(`search index: ${(err as Error).message}`);
    }
    return problems;
  } finally {
    db.close();
  }
}
