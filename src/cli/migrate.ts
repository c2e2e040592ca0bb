/** @module `newsdesk migrate`: bring the database schema up to date. */
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("create or update the database schema (other commands do this too)")
    .action(async () => {
      const config = loadConfig();
      const db = openDb(config.databaseUrl);
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length > 0 ? `applied: ${applied.join(", ")}` : "database is up to date");
      } finally {
        await db.close();
      }
    });
}
