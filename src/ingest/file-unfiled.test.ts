/**
 * @module An article stored by an insert's first transaction whose second never ran (its process
 * killed between them), on SQLite and PostgreSQL: its pages render meanwhile, it is listed among no
 * story's reports, and the minute's sweep files it as ingest would have (clustered with its event,
 * its statements written), once, whoever else tries.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { FIRE, storyTextArticle } from "../../test/support/story-texts.ts";
import { loadConfig } from "../config/config.ts";
import { sweepClustering } from "../jobs/clustering-sweep.ts";
import { createLogger } from "../log.ts";
import { fileArticle, writeArticleStatements } from "../storage/article-filing.ts";
import { insertArticle, reviseArticle, storeArticle } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import type { NewArticle } from "../storage/schema.ts";
import { insertSource, markSourceFetched } from "../storage/sources.ts";
import { buildApp } from "../web/app.tsx";
import { articlePath, storyPath } from "../web/presenters/paths.ts";
import { articleStatements } from "./article-statements.ts";
import { clusterRequest } from "./cluster-request.ts";
import { UNFILED_GRACE_MS } from "./file-unfiled.ts";

after(stopTestPostgres);

const T0 = Date.parse("2026-11-17T23:45:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const WINDOW = 72;
const quiet = { warn: () => {} };

async function withDb<T>(make: () => Promise<TestDatabase>, fn: (db: Db) => Promise<T>): Promise<T> {
  const tdb = await make();
  const db = openDb(tdb.url);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
    await tdb.drop();
  }
}

async function outlet(db: Db, name: string): Promise<number> {
  const host = `${name.toLowerCase().replace(/\W+/g, "-")}.test`;
  const { source } = await insertSource(db.kysely, `https://${host}/feed`, iso(T0));
  await markSourceFetched(db.kysely, source.id, {
    now: iso(T0),
    nextFetchAt: iso(T0),
    title: name,
    siteUrl: `https://${host}/`,
  });
  return source.id;
}

function row(sourceId: number, r: (typeof FIRE)[number]): NewArticle {
  return storyTextArticle(sourceId, r, T0, `${sourceId}.test`);
}

/** The origin ingest gives an insert: clustering features and statements. */
function ingestOrigin(article: NewArticle, outletName: string) {
  const statements = articleStatements(article.text, outletName, quiet);
  assert.ok(statements && statements.length > 0, "the fixture has statements");
  return { cluster: clusterRequest(article, { storyWindowHours: WINDOW }), statements };
}

/** The fire's first report stored by an insert's first transaction alone, with what ingest would file it with. */
async function storedOnly(db: Db) {
  const first = FIRE[0];
  if (!first) throw new Error("fixture");
  const a = row(await outlet(db, first.outlet), first);
  const stored = await storeArticle(db.kysely, a);
  assert.ok(stored);
  return { a, stored, origin: ingestOrigin(a, first.outlet) };
}

const sweepAt = (db: Db, ms: number) =>
  sweepClustering({
    db: db.kysely,
    config: { storyWindowHours: WINDOW },
    log: quiet,
    now: () => new Date(ms),
  });

