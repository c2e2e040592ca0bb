/** @module `newsdesk demo`: run the offline demo newsroom on its own, for trying feeds and extraction. */
import type { Command } from "commander";
import { openRuntime } from "./runtime.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "serve the offline demo newsroom (fictional outlets) and follow its feeds; `serve --demo` does this too",
    )
    .action(async () => {
      const rt = await openRuntime({ quiet: true });
      const { startDemoNewsroom } = await import("./demo-newsroom.ts");
      const origin = await startDemoNewsroom(rt);
      console.log(`Demo newsroom at ${origin.baseUrl}/ with these feeds (now followed):`);
      for (const f of origin.feeds) console.log(`  ${f.outletName} (${f.format}): ${f.feedUrl}`);
      console.log("Run `newsdesk fetch` in another terminal to ingest them; Ctrl-C stops the demo.");
      const stop = async () => {
        await origin.close();
        await rt.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });
}
