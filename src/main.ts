/** @module The `newsdesk` command line: one subcommand per file under cli/. */
import { Command, CommanderError } from "commander";

type Register = (program: Command) => void;

/**
 * Every subcommand, in the order `--help` lists them, loaded on demand: a process running one command
 * (the fetcher `serve` forks, a `fetch` from cron) loads only that command's code, which halves its
 * memory at start and its start-up time.
 */
const COMMANDS: Array<[string, () => Promise<Register>]> = [
  ["serve", async () => (await import("./cli/serve.ts")).registerServe],
  ["worker", async () => (await import("./cli/worker.ts")).registerWorker],
  ["add", async () => (await import("./cli/add.ts")).registerAdd],
  ["fetch", async () => (await import("./cli/fetch.ts")).registerFetch],
  ["sources", async () => (await import("./cli/sources.ts")).registerSources],
  ["edit-source", async () => (await import("./cli/edit-source.ts")).registerEditSource],
  ["pause", async () => (await import("./cli/pause.ts")).registerPause],
  ["resume", async () => (await import("./cli/pause.ts")).registerResume],
  ["import", async () => (await import("./cli/import.ts")).registerImport],
  ["export", async () => (await import("./cli/export.ts")).registerExport],
  ["migrate", async () => (await import("./cli/migrate.ts")).registerMigrate],
  ["migrate-db", async () => (await import("./cli/migrate-db.ts")).registerMigrateDb],
  ["backup", async () => (await import("./cli/backup.ts")).registerBackup],
  ["parse-feed", async () => (await import("./cli/parse-feed.ts")).registerParseFeed],
  ["extract", async () => (await import("./cli/extract.ts")).registerExtract],
  ["stories", async () => (await import("./cli/stories.ts")).registerStories],
  ["quotes", async () => (await import("./cli/quotes.ts")).registerQuotes],
  ["reextract", async () => (await import("./cli/reextract.ts")).registerReextract],
  ["user", async () => (await import("./cli/user.ts")).registerUser],
  ["demo", async () => (await import("./cli/demo.ts")).registerDemo],
];

// Output piped to a reader that stops early (`newsdesk sources --json | head -2`): the reader has
// what it wanted, so end quietly instead of with an unhandled EPIPE's stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

const program = new Command()
  .name("newsdesk")
  .description("Self-hosted news aggregator and publisher")
  .version("0.1.0")
  .showHelpAfterError();

// The command named first, alone; anything else (help, a typo, no command) gets them all, so help
// lists every command and a typo gets its suggestion.
const named = COMMANDS.find(([name]) => name === process.argv[2]);
for (const [, load] of named ? [named] : COMMANDS) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`newsdesk: ${(err as Error).message}`);
  process.exit(1);
}