async function articleState(db: Db, id: number) {
  const a = await db.kysely
    .selectFrom("articles")
    .select(["story_id", "statements_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const count = async (table: "statements" | "cluster_features") =>
    (await db.kysely.selectFrom(table).select("article_id").where("article_id", "=", id).execute()).length;
  return {
    storyId: a.story_id === null ? null : Number(a.story_id),
    statementsAt: a.statements_at,
    statements: await count("statements"),
    features: await count("cluster_features"),
  };
}

for (const { name, make } of bothDatabases) {
  describe(`an article stored but not filed, on ${name}`, () => {
    test("its pages render meanwhile, and the minute's sweep files it into its event's story with its statements", async () => {
      await withDb(make, async (db) => {
        const [first, second] = [FIRE[0], FIRE[1]] as const;
        if (!first || !second) throw new Error("fixture");
        const a = row(await outlet(db, first.outlet), first);
        assert.equal(await insertArticle(db.kysely, a, [], ingestOrigin(a, first.outlet)), true);
        const [filedA] = await db.kysely.selectFrom("articles").select(["id", "story_id"]).execute();
        const storyA = Number(filedA?.story_id);

        // The first transaction alone, as a process killed before the second leaves it.
        const b = row(await outlet(db, second.outlet), second);
        const stored = await storeArticle(db.kysely, b, ["Eastbrook"]);
        assert.ok(stored);
        assert.deepEqual(await articleState(db, stored.id), {
          storyId: null,
          statementsAt: null,
          statements: 0,
          features: 0,
        });

        const app = buildApp({
          db: db.kysely,
          config: loadConfig({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" }),
          log: createLogger("silent"),
        });
        try {
          const page = await app.inject(articlePath(stored.id, b.title));
          assert.equal(page.statusCode, 200);
          assert.match(page.body, /Three firefighters hurt/);
          const home = await app.inject("/");
          assert.equal(home.statusCode, 200);
          const story = await app.inject(storyPath(storyA, a.title));
          assert.equal(story.statusCode, 200);
          assert.doesNotMatch(story.body, /Three firefighters hurt/, "not among the story's reports yet");
        } finally {
          await app.close();
        }

        // Within its grace the sweep leaves it to its writer; after it, files it.
        const storedAt = Date.parse(b.created_at);
        assert.equal((await sweepAt(db, storedAt + UNFILED_GRACE_MS - 1_000)).filed, 0);
        assert.equal((await articleState(db, stored.id)).storyId, null);
        const report = await sweepAt(db, storedAt + UNFILED_GRACE_MS + 1_000);
        assert.deepEqual({ filed: report.filed, failed: report.failed }, { filed: 1, failed: 0 });
        const after = await articleState(db, stored.id);
        assert.equal(after.storyId, storyA, "filed with the other report of its event");
        assert.notEqual(after.statementsAt, null);
        assert.ok(after.statements > 0, "its statements extracted from the stored text");
        assert.equal(after.features, 1);
        const story = await db.kysely
          .selectFrom("stories")
          .select(["article_count", "source_count"])
          .where("id", "=", storyA)
          .executeTakeFirstOrThrow();
        assert.deepEqual([Number(story.article_count), Number(story.source_count)], [2, 2]);

        // Its writer, slow rather than dead, gets there after the sweep: nothing is filed twice.
        assert.equal(
          await fileArticle(
            db.kysely,
            { id: stored.id, sourceId: b.source_id, title: b.title, sortAt: b.created_at },
            { cluster: clusterRequest(b, { storyWindowHours: WINDOW }) },
            b.created_at,
          ),
          null,
        );
        assert.equal((await sweepAt(db, storedAt + 10 * UNFILED_GRACE_MS)).filed, 0);
        const state = await db.kysely
          .selectFrom("cluster_state")
          .select(["documents", "pending"])
          .executeTakeFirstOrThrow();
        assert.equal(Number(state.documents) + Number(state.pending), 2, "each article counted once");
      });
    });

    test("an article whose statements were written before its writer stopped is filed with them as they were", async () => {
      await withDb(make, async (db) => {
        const { a, stored, origin } = await storedOnly(db);
        assert.equal(
          await writeArticleStatements(
            db.kysely,
            stored,
            { of: a.text, list: origin.statements },
            a.created_at,
          ),
          true,
        );
        const before = await articleState(db, stored.id);
        assert.equal(before.storyId, null);
        const report = await sweepAt(db, Date.parse(a.created_at) + 2 * UNFILED_GRACE_MS);
        assert.equal(report.filed, 1);
        const after = await articleState(db, stored.id);
        assert.notEqual(after.storyId, null);
        assert.deepEqual(
          [after.statementsAt, after.statements],
          [before.statementsAt, before.statements],
          "not extracted again",
        );
      });
    });

    test("statements of a text a publisher's edit replaced before the filing are not written", async () => {
      await withDb(make, async (db) => {
        const { a, stored, origin } = await storedOnly(db);
        const edited = "A short rewrite without anyone quoted at all.";
        await reviseArticle(
          db.kysely,
          stored.id,
          { body: { body_html: `<p>${edited}</p>`, text: edited }, revisedAt: a.created_at },
          a.created_at,
        );
        const storyId = await fileArticle(
          db.kysely,
          stored,
          { cluster: origin.cluster, statements: { of: a.text, list: origin.statements } },
          a.created_at,
        );
        assert.notEqual(storyId, null, "filed");
        const state = await articleState(db, stored.id);
        assert.equal(state.storyId, storyId);
        assert.deepEqual([state.statements, state.statementsAt], [0, null], "left for the backfill");
      });
    });

    test("a story filed into whose summary a stopped process did not refresh is summarized by the sweep", async () => {
      await withDb(make, async (db) => {
        const [first, second] = [FIRE[0], FIRE[1]] as const;
        if (!first || !second) throw new Error("fixture");
        for (const r of [first, second]) {
          const a = row(await outlet(db, r.outlet), r);
          assert.equal(await insertArticle(db.kysely, a, [], ingestOrigin(a, r.outlet)), true);
        }
        const stories = await db.kysely
          .selectFrom("stories")
          .select(["id", "article_count", "source_count"])
          .execute();
        assert.equal(stories.length, 1, "one event, one story");
        const story = stories[0];
        assert.ok(story);
        assert.deepEqual(
          [Number(story.article_count), Number(story.source_count)],
          [2, 2],
          "summarized after each filing",
        );
        // As a process killed between the second filing's commit and its summary leaves it.
        await db.kysely.updateTable("stories").set({ article_count: 1, source_count: 1 }).execute();
        // Filed at its creation time (insertArticle's `now`), an hour or so after T0.
        const filedAt = T0 + Math.max(first.hours, second.hours) * 3_600_000;
        const report = await sweepAt(db, filedAt + 60_000);
        assert.equal(report.summarized, 1);
        const after = await db.kysely
          .selectFrom("stories")
          .select(["article_count", "source_count"])
          .executeTakeFirstOrThrow();
        assert.deepEqual([Number(after.article_count), Number(after.source_count)], [2, 2]);
        assert.equal((await sweepAt(db, filedAt + 120_000)).summarized, 0, "nothing left to do");
      });
    });
  });
}
