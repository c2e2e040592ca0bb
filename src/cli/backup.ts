/** @module `newsdesk backup <file> [--force]`: an online copy of the SQLite database DATABASE_URL names. */
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { backupSqlite } from "../storage/backup.ts";
import { sqliteFile } from "../storage/db.ts";

async function runBackup(destination: string, opts: { force?: boolean }): Promise<void> {
  const url = loadConfig().databaseUrl;
  const file = sqliteFile(url);
  if (file === null)
    throw new Error(
      "backup copies a SQLite database; for PostgreSQL use pg_dump (see the README's section on backups)",
    );
  const { bytes } = await backupSqlite(file, destination, { force: opts.force === true });
  console.log(
    `backed up ${file} to ${destination} (${(bytes / 1_048_576).toFixed(1)} MiB, integrity check ok)`,
  );
}

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description(
      "copy the SQLite database (DATABASE_URL) to a file while Newsdesk keeps running; the copy is checked with integrity_check before it takes the file's name",
    )
    .argument("<file>", "where to write the backup")
    .option("--force", "replace the file if it exists")
    .action((file: string, opts: { force?: boolean }) => runBackup(file, opts));
}
