/**
 * @module Benchmark (issue 15's faults): SIGKILL at 100 random moments during ingest and during a
 * comment flood, on SQLite and on PostgreSQL (TEST_DATABASE_URL, else an embedded server). Uses the
 * same rounds as test/faults/ingest-kill.test.ts and test/comments/kill-consistency.test.ts, with
 * more kills, and prints per database: kills, where they landed, integrity, lost and duplicated.
 *
 *   node --import tsx bench/faults-kill.ts [kills=100] [--only=ingest|comments] [--db=sqlite|postgres]
 *
 * FAULT_SEED replays a run's moments (the seed is printed).
 */
import { commentKillRounds } from "../test/support/comment-kills.ts";
import { bothDatabases, stopTestPostgres } from "../test/support/databases.ts";
import { ingestKillRounds } from "../test/support/ingest-kills.ts";
import { faultSeed, seededRandom } from "../test/support/seeded-random.ts";

const KILLS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100);
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = option("only");
const onlyDb = option("db");
const seed = faultSeed(Date.now() % 1_000_000);
const random = seededRandom(seed);
const every = Math.max(1, Math.round(KILLS / 10));
/** A progress line every tenth of the run. */
const progress = (round: number, what: string) => {
  if (round % every === 0) console.log(`  ${round} kills, ${what}`);
};
let failed = false;

console.log(`faults-kill: ${KILLS} kills per database and workload, seed ${seed}`);
try {
  for (const { name, make } of bothDatabases) {
    if (onlyDb && onlyDb !== name) continue;
    for (const workload of ["ingest", "comments"] as const) {
      if (only && only !== workload) continue;
      const tdb = await make();
      try {
        let summary: string;
        let ok: boolean;
        let problems: string[];
        if (workload === "ingest") {
          const f = await ingestKillRounds({
            databaseUrl: tdb.url,
            rounds: KILLS,
            random,
            onRound: (r, f) =>
              progress(r, `${name} ingest: ${f.midIngest} mid-ingest, ${f.problems.length} problems`),
          });
          ok =
            f.problems.length === 0 &&
            f.lost === 0 &&
            f.missingAtEnd === 0 &&
            f.storedAtEnd === f.expectedAtEnd;
          summary = `${f.kills} kills (${f.midIngest} while storing, ${f.beforeFirstStore} before its first store, ${f.afterEnd} after it had ended), last window ${Math.round(f.windowMs)} ms; ${f.storedByKilled} articles stored by killed fetches (${f.leftUnfiled} left unfiled, filed by the sweep); problems ${f.problems.length}; lost ${f.lost}; at the end ${f.storedAtEnd} stored of ${f.expectedAtEnd} listed, ${f.missingAtEnd} missing; ${f.seconds.toFixed(0)} s`;
          problems = f.problems;
        } else {
          const f = await commentKillRounds({
            databaseUrl: tdb.url,
            rounds: KILLS,
            random,
            onRound: (r, f) =>
              progress(r, `${name} comments: ${f.acknowledged} acknowledged, ${f.problems.length} problems`),
          });
          ok = f.problems.length === 0 && f.lost === 0 && f.pageAgrees;
          summary = `${f.kills} kills; ${f.sent} posts sent, ${f.acknowledged} acknowledged, ${f.stored} stored (${f.stored - f.acknowledged} committed but unacknowledged); problems ${f.problems.length}; lost ${f.lost}; page after restart agrees: ${f.pageAgrees}; ${f.seconds.toFixed(0)} s`;
          problems = f.problems;
        }
        if (problems.length > 0) console.log(problems.slice(0, 10).join("\n"));
        failed ||= !ok;
        console.log(`${ok ? "HELD" : "BROKEN"} ${name} ${workload}: ${summary}`);
      } finally {
        await tdb.drop();
      }
    }
  }
} finally {
  await stopTestPostgres();
}
process.exit(failed ? 1 : 0);
