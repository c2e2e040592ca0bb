/**
 * @module Story pages, the story-first front page, reprints in lists and feeds, revisions, story
 * feeds and merged-story redirects, through inject() over real SQLite and PostgreSQL databases.
 * Stories are built through storage as clustering would leave them.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { loadConfig } from "../config/config.ts";
import { createLogger } from "../log.ts";
import { insertArticle } from "../storage/articles.ts";
import type { Db } from "../storage/db.ts";
import type { NewArticle } from "../storage/schema.ts";
import { insertSource, markSourceFetched } from "../storage/sources.ts";
import { assignArticlesToStory } from "../storage/stories.ts";
import { buildApp } from "./app.tsx";

after(() => stopTestPostgres());

const T0 = Date.parse("2026-11-20T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

interface World {
  app: ReturnType<typeof buildApp>;
  ids: Record<string, number>;
  sources: Record<string, number>;
  story: number;
  merged: number;
  close(): Promise<void>;
}

/**
 * A wire agency's report, a newspaper's reprint of it and a broadcaster's own report (one story,
 * labelled outlets), the agency's report edited once, and a story merged into it.
 */
async function buildWorld(db: Db): Promise<World> {
  const k = db.kysely;
  const sources: Record<string, number> = {};
  const labels: Record<string, string | null> = {
    Agency: '{"country": "FR", "kind": "wire"}',
    Daily: '{"country": "GB", "kind": "newspaper"}',
    Radio: '{"kind": "broadcaster"}',
    Blog: null,
  };
  for (const name of Object.keys(labels)) {
    const { source } = await insertSource(k, `https://${name.toLowerCase()}.test/feed`, at(0));
    await markSourceFetched(k, source.id, {
      now: at(0),
      nextFetchAt: at(0),
      title: name,
      siteUrl: `https://${name.toLowerCase()}.test/`,
    });
    await k
      .updateTable("sources")
      .set({ labels: labels[name] ?? null })
      .where("id", "=", source.id)
      .execute();
    sources[name] = source.id;
  }
  const row = (
    source: string,
    guid: string,
    minutes: number,
    extra: Partial<NewArticle> = {},
  ): NewArticle => ({
    source_id: sources[source] ?? 0,
    guid,
    url: `https://${source.toLowerCase()}.test/${guid}`,
    title: `Report ${guid}`,
    body_html: `<p>Text of ${guid}.</p>`,
    text: `Text of ${guid}. More.`,
    excerpt: `Text of ${guid}. More.`,
    published_at: at(minutes),
    fetched_at: at(minutes),
    created_at: at(minutes),
    updated_at: at(minutes),
    ...extra,
  });
  await insertArticle(k, row("Agency", "quake", 0, { title: "Earthquake shakes the coast" }), ["World"]);
  await insertArticle(k, row("Daily", "quake-reprint", 30, { title: "Earthquake shakes the coast" }), [
    "World",
  ]);
  await insertArticle(k, row("Radio", "quake-radio", 60, { title: "Tremor felt across the region" }));
  await insertArticle(k, row("Blog", "quake-blog", 90, { title: "What the quake felt like here" }));
  const list = await k.selectFrom("articles").select(["id", "guid", "story_id"]).execute();
  const ids = Object.fromEntries(list.map((r) => [r.guid, Number(r.id)]));
  const storyOf = Object.fromEntries(list.map((r) => [r.guid, Number(r.story_id)]));
  const story = storyOf.quake ?? 0;
  await assignArticlesToStory(k, story, [ids.quake ?? 0, ids["quake-reprint"] ?? 0, ids["quake-radio"] ?? 0]);
  await k
    .updateTable("articles")
    .set({ near_duplicate_of: ids.quake ?? 0 })
    .where("id", "=", ids["quake-reprint"] ?? 0)
    .execute();
  await k
    .updateTable("stories")
    .set({
      title: "Tremor felt across the region",
      lead_article_id: ids["quake-radio"],
      first_article_id: ids.quake,
      lead_sentence: "A strong quake hit.",
    })
    .where("id", "=", story)
    .execute();
  // The agency edited its report an hour later; the old headline is kept.
  await k
    .updateTable("articles")
    .set({ revised_at: at(120) })
    .where("id", "=", ids.quake ?? 0)
    .execute();
  await k
    .insertInto("article_revisions")
    .values({
      article_id: ids.quake ?? 0,
      title: "Quake reported off the coast",
      body_html: "<p>Old.</p>",
      replaced_at: at(120),
    })
    .execute();
  // The blog's story of one was merged into the quake story, by way of a story merged before it.
  const merged = storyOf["quake-blog"] ?? 0;
  await assignArticlesToStory(k, story, [ids["quake-blog"] ?? 0]);
  await k
    .insertInto("story_redirects")
    .values([
      { from_id: merged, to_id: 999_999, created_at: at(100) },
      { from_id: 999_999, to_id: story, created_at: at(100) },
    ])
    .execute();
  const config = loadConfig({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" });
  const app = buildApp({ db: k, config, log: createLogger("silent") });
  return {
    app,
    ids,
    sources,
    story,
    merged,
    close: async () => {
      await app.close();
    },
  };
}

for (const { name, make } of bothDatabases) {
  describe(`story pages on ${name}`, () => {
    const holder = useMigratedDb(make);
    let w: World;
    const get = async (url: string) => w.app.inject(url);
    const storyPath = () => `/stories/${w.story}-tremor-felt-across-the-region`;

    test("build the world", async () => {
      w = await buildWorld(holder.db);
    });
    after(async () => w?.close());

    test("a story page: lead headline, first report, coverage by label, reprint under its original, timeline", async () => {
      const res = await get(storyPath());
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.match(html, /<h1 dir="auto">Tremor felt across the region<\/h1>/, "the story's title");
      assert.match(html, /<p class="lead-sentence" dir="auto">A strong quake hit.<\/p>/);
      assert.match(
        html,
        /First reported by <a href="\/sources\/\d+-agency"><bdi>Agency<\/bdi><\/a> at <time datetime="2026-11-20T08:00:00.000Z" dir="ltr">/,
      );
      assert.match(html, /Updated <time datetime="2026-11-20T10:00:00.000Z" dir="ltr">/, "the agency's edit");
      assert.match(html, /4 reports from 4 outlets/);
      assert.match(
        html,
        /<dt>By kind<\/dt><dd>1 broadcaster, 1 newspaper, 1 wire agency, 1 not labelled<\/dd>/,
      );
      assert.match(html, /<dt>By country<\/dt><dd>1 France, 1 United Kingdom, 2 not labelled<\/dd>/);
      const groups = [...html.matchAll(/<h3 id="outlet-\d+"><a [^>]*><bdi>([^<]+)<\/bdi>/g)].map((m) => m[1]);
      assert.deepEqual(
        groups,
        ["Agency", "Radio", "Blog"],
        "outlets in the order they reported; the reprint has none",
      );
      assert.match(
        html,
        /Republished by <a href="\/articles\/\d+-earthquake-shakes-the-coast"><bdi>Daily<\/bdi><\/a> at/,
      );
      assert.equal(
        html.match(/<h4 class="report-title">/g)?.length,
        3,
        "three reports, the reprint not one of them",
      );
      assert.equal(html.match(/<li><time datetime=/g)?.length, 4, "the timeline lists every report");
      assert.match(html, / republished <a href="\/articles\/\d+-earthquake/);
      for (const [ext, type] of [
        ["xml", "application/rss\\+xml"],
        ["atom", "application/atom\\+xml"],
        ["json", "application/feed\\+json"],
      ])
        assert.match(
          html,
          new RegExp(`<link rel="alternate" type="${type}"[^>]*href="${storyPath()}/feed.${ext}"`),
        );
    });

    test("a merged story answers 301 with the survivor's own path, following the chain; so does its feed", async () => {
      const res = await get(`/stories/${w.merged}-old-name?x=1`);
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, storyPath());
      const feed = await get(`/stories/${w.merged}/feed.atom`);
      assert.equal(feed.statusCode, 301);
      assert.equal(feed.headers.location, `${storyPath()}/feed.atom`);
      assert.equal((await get("/stories/999998-none")).statusCode, 404);
    });

    test("a story's feeds carry its reports once each, the edit as Atom updated and JSON date_modified", async () => {
      const atom = await get(`${storyPath()}/feed.atom`);
      assert.equal(atom.statusCode, 200);
      assert.equal(atom.body.match(/<entry/g)?.length, 3, "the reprint is left out");
      const agency = atom.body.slice(atom.body.indexOf(`/articles/${w.ids.quake}<`));
      assert.match(
        agency,
        /^[\s\S]*?<updated>2026-11-20T10:00:00.000Z<\/updated><published>2026-11-20T08:00:00.000Z<\/published>/,
      );
      const json = JSON.parse((await get(`${storyPath()}/feed.json`)).body) as {
        items: Array<{ id: string; date_modified: string; date_published: string }>;
      };
      const item = json.items.find((i) => i.id.endsWith(`/articles/${w.ids.quake}`));
      assert.equal(item?.date_modified, "2026-11-20T10:00:00.000Z");
      const rss = await get(`${storyPath()}/feed.xml`);
      assert.equal(rss.body.match(/<item>/g)?.length, 3);
    });

    test("the site feed, the front page's latest and a topic list each text once", async () => {
      const feed = (await get("/feed.atom")).body;
      assert.doesNotMatch(
        feed,
        new RegExp(`/articles/${w.ids["quake-reprint"]}<`),
        "no reprint in the site feed",
      );
      const topic = (await get("/topics/world")).body;
      assert.ok(topic.includes(`href="/articles/${w.ids.quake}-`));
      assert.ok(
        !topic.includes(
          `<a href="/articles/${w.ids["quake-reprint"]}-earthquake-shakes-the-coast">Earthquake`,
        ),
      );
      assert.match(
        topic,
        /Also republished by <span><a href="\/articles\/\d+-earthquake-shakes-the-coast"><bdi>Daily<\/bdi>/,
      );
      // Daily's own page keeps its reprint (the original is not on it), saying who published it first.
      const daily = (await get(`/sources/${w.sources.Daily}-daily`)).body;
      assert.match(
        daily,
        /First published by <a href="\/articles\/\d+-earthquake-shakes-the-coast"><bdi>Agency<\/bdi>/,
      );
      const search = (await get("/search?q=earthquake")).body;
      assert.equal(search.match(/<li class="search-hit">/g)?.length, 1, "the reprint is not a second hit");
      assert.match(
        search,
        /Also republished by <span><a href="\/articles\/\d+-earthquake-shakes-the-coast"><bdi>Daily/,
      );
      const searchFeed = (await get("/search/feed.atom?q=earthquake")).body;
      assert.equal(searchFeed.match(/<entry/g)?.length, 1);
      const sitemap = (await get("/sitemap-articles-0.xml")).body;
      assert.match(
        sitemap,
        new RegExp(
          `/articles/${w.ids.quake}-earthquake-shakes-the-coast</loc><lastmod>2026-11-20T10:00:00.000Z`,
        ),
      );
    });

    test("the front page leads with the story, names its outlets, and does not list its reports again", async () => {
      const html = (await get("/")).body;
      const top = html.slice(html.indexOf('id="top-heading"'));
      assert.match(top, /<article class="story-card lead">/);
      assert.match(
        top,
        /<a href="\/stories\/\d+-tremor-felt-across-the-region">Tremor felt across the region<\/a>/,
      );
      assert.match(
        top,
        /<bdi class="outlet">Radio<\/bdi> · <time datetime="2026-11-20T09:00:00.000Z" dir="ltr" data-relative>/,
      );
      assert.match(
        top,
        /4 outlets<\/span>: <span><bdi>Agency<\/bdi><\/span><span>, <bdi>Daily<\/bdi><\/span>/,
      );
      assert.doesNotMatch(html, /id="latest-heading"/, "every report belongs to the story above");
    });

    test("the article page: Updated, the earlier headline, who republished it; the reprint names its first publisher", async () => {
      const page = (await get(`/articles/${w.ids.quake}-earthquake-shakes-the-coast`)).body;
      assert.match(
        page,
        /<span class="updated">Updated <time datetime="2026-11-20T10:00:00.000Z" dir="ltr">/,
      );
      assert.match(
        page,
        /<details class="earlier-headlines"><summary>Earlier headline<\/summary><ol><li>Quake reported off the coast/,
      );
      assert.match(
        page,
        /<div class="republished-by"><p>Republished by:<\/p><ul><li><a href="\/articles\/\d+-earthquake-shakes-the-coast"><bdi>Daily<\/bdi><\/a>: <a class="original-url" href="https:\/\/daily.test\/quake-reprint"/,
      );
      const also = page.slice(page.indexOf('id="also-heading"'));
      assert.doesNotMatch(
        also.slice(0, also.indexOf("</ul>")),
        /Daily/,
        "a reprint of this very text is not 'also covered'",
      );
      assert.match(also, /Full coverage: 4 reports from 4 outlets/);
      const jsonLd = /"dateModified":"([^"]+)"/.exec(page)?.[1];
      assert.equal(jsonLd, "2026-11-20T10:00:00.000Z");

      const reprint = (await get(`/articles/${w.ids["quake-reprint"]}-earthquake-shakes-the-coast`)).body;
      assert.match(reprint, /Republished by <a href="\/sources\/\d+-daily"><bdi>Daily<\/bdi><\/a>/);
      assert.match(
        reprint,
        new RegExp(
          `First published by <a href="/articles/${w.ids.quake}-earthquake-shakes-the-coast"><bdi>Agency</bdi></a>: <a class="original-url" href="https://agency.test/quake"`,
        ),
      );
    });
  });
}
