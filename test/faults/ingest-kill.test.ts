/**
 * @module Issue 15's fault: `newsdesk fetch` killed with SIGKILL at random moments while it ingests
 * three feeds of one outlet (two sources reaching the same pages), on SQLite and PostgreSQL. After
 * every kill the database is whole (integrity, no article twice, none half-written) and nothing seen
 * committed is lost; a last fetch stores every item exactly once. bench/faults-kill.ts runs 100 kills.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres } from "../support/databases.ts";
import { ingestKillRounds } from "../support/ingest-kills.ts";
import { faultSeed, seededRandom } from "../support/seeded-random.ts";

/** Four per database keeps the suite quick; the bench runs 100. */
const KILLS = 4;

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`newsdesk fetch killed with SIGKILL at random moments, on ${name}`, () => {
    test("every kill leaves the database whole, and a last fetch stores every item once", async () => {
      const seed = faultSeed(name === "sqlite" ? 15 : 16);
      const tdb = await make();
      try {
        const f = await ingestKillRounds({ databaseUrl: tdb.url, rounds: KILLS, random: seededRandom(seed) });
        console.log(`ingest kills on ${name} (seed ${seed}): ${JSON.stringify(f)}`);
        assert.deepEqual(f.problems, []);
        assert.equal(f.lost, 0, "articles seen committed before a kill are all there after it");
        assert.equal(f.kills, KILLS);
        assert.ok(f.midIngest >= 1, `at least one kill came while the fetch was storing (${f.midIngest})`);
        assert.equal(f.missingAtEnd, 0);
        assert.equal(f.storedAtEnd, f.expectedAtEnd, "every item stored exactly once");
      } finally {
        await tdb.drop();
      }
    });
  });
}
