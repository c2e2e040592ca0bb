/** @module `newsdesk edit-source <id>`: an operator's per-source settings (extraction selectors, robots.txt, full text or excerpt). */
import type { Command } from "commander";
import { selectorProblem } from "../extract/selectors.ts";
import type { DisplayMode } from "../storage/schema.ts";
import { findSourceById, updateSourceSettings } from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";
import { parseSourceId } from "./source-id.ts";

export function registerEditSource(program: Command): void {
  program
    .command("edit-source")
    .description(
      "change a source's settings: where its article body is, what to drop, robots.txt, full text or excerpt",
    )
    .argument("<id>", "the source's number (see `newsdesk sources`)", parseSourceId)
    .option("--include <css>", "CSS selector of the article body on this source's pages ('' to clear)")
    .option("--exclude <css>", "CSS selector of elements to drop from its pages first ('' to clear)")
    .option("--ignore-robots", "fetch its pages even where robots.txt disallows them")
    .option("--obey-robots", "honour robots.txt again (the default)")
    .option(
      "--display <mode>",
      "full: republish the article's text (the default); excerpt: only an excerpt and a link to the original, on pages and in feeds",
    )
    .action(
      async (
        id: number,
        opts: {
          include?: string;
          exclude?: string;
          ignoreRobots?: boolean;
          obeyRobots?: boolean;
          display?: string;
        },
      ) => {
        if (opts.display !== undefined && opts.display !== "full" && opts.display !== "excerpt")
          throw new Error(`--display must be full or excerpt, not "${opts.display}"`);
        const displayMode = opts.display as DisplayMode | undefined;
        for (const css of [opts.include, opts.exclude]) {
          const problem = css ? selectorProblem(css) : null;
          if (problem) throw new Error(problem);
        }
        if (opts.ignoreRobots && opts.obeyRobots)
          throw new Error("choose --ignore-robots or --obey-robots, not both");
        const rt = await openRuntime({ quiet: true });
        try {
          if (!(await findSourceById(rt.db.kysely, id))) throw new Error(`there is no source #${id}`);
          await updateSourceSettings(rt.db.kysely, id, {
            ...(opts.include !== undefined ? { extractInclude: opts.include.trim() || null } : {}),
            ...(opts.exclude !== undefined ? { extractExclude: opts.exclude.trim() || null } : {}),
            ...(opts.ignoreRobots ? { ignoreRobots: true } : opts.obeyRobots ? { ignoreRobots: false } : {}),
            ...(displayMode ? { displayMode } : {}),
          });
          const s = await findSourceById(rt.db.kysely, id);
          console.log(
            `source #${id}: include ${s?.extract_include ?? "(automatic)"}; exclude ${s?.extract_exclude ?? "(none)"}; robots.txt ${s?.ignore_robots ? "ignored" : "honoured"}; display ${s?.display_mode ?? "full"}`,
          );
        } finally {
          await rt.close();
        }
      },
    );
}
