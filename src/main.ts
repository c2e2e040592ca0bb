/** @module The `newsdesk` command line: one subcommand per file under cli/. */
import { Command, CommanderError } from "commander";
import { registerAdd } from "./cli/add.ts";
import { registerDemo } from "./cli/demo.ts";
import { registerEditSource } from "./cli/edit-source.ts";
import { registerExport } from "./cli/export.ts";
import { registerExtract } from "./cli/extract.ts";
import { registerFetch } from "./cli/fetch.ts";
import { registerImport } from "./cli/import.ts";
import { registerMigrate } from "./cli/migrate.ts";
import { registerParseFeed } from "./cli/parse-feed.ts";
import { registerQuotes } from "./cli/quotes.ts";
import { registerReextract } from "./cli/reextract.ts";
import { registerServe } from "./cli/serve.ts";
import { registerSources } from "./cli/sources.ts";
import { registerStories } from "./cli/stories.ts";
import { registerUser } from "./cli/user.ts";

const program = new Command()
  .name("newsdesk")
  .description("Self-hosted news aggregator and publisher")
  .version("0.1.0")
  .showHelpAfterError();

registerServe(program);
registerAdd(program);
registerFetch(program);
registerSources(program);
registerEditSource(program);
registerImport(program);
registerExport(program);
registerMigrate(program);
registerParseFeed(program);
registerExtract(program);
registerStories(program);
registerQuotes(program);
registerReextract(program);
registerUser(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`newsdesk: ${(err as Error).message}`);
  process.exit(1);
}
