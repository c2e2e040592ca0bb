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
          const health = s.disabled_at
            ? `DISABLED since ${s.disabled_at} after failing ${s.error_count} times in a row [${s.last_error_kind}] ${s.last_error}`
            : s.last_error
              ? `FAILING x${s.error_count} [${s.last_error_kind}] ${s.last_error}`
              : s.last_success_at
                ? "ok"
                : "not fetched yet";
          console.log(
            `#${s.id} ${s.title ?? "(untitled)"} <${s.url}>${s.category ? ` [${s.category}]` : ""}`,
          );
          const every = s.poll_interval_minutes ? `; polled every ${s.poll_interval_minutes} min` : "";
          console.log(
            `    ${articles} articles; last success ${s.last_success_at ?? "never"}; next fetch ${s.disabled_at ? "none (disabled)" : s.next_fetch_at}${every}${s.ignore_robots ? "; ignores robots.txt" : ""}`,
          );
          console.log(`    ${health}`);
          if (s.last_error) console.log(`    retry now with: newsdesk fetch --source ${s.id}`);
        }
      } finally {
        await rt.close();
      }
    });
}
