/**
 * @module Story clustering as ingest runs it (insertArticle with a cluster request), on SQLite and
 * PostgreSQL: stories of several outlets, separate events kept apart, reprints linked, merges with
 * redirects, the window, pruning, corpus counts, and the same grouping from the same input.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import {
  ALL_REPORTS,
  BRIDGE,
  CRASH,
  FIRE,
  FIRE_FLASH,
  FIRE_LATER,
  FIRE_REPRINT,
  FIRE_REPRINT_OF_REPRINT,
  MATCH,
  RATES,
  type StoryText,
} from "../../test/support/story-texts.ts";
import { clusterRequest } from "../ingest/cluster-request.ts";
import { sweepClustering } from "../jobs/clustering-sweep.ts";
import { articleFeatures } from "../stories/features.ts";
import { INDEX_TERMS } from "../stories/index-terms.ts";
import { leadSentence } from "../stories/representative.ts";
import { termsOf } from "../stories/vectors.ts";
import { insertArticle } from "./articles.ts";
import { type ClusterCache, clusterCacheFor } from "./cluster-cache.ts";
import { type Db, openDb } from "./db.ts";
import { migrateToLatest } from "./migrate.ts";
import type { NewArticle } from "./schema.ts";
import { insertSource } from "./sources.ts";

after(stopTestPostgres);

/** The fire broke out late on a Tuesday: every fixture's `hours` count from here. */
const T0 = Date.parse("2026-11-17T23:45:00.000Z");
const iso = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
/** NEWSDESK_STORY_WINDOW_HOURS's default. */
const WINDOW = 72;

/** A newsroom over one database: each outlet is a source, each report is stored as ingest stores it. */
class Newsroom {
  private readonly sources = new Map<string, number>();
  constructor(readonly db: Db) {}

  /** The row ingest would store: published at `hours`, fetched and filed at `filedHours` (the same unless given). */
  row(
    r: StoryText,
    sourceId: number,
    hours: number,
    extra: Partial<NewArticle>,
    filedHours = hours,
  ): NewArticle {
    const at = iso(hours);
    const filed = iso(filedHours);
    return {
      source_id: sourceId,
      guid: r.key,
      url: `https://${r.outlet.toLowerCase().replace(/\W+/g, "-")}.test/${r.key}`,
      title: r.headline,
      body_html: r.body
        .split("\n\n")
        .map((p) => `<p>${p}</p>`)
        .join("\n"),
      text: r.body,
      language: "en",
      published_at: at,
      fetched_at: filed,
      created_at: filed,
      updated_at: filed,
      ...extra,
    };
  }

  async sourceOf(outlet: string): Promise<number> {
    let id = this.sources.get(outlet);
    if (id === undefined) {
      const url = `https://${outlet.toLowerCase().replace(/\W+/g, "-")}.test/feed.xml`;
      id = (await insertSource(this.db.kysely, url, iso(-100), { title: outlet })).source.id;
      this.sources.set(outlet, id);
    }
    return id;
  }

  /**
   * Stores `r` with clustering, published at its own time unless `hours` is given and filed then too
   * unless `filedHours` is given (a backlog item); returns the article's id.
   */
  async file(
    r: StoryText,
    opts: {
      hours?: number;
      filedHours?: number;
      windowHours?: number;
      extra?: Partial<NewArticle>;
      cluster?: boolean;
    } = {},
  ): Promise<number> {
    const hours = opts.hours ?? r.hours;
    const row = this.row(r, await this.sourceOf(r.outlet), hours, opts.extra ?? {}, opts.filedHours ?? hours);
    const origin =
      opts.cluster === false
        ? {}
        : { cluster: clusterRequest(row, { storyWindowHours: opts.windowHours ?? WINDOW }) };
    assert.equal(await insertArticle(this.db.kysely, row, [], origin), true, `${r.key} stored`);
    return this.idOf(r.key);
  }

