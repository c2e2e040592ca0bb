/**
 * @module An online backup of a SQLite database (SQLite's backup API through better-sqlite3): safe
 * while `serve` runs and writes, written beside its destination and renamed into place only once it
 * passes `integrity_check`, so a failed or interrupted backup never leaves a half file under the name.
 */
import { existsSync, rmSync } from "node:fs";
import { rename } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";

/**
 * Pages per backup step: all of them. One step reads one consistent snapshot; in WAL mode that blocks
 * no writer, while smaller steps would start over each time another process commits (a busy site
 * might never finish).
 */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  /** The database's size in pages, and in bytes. */
  pages: number;
  bytes: number;
}

/** Copies the SQLite database in `file` to `destination`; refuses to replace an existing file unless `force`. */
export async function backupSqlite(
  file: string,
  destination: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  if (file === ":memory:" || !existsSync(file)) throw new Error(`there is no SQLite database at ${file}`);
  if (resolve(file) === resolve(destination))
    throw new Error("the backup cannot replace the database itself");
  if (existsSync(destination) && !options.force)
    throw new Error(`${destination} exists already: give --force to replace it`);
  if (!existsSync(dirname(resolve(destination))))
    throw new Error(`there is no folder ${dirname(destination)}`);
  const partial = join(dirname(resolve(destination)), `.${basename(destination)}.${process.pid}.partial`);
  const source = new SqliteDatabase(file, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const done = await source.backup(partial, { progress: () => ALL_PAGES });
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    let pageSize: number;
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
      pageSize = Number(copy.pragma("page_size", { simple: true }));
    } finally {
      copy.close();
    }
    await rename(partial, destination);
    return { pages: done.totalPages, bytes: done.totalPages * pageSize };
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
}
