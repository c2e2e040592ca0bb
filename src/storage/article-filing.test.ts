/**
 * @module An insert's transactions (store, statements, filing) racing other inserts, publishers'
 * revisions and rebuilds of stored articles, on SQLite and PostgreSQL: nothing waits for ever or
 * fails for a deadlock (each takes the writer locks, then its site_version shard, before any row:
 * writer-locks.ts), and every article ends filed once with its statements.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import {
  bothDatabases,
  postgresTestDatabase,
  stopTestPostgres,
  type TestDatabase,
} from "../../test/support/databases.ts";
import { ALL_REPORTS, FIRE_LATER, type StoryText, storyTextArticle } from "../../test/support/story-texts.ts";
import { articleStatements } from "../ingest/article-statements.ts";
import { clusterRequest } from "../ingest/cluster-request.ts";
import { applyRebuild } from "./article-rebuild.ts";
import { insertArticle, reviseArticle } from "./articles.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import type { NewArticle } from "./schema.ts";
import { insertSource } from "./sources.ts";
import { takeWriterLocks } from "./writer-locks.ts";

after(stopTestPostgres);

const T0 = Date.parse("2026-11-17T23:45:00.000Z");
const quiet = { warn: () => {} };
/** Rounds of writers at once: each stores every report again under new guids beside the edits. */
const ROUNDS = 4;

async function withDb<T>(
  make: () => Promise<TestDatabase>,
  fn: (db: Db, url: string) => Promise<T>,
): Promise<T> {
  const tdb = await make();
  const db = openDb(tdb.url);
  try {
    await migrateToLatest(db);
    return await fn(db, tdb.url);
  } finally {
    await db.close();
    await tdb.drop();
  }
}

function row(sourceId: number, r: StoryText): NewArticle {
  return storyTextArticle(sourceId, r, T0, "race.test");
}

/** An insert as ingest makes it: clustering features and statements. */
function ingest(db: Db, sourceId: number, r: StoryText): Promise<boolean> {
  const a = row(sourceId, r);
  const statements = articleStatements(a.text, r.outlet, quiet);
  return insertArticle(db.kysely, a, ["News"], {
    cluster: clusterRequest(a, { storyWindowHours: 72 }),
    ...(statements ? { statements } : {}),
  });
}

for (const { name, make } of bothDatabases) {
  describe(`an insert's transactions racing other writers, on ${name}`, () => {
    test("inserts, revisions and rebuilds at once: none fails, every article is filed once with its statements", {
      timeout: 60_000,
    }, async () => {
      await withDb(make, async (db) => {
        const sources = new Map<string, number>();
        for (const r of [...ALL_REPORTS, ...FIRE_LATER]) {
          if (!sources.has(r.outlet))
            sources.set(
              r.outlet,
              (
                await insertSource(
                  db.kysely,
                  `https://${sources.size}.race.test/feed`,
                  new Date(T0).toISOString(),
                )
              ).source.id,
            );
        }
        const sourceOf = (r: StoryText) => sources.get(r.outlet) ?? 0;
        const reports = [...ALL_REPORTS, ...FIRE_LATER];
        const first = reports.slice(0, 6);
        for (const r of first) assert.equal(await ingest(db, sourceOf(r), r), true);
        const ids = new Map(
          (await db.kysely.selectFrom("articles").select(["id", "guid"]).execute()).map((a) => [
            a.guid,
            Number(a.id),
          ]),
        );
        const idOf = (r: StoryText) => ids.get(r.key) ?? 0;
        const now = new Date(T0 + 100 * 3_600_000).toISOString();
        const failed: string[] = [];
        let expected = first.length;
        for (let round = 0; round < ROUNDS; round++) {
          const work: Array<Promise<unknown>> = [];
          // Each round's copies under new guids: the same speakers, so their statements race for people rows.
          const batch =
            round === 0 ? reports.slice(6) : reports.map((r) => ({ ...r, key: `${r.key}-${round}` }));
          for (const r of batch) work.push(ingest(db, sourceOf(r), r));
          expected += batch.length;
          for (const [i, r] of first.entries()) {
            const text = `${r.body}\n\nUpdate ${round}: "We are still counting," said Mayor Dana Ortiz.`;
            if (i % 3 === 0)
              work.push(
                reviseArticle(db.kysely, idOf(r), { title: `${r.headline} (${round})`, revisedAt: now }, now),
              );
            else if (i % 3 === 1)
              work.push(
                reviseArticle(
                  db.kysely,
                  idOf(r),
                  {
                    body: { body_html: `<p>${text}</p>`, text },
                    revisedAt: now,
                    statements: articleStatements(text, r.outlet, quiet) ?? [],
                  },
                  now,
                ),
              );
            else
              work.push(applyRebuild(db.kysely, idOf(r), { byline: `Staff ${round}` }, undefined, true, now));
          }
          for (const o of await Promise.allSettled(work))
            if (o.status === "rejected") failed.push(String(o.reason));
        }
        assert.deepEqual(failed, []);

        const articles = await db.kysely
          .selectFrom("articles")
          .select(["id", "story_id", "statements_at"])
          .execute();
        assert.equal(articles.length, expected);
        assert.deepEqual(
          articles.filter((a) => a.story_id === null || a.statements_at === null).map((a) => a.id),
          [],
          "every article filed, with its statements",
        );
        const features = await db.kysely.selectFrom("cluster_features").select("article_id").execute();
        assert.equal(features.length, expected, "each filed once");
        const stories = await db.kysely.selectFrom("stories").select(["id", "article_count"]).execute();
        const members = new Map<number, number>();
        for (const a of articles) members.set(Number(a.story_id), (members.get(Number(a.story_id)) ?? 0) + 1);
        assert.deepEqual(
          stories.filter((s) => Number(s.article_count) !== members.get(Number(s.id))).map((s) => s.id),
          [],
          "every story counts its reports",
        );
      });
    });
  });
}

describe("the writer locks on PostgreSQL", () => {
  test("are taken with the transaction's site_version shard, before any row", async () => {
    await withDb(postgresTestDatabase, async (db, url) => {
      const other = openDb(url);
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await takeWriterLocks(trx, { statements: true, clustering: true });
          const { rows } = await sql<{ shard: number }>`SELECT 1 + txid_current() % 16 AS shard`.execute(trx);
          const locked: number[] = [];
          for (let id = 1; id <= 16; id++) {
            // Autocommit: the row lock, when it can be had at once, goes with the statement.
            const free = await sql`SELECT id FROM site_version WHERE id = ${id} FOR UPDATE NOWAIT`
              .execute(other.kysely)
              .then(
                () => true,
                () => false,
              );
            if (!free) locked.push(id);
          }
          assert.deepEqual(locked, [Number(rows[0]?.shard)], "its own shard, and only it");
          const advisory = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks
            WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted`.execute(trx);
          assert.equal(advisory.rows[0]?.n, 2, "the statement writers' and clustering's");
        });
      } finally {
        await other.close();
      }
    });
  });
});