  async idOf(guid: string): Promise<number> {
    const row = await this.db.kysely
      .selectFrom("articles")
      .select("id")
      .where("guid", "=", guid)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async article(id: number) {
    return this.db.kysely
      .selectFrom("articles")
      .select(["id", "guid", "title", "text", "story_id", "near_duplicate_of", "source_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  }

  async storyOf(guid: string): Promise<number> {
    const a = await this.article(await this.idOf(guid));
    assert.ok(a.story_id != null, `${guid} has a story`);
    return Number(a.story_id);
  }

  async story(id: number) {
    return this.db.kysely.selectFrom("stories").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** guid → story id, and the stories as sets of guids. */
  async grouping(): Promise<{ byGuid: Map<string, number>; groups: string[][] }> {
    const rows = await this.db.kysely
      .selectFrom("articles")
      .select(["guid", "story_id"])
      .orderBy("id")
      .execute();
    const byGuid = new Map(rows.map((r) => [r.guid, Number(r.story_id)]));
    const groups = new Map<number, string[]>();
    for (const [g, s] of byGuid) groups.set(s, [...(groups.get(s) ?? []), g]);
    return { byGuid, groups: [...groups.values()].map((g) => g.sort()).sort() };
  }

  async redirects(): Promise<Array<[number, number]>> {
    const rows = await this.db.kysely
      .selectFrom("story_redirects")
      .select(["from_id", "to_id"])
      .orderBy("from_id")
      .execute();
    return rows.map((r) => [Number(r.from_id), Number(r.to_id)]);
  }

  async count(
    table: "cluster_features" | "cluster_postings" | "cluster_stories" | "stories",
  ): Promise<number> {
    const row = await this.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** Runs `fn` on a fresh migrated database from `make`, dropped afterwards. */
async function withNewsroom<T>(
  make: () => Promise<TestDatabase>,
  fn: (n: Newsroom) => Promise<T>,
): Promise<T> {
  const tdb = await make();
  const db = openDb(tdb.url);
  try {
    await migrateToLatest(db);
    return await fn(new Newsroom(db));
  } finally {
    await db.close();
    await tdb.drop();
  }
}

/** The minute's sweep, run at the filing clock's `hours`: it files nothing in these tests, and prunes. */
function sweeper(n: Newsroom) {
  return (hours: number) =>
    sweepClustering({
      db: n.db.kysely,
      config: { storyWindowHours: WINDOW },
      log: { warn: () => {} },
      now: () => new Date(iso(hours)),
    });
}

/** Events of the fixtures as sets of keys, for comparing with a grouping. */
function eventsOf(reports: readonly StoryText[]): string[][] {
  const by = new Map<string, string[]>();
  for (const r of reports) by.set(r.event, [...(by.get(r.event) ?? []), r.key]);
  return [...by.values()].map((g) => g.sort()).sort();
}

const groupingRuns = new Map<string, unknown>();

for (const { name, make } of bothDatabases) {
  describe(`story clustering on ${name}`, () => {
    test("several outlets' reports of one event form one story, summarised from its representative report", async () => {
      await withNewsroom(make, async (n) => {
        const image = {
          lead_image_url: "https://valley-herald.test/img/fire.jpg",
          lead_image_alt: "Smoke over Harbor Road",
        };
        const flash = await n.file(FIRE_FLASH);
        const ids = [flash];
        ids.push(await n.file(FIRE[0]!));
        await n.file(MATCH[0]!);
        ids.push(await n.file(FIRE[1]!, { extra: image }));
        await n.file(MATCH[1]!);
        ids.push(await n.file(FIRE[2]!));
        await n.file(MATCH[2]!);

        const storyId = await n.storyOf("fire-flash");
        for (const r of FIRE)
          assert.equal(await n.storyOf(r.key), storyId, `${r.key} joins the fire's story`);
        const matchStory = await n.storyOf("match-1");
        assert.notEqual(matchStory, storyId);
        for (const r of MATCH) assert.equal(await n.storyOf(r.key), matchStory);
        assert.equal(await n.count("stories"), 2, "no stray story of one is left behind");

        const s = (await n.story(storyId))!;
        assert.equal(s.article_count, 4);
        assert.equal(s.source_count, 4);
        assert.equal(Number(s.first_article_id), flash, "who reported it first");
        assert.equal(s.first_published_at, iso(FIRE_FLASH.hours));
        assert.equal(s.last_published_at, iso(FIRE[2]!.hours));
        assert.ok(s.lead_article_id != null, "s.lead_article_id != null");
        const lead = await n.article(Number(s.lead_article_id));
        assert.ok(ids.includes(Number(lead.id)), "ids.includes(Number(lead.id))");
        assert.notEqual(Number(lead.id), flash, "the terse flash is not the most representative report");
        assert.equal(s.title, lead.title, "the story is named by its representative report");
        assert.notEqual(s.title, FIRE_FLASH.headline);
        assert.equal(s.lead_sentence, leadSentence(lead.text));
        assert.ok(
          s.lead_sentence && lead.text.startsWith(s.lead_sentence),
          "s.lead_sentence && lead.text.startsWith(s.lead_sentence)",
        );
        // Only the Valley Herald's report has a picture, and the lead has none: the story shows that one.
        assert.notEqual(Number(lead.id), await n.idOf("fire-2"));
        assert.equal(Number(s.image_article_id), await n.idOf("fire-2"));
        const m = (await n.story(matchStory))!;
        assert.equal(m.image_article_id, null, "no report has a picture");
        assert.equal(m.article_count, 3);
      });
    });

    test("a different event in the same town the next day, in other words, stays a story of its own", async () => {
      await withNewsroom(make, async (n) => {
        // The bridge vote names Mill Street and Route 9; the crash names Harbor Road, Calloway and the chief.
        const reports = [FIRE_FLASH, ...FIRE, ...BRIDGE, CRASH];
        for (const r of reports) await n.file(r);
        const fire = await n.storyOf("fire-1");
        const bridge = await n.storyOf("bridge-1");
        assert.notEqual(bridge, fire);
        assert.equal(await n.storyOf("bridge-2"), bridge);
        assert.ok(
          ![fire, bridge].includes(await n.storyOf(CRASH.key)),
          "![fire, bridge].includes(await n.storyOf(CRASH.key))",
        );
        assert.deepEqual((await n.grouping()).groups, eventsOf(reports));
        assert.deepEqual(await n.redirects(), []);
      });
    });

    test("a wire reprint, and a reprint of that, link the earliest report and join its story", async () => {
      await withNewsroom(make, async (n) => {
        const original = await n.file(FIRE[0]!);
        const other = await n.file(FIRE[1]!);
        const copy = await n.file(FIRE_REPRINT);
        const copyOfCopy = await n.file(FIRE_REPRINT_OF_REPRINT);
        const storyId = await n.storyOf("fire-1");
        for (const id of [other, copy, copyOfCopy])
          assert.equal(Number((await n.article(id)).story_id), storyId);
        assert.equal(Number((await n.article(copy)).near_duplicate_of), original);
        assert.equal(
          Number((await n.article(copyOfCopy)).near_duplicate_of),
          original,
          "the earliest, not the nearest copy",
        );
        assert.equal((await n.article(original)).near_duplicate_of, null);
        assert.equal(
          (await n.article(other)).near_duplicate_of,
          null,
          "another outlet's own write-up is no reprint",
        );
        const s = (await n.story(storyId))!;
        assert.equal(s.article_count, 4);
        assert.equal(s.source_count, 4);
        assert.ok(
          ![copy, copyOfCopy].includes(Number(s.lead_article_id)),
          "a reprint is never the story's face",
        );
      });
    });

    test("a joining report is posted only under the terms its story lacks, and later reports still find the story", async () => {
      await withNewsroom(make, async (n) => {
        const first = await n.file(FIRE[0]!);
        const second = await n.file(FIRE[1]!);
        const postings = async (id: number) =>
          (
            await n.db.kysely
              .selectFrom("cluster_postings")
              .select(["term", "story_id"])
              .where("article_id", "=", id)
              .execute()
          ).map((r) => r.term);
        const firstTerms = await postings(first);
        const secondTerms = await postings(second);
        assert.equal(
          firstTerms.length,
          INDEX_TERMS,
          "a new story's report is posted under all its index terms",
        );
        assert.ok(
          secondTerms.length < INDEX_TERMS,
          `the second report shares terms (${secondTerms.length} posted)`,
        );
        assert.deepEqual(
          secondTerms.filter((t) => firstTerms.includes(t)),
          [],
          "no term is posted twice for one story",
        );
        await n.file(FIRE[2]!);
        assert.equal(await n.storyOf(FIRE[2]!.key), await n.storyOf(FIRE[0]!.key));
      });
    });

    test("a report bridging two stories merges them, leaving redirects that all lead to the survivor", async () => {
      // Merges need two stories of one event, which clustering avoids; a small window and late
      // arrivals make them: with a 12-hour window each report after a 13-hour gap starts a story,
      // and a report published in the gap but stored afterwards (a slow feed) belongs to both.
      await withNewsroom(make, async (n) => {
        const windowHours = 12;
        const [a, b, c, late1, late2] = [FIRE[0]!, FIRE[1]!, FIRE[2]!, FIRE_LATER[0]!, FIRE_LATER[1]!];
        await n.file(a, { hours: 0, windowHours });
        await n.file(b, { hours: 13, windowHours });
        await n.file(c, { hours: 26, windowHours });
        const [s1, s2, s3] = [await n.storyOf(a.key), await n.storyOf(b.key), await n.storyOf(c.key)];
        assert.equal(new Set([s1, s2, s3]).size, 3, "three stories: each came after the window closed");

        // Published at 20h: within the window of b's story and of c's, not of a's (its last report is 20h old).
        await n.file(late1, { hours: 20, windowHours });
        const s23 = await n.storyOf(late1.key);
        assert.ok([s2, s3].includes(s23), "[s2, s3].includes(s23)");
        const gone = s23 === s2 ? s3 : s2;
        assert.equal(await n.storyOf(b.key), s23);
        assert.equal(await n.storyOf(c.key), s23);
        assert.equal(await n.storyOf(a.key), s1, "the closed story is not touched");
        assert.deepEqual(await n.redirects(), [[gone, s23]]);
        assert.equal(await n.story(gone), undefined, "the merged story's row is deleted");
        assert.equal((await n.story(s23))?.article_count, 3);

        // Published at 7h: within the window of a's story (7h after its report) and of the merged one.
        await n.file(late2, { hours: 7, windowHours });
        const final = await n.storyOf(late2.key);
        assert.equal(final, s1, "the survivor is the story it scores best for");
        for (const r of [a, b, c, late1, late2]) assert.equal(await n.storyOf(r.key), final, r.key);
        assert.deepEqual(
          await n.redirects(),
          [
            [gone, final],
            [s23, final],
          ].sort((x, y) => x[0]! - y[0]!),
          "the older redirect is repointed: no chain of redirects",
        );
        assert.equal(await n.story(s23), undefined);
        assert.equal(await n.count("stories"), 1);
        const s = (await n.story(final))!;
        assert.equal(s.article_count, 5);
        assert.equal(s.source_count, 3, "the Gazette, the Valley Herald, the Coastal Times");
        assert.equal(Number(s.first_article_id), await n.idOf(a.key));
        assert.equal(s.last_published_at, iso(26));
        // Clustering's own rows moved along: one open story, every report's features filed under it.
        const features = await n.db.kysely.selectFrom("cluster_features").select("story_id").execute();
        assert.deepEqual(new Set(features.map((r) => Number(r.story_id))), new Set([final]));
        const open = await n.db.kysely.selectFrom("cluster_stories").selectAll().execute();
        assert.deepEqual(
          open.map((r) => [Number(r.story_id), Number(r.reports), r.first_at, r.last_at]),
          [[final, 5, iso(0), iso(26)]],
        );
      });
    });

    test("a story takes reports up to windowHours after its last one, and none after STORY_SPAN_HOURS from its first", async () => {
      await withNewsroom(make, async (n) => {
        // Within the first day (before the event check applies), so only the window can close the story.
        const windowHours = 6;
        await n.file(FIRE[0]!, { hours: 0, windowHours });
        await n.file(FIRE[1]!, { hours: 5, windowHours });
        // 10h after the first report, but 5h after the last: still open.
        await n.file(FIRE[2]!, { hours: 10, windowHours });
        // 7h after the last report: closed.
        await n.file(FIRE_LATER[0]!, { hours: 17, windowHours });
        const first = await n.storyOf("fire-1");
        assert.equal(await n.storyOf("fire-2"), first);
        assert.equal(await n.storyOf("fire-3"), first);
        const next = await n.storyOf("fire-4");
        assert.notEqual(next, first);
        assert.equal((await n.story(first))?.article_count, 3);
        assert.equal((await n.story(next))?.article_count, 1);
      });
      await withNewsroom(make, async (n) => {
        // With the default window, the story span decides: 47h after the first report joins, 49h does not.
        await n.file(FIRE[0]!, { hours: 0 });
        await n.file(FIRE[1]!, { hours: 47 });
        await n.file(FIRE[2]!, { hours: 49 });
        assert.equal(await n.storyOf("fire-2"), await n.storyOf("fire-1"));
        assert.notEqual(await n.storyOf("fire-3"), await n.storyOf("fire-1"));
      });
    });

    test("clustering rows filed longer ago than window + 48h are pruned by the minute's sweep; stories stay", async () => {
      await withNewsroom(make, async (n) => {
        const horizon = WINDOW + 48;
        const sweepAt = sweeper(n);
        const a = await n.file(FIRE[0]!, { hours: 0 });
        await sweepAt(0);
        const b = await n.file(FIRE[1]!, { hours: 2 });
        await sweepAt(2);
        const fire = await n.storyOf("fire-1");
        const rowsOf = async (id: number) => ({
          features: (
            await n.db.kysely
              .selectFrom("cluster_features")
              .select("article_id")
              .where("article_id", "=", id)
              .execute()
          ).length,
          terms: (
            await n.db.kysely
              .selectFrom("cluster_postings")
              .select("term")
              .where("article_id", "=", id)
              .execute()
          ).length,
        });
        const openIds = async () =>
          (await n.db.kysely.selectFrom("cluster_stories").select("story_id").execute()).map((r) =>
            Number(r.story_id),
          );
        assert.equal((await rowsOf(a)).features, 1);
        assert.ok((await rowsOf(a)).terms > 0, "(await rowsOf(a)).terms > 0");

        // Just inside a's horizon: nothing is pruned.
        await n.file(MATCH[0]!, { hours: horizon - 0.5 });
        await sweepAt(horizon - 0.5);
        assert.equal((await rowsOf(a)).features, 1);
        assert.deepEqual((await openIds()).length, 2);

        // Past a's horizon but not b's: a's row goes; the fire's open-story row stays (b was filed into it
        // later), and so do a's postings: the story may be posted under a term by a alone.
        await n.file(MATCH[1]!, { hours: horizon + 1 });
        await sweepAt(horizon + 1);
        assert.equal((await rowsOf(a)).features, 0);
        assert.ok((await rowsOf(a)).terms > 0, "a's postings stay with its open story");
        assert.equal((await rowsOf(b)).features, 1);
        assert.ok((await rowsOf(b)).terms > 0, "(await rowsOf(b)).terms > 0");
        assert.ok((await openIds()).includes(fire), "(await openIds()).includes(fire)");

        // Past b's horizon too: the fire's clustering rows are all gone.
        await n.file(MATCH[2]!, { hours: horizon + 3 });
        await sweepAt(horizon + 3);
        assert.deepEqual(await rowsOf(a), { features: 0, terms: 0 });
        assert.deepEqual(await rowsOf(b), { features: 0, terms: 0 });
        assert.ok(!(await openIds()).includes(fire), "!(await openIds()).includes(fire)");
        // The story and its articles are kept: pruning is clustering's memory only.
        assert.equal((await n.story(fire))?.article_count, 2);
        assert.equal(await n.storyOf("fire-1"), fire);
        assert.equal(await n.storyOf("fire-2"), fire);

        // A new source's backlog, published days ago and filed now, goes by the filing clock: its rows are
        // kept while current news is filed in between, so the backlog's reports of one event find each
        // other (though not the pruned story).
        const c = await n.file(FIRE[2]!, { hours: 1, filedHours: horizon + 4 });
        await sweepAt(horizon + 4);
        const backlog = await n.storyOf("fire-3");
        assert.notEqual(backlog, fire);
        await n.file(RATES[0]!, { hours: horizon + 4.5 });
        await sweepAt(horizon + 4.5);
        assert.equal((await rowsOf(c)).features, 1, "not pruned for being published long ago");
        await n.file(FIRE_LATER[0]!, { hours: 3, filedHours: horizon + 5 });
        await sweepAt(horizon + 5);
        assert.equal(await n.storyOf("fire-4"), backlog);
      });
    });

    test("a late report finds its story after the story's first report was pruned, and with a window under 48 hours", async () => {
      // The first report alone is posted under the terms the story's later reports share with it.
      await withNewsroom(make, async (n) => {
        const horizon = WINDOW + 48;
        const sweepAt = sweeper(n);
        await n.file(FIRE[0]!, { hours: 0 });
        await n.file(FIRE[1]!, { hours: 2 });
        const fire = await n.storyOf("fire-1");
        assert.equal(await n.storyOf("fire-2"), fire);
        await sweepAt(horizon + 1); // fire-1's row pruned, fire-2's kept
        await n.file(FIRE[2]!, { hours: 5, filedHours: horizon + 1 });
        assert.equal(await n.storyOf("fire-3"), fire, "a backlog report joins the story");
      });
      await withNewsroom(make, async (n) => {
        // A 12-hour window: fire-3, published 22 hours before the story's first posting, still joins it.
        const windowHours = 12;
        await n.file(FIRE[0]!, { hours: 25, windowHours });
        await n.file(FIRE[1]!, { hours: 15, windowHours });
        await n.file(FIRE[2]!, { hours: 3, windowHours });
        const fire = await n.storyOf("fire-1");
        assert.equal(await n.storyOf("fire-2"), fire);
        assert.equal(await n.storyOf("fire-3"), fire);
      });
    });

    test("each clustered article counts one document into cluster_state and each of its terms into term_stats", async () => {
      await withNewsroom(make, async (n) => {
        const expected = new Map<string, number>();
        const documents = async () =>
          Number(
            (
              await n.db.kysely
                .selectFrom("cluster_state")
                .select("documents")
                .where("id", "=", 1)
                .executeTakeFirstOrThrow()
            ).documents,
          );
        const stats = async () =>
          new Map(
            (await n.db.kysely.selectFrom("term_stats").select(["term", "df"]).execute()).map((r) => [
              r.term,
              Number(r.df),
            ]),
          );
        assert.equal(await documents(), 0);
        const reports = [FIRE[0]!, FIRE[1]!, MATCH[0]!, FIRE_REPRINT];
        for (const [i, r] of reports.entries()) {
          await n.file(r);
          for (const t of termsOf(articleFeatures({ headline: r.headline, body: r.body, language: "en" })))
            expected.set(t, (expected.get(t) ?? 0) + 1);
          assert.equal(await documents(), i + 1);
          assert.deepEqual(await stats(), expected, `after ${r.key}`);
        }
        assert.equal(expected.get("eastbrook"), 3);
        assert.equal(expected.get("okonkwo"), 1);
        // An article not stored (its guid is known) and one stored without clustering count nothing.
        const row = n.row(FIRE[0]!, await n.sourceOf(FIRE[0]!.outlet), 0, {});
        assert.equal(
          await insertArticle(n.db.kysely, row, [], {
            cluster: clusterRequest(row, { storyWindowHours: WINDOW }),
          }),
          false,
        );
        await n.file(RATES[0]!, { cluster: false });
        assert.equal(await documents(), reports.length);
        assert.deepEqual(await stats(), expected);
      });
    });

    test("the same reports in the same order give the same stories in two fresh databases, whatever the process kept", async () => {
      // The second run forgets the process cache before every report, as a process seeing each for the first time.
      const run = (cold: boolean) =>
        withNewsroom(make, async (n) => {
          for (const r of ALL_REPORTS) {
            if (cold) forget(clusterCacheFor(n.db.kysely));
            await n.file(r);
          }
          const articles = await n.db.kysely
            .selectFrom("articles")
            .select(["guid", "story_id", "near_duplicate_of"])
            .orderBy("id")
            .execute();
          const stories = await n.db.kysely
            .selectFrom("stories")
            .select([
              "id",
              "title",
              "lead_article_id",
              "first_article_id",
              "image_article_id",
              "article_count",
              "lead_sentence",
            ])
            .orderBy("id")
            .execute();
          return {
            articles: normalize(articles),
            stories: normalize(stories),
            groups: (await n.grouping()).groups,
          };
        });
      const first = await run(false);
      const second = await run(true);
      assert.deepEqual(second, first);
      assert.deepEqual(first.groups, eventsOf(ALL_REPORTS), "each event one story, each story one event");
      groupingRuns.set(name, first);
    });
  });
}

function forget(cache: ClusterCache): void {
  cache.sums.clear();
  cache.signatures.clear();
  cache.allVectors.clear();
  cache.df.known.clear();
  cache.df.documents = -1;
}

/** Rows with bigint ids as numbers (pg returns them as strings). */
function normalize<T extends object>(rows: T[]): T[] {
  return rows.map(
    (r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k.endsWith("id") || k.endsWith("_of") ? (v == null ? null : Number(v)) : v,
        ]),
      ) as T,
  );
}

test("SQLite and PostgreSQL group the same reports alike", (t) => {
  if (groupingRuns.size < 2) return t.skip("needs both engines' runs above");
  assert.deepEqual(groupingRuns.get("postgres"), groupingRuns.get("sqlite"));
});
