/** @module Pausing and resuming a source (`newsdesk pause` / `resume`), on both databases. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres } from "../../test/support/databases.ts";
import { openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import {
  findSourceById,
  insertSource,
  listDueSources,
  markSourceFetched,
  pauseSource,
  resumeSource,
} from "./sources.ts";

after(stopTestPostgres);

const T0 = "2026-12-01T10:00:00.000Z";
const T1 = "2026-12-01T11:00:00.000Z";
const T2 = "2026-12-01T12:00:00.000Z";

for (const { name, make } of bothDatabases) {
  describe(`source pause on ${name}`, () => {
    test("a paused source is not due, stays paused through a success in flight, and is due again once resumed", async () => {
      const tdb = await make();
      const db = openDb(tdb.url);
      try {
        await migrateToLatest(db);
        const { source } = await insertSource(db.kysely, "https://example.org/feed.xml", T0);
        const other = (await insertSource(db.kysely, "https://example.org/other.xml", T0)).source;
        assert.equal(await pauseSource(db.kysely, source.id, T1), true);
        assert.deepEqual(
          (await listDueSources(db.kysely, T2, 10)).map((s) => s.id),
          [other.id],
          "only the other source is due",
        );
        // A refresh that was under way when the operator paused it ends well: still paused.
        await markSourceFetched(db.kysely, source.id, { now: T2, nextFetchAt: T2 });
        const paused = await findSourceById(db.kysely, source.id);
        assert.equal(paused?.paused_at, T1);
        assert.equal(paused?.disabled_at, T1);
        assert.equal(await pauseSource(db.kysely, source.id, T2), true);
        assert.equal(
          (await findSourceById(db.kysely, source.id))?.paused_at,
          T1,
          "paused since the first pause",
        );

        assert.equal(await resumeSource(db.kysely, source.id, T2), true);
        const resumed = await findSourceById(db.kysely, source.id);
        assert.equal(resumed?.paused_at, null);
        assert.equal(resumed?.disabled_at, null);
        assert.deepEqual(
          (await listDueSources(db.kysely, T2, 10)).map((s) => s.id).sort(),
          [source.id, other.id].sort(),
        );
        assert.equal(await pauseSource(db.kysely, 9999, T2), false, "no such source");
        assert.equal(await resumeSource(db.kysely, 9999, T2), false);
      } finally {
        await db.close();
        await tdb.drop();
      }
    });
  });
}
