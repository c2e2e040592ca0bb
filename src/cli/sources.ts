/** @module `newsdesk sources`: every source with its fetch health, for operators. */
import type { Command } from "commander";
import { describeLabels, readSourceLabels } from "../config/source-labels.ts";
import { countArticles } from "../storage/articles.ts";
import type { Source } from "../storage/schema.ts";
import { listSources } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";

/** Where the source's WebSub subscription stands, in one line (the stored error already names the hub). */
function websubLine(s: Source): string {
  switch (s.websub_state) {
    case "active":
      return `WebSub: pushed by ${s.websub_hub}, lease until ${s.websub_lease_until}${s.websub_error ? ` (renewal: ${s.websub_error})` : ""}`;
    case "subscribing":
      return (
        s.websub_error ??
        `WebSub: requested at ${s.websub_hub} ${s.websub_requested_at}, awaiting its verification`
      );
    case "denied":
      return s.websub_error ?? `WebSub: ${s.websub_hub} denied the subscription`;
    default:
      return `WebSub: the lease at ${s.websub_hub} ended ${s.websub_lease_until}; polled until subscribed again`;
  }
}

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
            // The WebSub secret and callback token let anyone push articles into this source: never print them.
            const { websub_secret: _secret, websub_token: _token, ...shown } = s;
            console.log(JSON.stringify({ ...shown, labels: readSourceLabels(s.labels), articles }));
            continue;
          }
          const health = healthOf(s);
          const labels = describeLabels(readSourceLabels(s.labels));
          console.log(
            `#${s.id} ${s.title ?? "(untitled)"} <${s.url}>${s.category ? ` [${s.category}]` : ""}${labels ? ` (${labels})` : ""}`,
          );
          const every = s.poll_interval_minutes ? `; polled every ${s.poll_interval_minutes} min` : "";
          console.log(
            `    ${articles} articles; last success ${s.last_success_at ?? "never"}; next fetch ${s.paused_at ? "none (paused)" : s.disabled_at ? "none (disabled)" : s.next_fetch_at}${every}${s.ignore_robots ? "; ignores robots.txt" : ""}`,
          );
          console.log(`    ${health}`);
          if (s.websub_state) console.log(`    ${websubLine(s)}`);
          if (s.last_error) console.log(`    retry now with: newsdesk fetch --source ${s.id}`);
        }
      } finally {
        await rt.close();
      }
    });
}

/** A source's state in one line, the most pressing first. */
function healthOf(s: Source): string {
  if (s.paused_at) return `PAUSED since ${s.paused_at}; \`newsdesk resume ${s.id}\` fetches it again`;
  if (s.disabled_at)
    return `DISABLED since ${s.disabled_at} after failing ${s.error_count} times in a row [${s.last_error_kind}] ${s.last_error}`;
  if (s.last_error) return `FAILING x${s.error_count} [${s.last_error_kind}] ${s.last_error}`;
  return s.last_success_at ? "ok" : "not fetched yet";
}
