/**
 * @module `newsdesk migrate-db --from <url> --to <url>`: copies a whole Newsdesk database into an
 * empty one, SQLite to PostgreSQL or back (storage/copy-database.ts), and prints each table's rows
 * and checksum once both sides agree.
 */
import { existsSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { checkSourceSchema, copyDatabase } from "../storage/copy-database.ts";
import { type Db, openDb, sqliteFile } from "../storage/db.ts";
import { startProgress } from "./progress.ts";

function parseUrl(value: string): string {
  if (/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(value)) return value;
  throw new InvalidArgumentError(`give a sqlite:<file> or postgres://... URL, not "${value}"`);
}

/** The URL without its password, for messages. */
const shown = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

async function runMigrateDb(opts: { from: string; to: string }): Promise<void> {
  if (opts.from === opts.to) throw new Error("--from and --to name the same database");
  const file = sqliteFile(opts.from);
  // Opening a SQLite file that is not there would create an empty one.
  if (file !== null && (file === ":memory:" || !existsSync(file)))
    throw new Error(`there is no SQLite database at ${file}`);
  const source = openDb(opts.from);
  let target: Db | undefined;
  try {
    // Before the target is opened, which creates a SQLite file.
    await checkSourceSchema(source);
    target = openDb(opts.to);
    const started = Date.now();
    const tables = await copyDatabase(source, target, { progress: startProgress });
    const width = Math.max(...tables.map((t) => t.name.length));
    for (const t of tables)
      console.log(`${t.name.padEnd(width)}  ${String(t.rows).padStart(9)} rows  sha256-sum ${t.checksum}`);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `copied ${rows} rows of ${tables.length} tables from ${shown(opts.from)} to ${shown(opts.to)} in ${seconds} s; every table's row count and checksum match`,
    );
  } finally {
    await source.close();
    await target?.close();
  }
}

export function registerMigrateDb(program: Command): void {
  program
    .command("migrate-db")
    .description(
      "copy a whole database (every table, ids kept) into an empty one, SQLite to PostgreSQL or back; the target is migrated first, and the copy is committed only if every table's row count and checksum match the source's",
    )
    .requiredOption("--from <url>", "the database to copy: sqlite:<file> or postgres://...", parseUrl)
    .requiredOption(
      "--to <url>",
      "the empty database to copy into: sqlite:<file> or postgres://...",
      parseUrl,
    )
    .addHelpText(
      "after",
      "\nStop `serve` and any other writer first: rows written during the copy make the verification fail.\n" +
        "The source must be at this version's schema (`newsdesk migrate` with DATABASE_URL set to it).",
    )
    .action((opts: { from: string; to: string }) => runMigrateDb(opts));
}
