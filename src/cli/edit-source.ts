/**
 * @module `newsdesk edit-source <id|url>`: an operator's per-source settings (extraction selectors,
 * robots.txt, full text or excerpt) and labels (country, kind).
 */
import { type Command, InvalidArgumentError } from "commander";
import {
  applyLabelChanges,
  describeLabels,
  type LabelChange,
  parseLabelChange,
  readSourceLabels,
  SOURCE_KINDS,
} from "../config/source-labels.ts";
import { selectorProblem } from "../extract/selectors.ts";
import type { DisplayMode } from "../storage/schema.ts";
import {
  findSourceById,
  findSourceByUrl,
  updateSourceLabels,
  updateSourceSettings,
} from "../storage/sources.ts";
import { openRuntime } from "./runtime.ts";
import { parseSourceRef, type SourceRef } from "./source-id.ts";

/** Commander collector for the repeatable --label: each is checked as it is read. */
function collectLabel(value: string, previous: LabelChange[]): LabelChange[] {
  try {
    return [...previous, parseLabelChange(value)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function registerEditSource(program: Command): void {
  program
    .command("edit-source")
    .description(
      "change a source's settings: where its article body is, what to drop, robots.txt, full text or excerpt, labels",
    )
    .argument("<source>", "the source's number or feed URL (see `newsdesk sources`)", parseSourceRef)
    .option("--include <css>", "CSS selector of the article body on this source's pages ('' to clear)")
    .option("--exclude <css>", "CSS selector of elements to drop from its pages first ('' to clear)")
    .option("--ignore-robots", "fetch its pages even where robots.txt disallows them")
    .option("--obey-robots", "honour robots.txt again (the default)")
    .option(
      "--display <mode>",
      "full: republish the article's text (the default); excerpt: only an excerpt and a link to the original, on pages and in feeds",
    )
    .option(
      "--label <key=value>",
      `a label, repeatable: country=<ISO 3166-1 alpha-2 code> or kind=<${Object.keys(SOURCE_KINDS).join("|")}>; an empty value (kind=) clears it`,
      collectLabel,
      [],
    )
    .action(
      async (
        ref: SourceRef,
        opts: {
          include?: string;
          exclude?: string;
          ignoreRobots?: boolean;
          obeyRobots?: boolean;
          display?: string;
          label: LabelChange[];
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
          const found =
            "id" in ref
              ? await findSourceById(rt.db.kysely, ref.id)
              : await findSourceByUrl(rt.db.kysely, ref.url);
          if (!found) throw new Error(`there is no source ${"id" in ref ? `#${ref.id}` : ref.url}`);
          const id = found.id;
          await updateSourceSettings(rt.db.kysely, id, {
            ...(opts.include !== undefined ? { extractInclude: opts.include.trim() || null } : {}),
            ...(opts.exclude !== undefined ? { extractExclude: opts.exclude.trim() || null } : {}),
            ...(opts.ignoreRobots ? { ignoreRobots: true } : opts.obeyRobots ? { ignoreRobots: false } : {}),
            ...(displayMode ? { displayMode } : {}),
          });
          if (opts.label.length > 0)
            await updateSourceLabels(
              rt.db.kysely,
              id,
              applyLabelChanges(readSourceLabels(found.labels), opts.label),
            );
          const s = await findSourceById(rt.db.kysely, id);
          console.log(
            `source #${id}: include ${s?.extract_include ?? "(automatic)"}; exclude ${s?.extract_exclude ?? "(none)"}; robots.txt ${s?.ignore_robots ? "ignored" : "honoured"}; display ${s?.display_mode ?? "full"}; labels ${describeLabels(readSourceLabels(s?.labels ?? null)) || "(none)"}`,
          );
        } finally {
          await rt.close();
        }
      },
    );
}
