/** @module `newsdesk sources`: every source with its fetch health, for operators. */
import type { Command } from "commander";
import { countArticles } from "../storage/articles.ts";
import { listSources } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";

export function registerSources(program: Command): void {
  program
    .command("sources")
    .description("list followed sources with their health: last success, consecutive failures, last error")
    .option("--json", "one JSON object per line instead of text")
    .action(async (opts: { json?: boolean }) => {
      const rt = await openRuntime({ quiet: true });
      try {
        for (const s of await listSources(rt.db.kysely)) {
          const articles = await countArticles(rt.db.kysely, s.id);
          if (opts.json) {
            console.log(JSON.stringify({ ...s, articles }));
            continue;
          }
          const health = s.last_error
            ? `FAILING x${s.error_count} [${s.last_error_kind}] ${s.last_error}`
            : s.last_success_at
              ? "ok"
              : "not fetched yet";
          console.log(`#${s.id} ${s.title ?? "(untitled)"} <${s.url}>`);
          console.log(
            `    ${articles} articles; last success ${s.last_success_at ?? "never"}; next fetch ${s.next_fetch_at}${s.ignore_robots ? "; ignores robots.txt" : ""}`,
          );
          console.log(`    ${health}`);
        }
      } finally {
        await rt.close();
      }
    });
}
