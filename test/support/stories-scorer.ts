/**
 * @module The shared stories scorer (../shared/bench/stories/score.mjs) run on a dev set with a
 * `newsdesk` command, as the dev-set floor tests use it.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const SHARED = join(import.meta.dirname, "..", "..", "..", "shared");
const scorer = join(SHARED, "bench", "stories", "score.mjs");
const newsdesk = join(import.meta.dirname, "..", "..", "bin", "newsdesk");

/**
 * A reason to skip on a machine without ../shared beside the checkout; under CI, which always has
 * it, never (a missing set then fails the test).
 */
export const devSetsMissing: string | false =
  existsSync(scorer) || process.env.CI ? false : `the dev sets are not beside this checkout (${SHARED})`;

/** The scorer's JSON for `task` on `set`, running `newsdesk <command>`. */
export function scoreDevSet<T>(task: "clusters" | "attributions", set: string, command: string): T {
  const out = execFileSync(
    process.execPath,
    [
      scorer,
      "run",
      task,
      "--gold",
      join(SHARED, "datasets", set),
      "--cmd",
      `${newsdesk} ${command}`,
      "--json",
    ],
    {
      cwd: join(SHARED, "bench", "stories"),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, LOG_LEVEL: "warn" },
    },
  );
  return JSON.parse(out) as T;
}
