/**
 * @module Ingest end to end on SQLite and PostgreSQL: an article reached through two feeds of one outlet
 * is stored once; publishers' edits become revisions.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { articlePage, type FixtureItem, makeItems } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import { listArticleRevisions } from "../storage/articles.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, insertSource } from "../storage/sources.ts";
import { findStoryById } from "../storage/stories.ts";
import { refreshSource } from "./refresh-source.ts";
import { revisionTime } from "./revise-item.ts";

const XML = { "content-type": "application/rss+xml; charset=utf-8" };
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS feed whose home is `site` (the outlet), listing `items` as [guid, link, title, description]. */
function feed(site: string, items: Array<[string, string, string, string]>): string {
  const entries = items.map(
    ([guid, link, title, description]) =>
      `<item><guid isPermaLink="false">${guid}</guid><link>${esc(link)}</link><title>${esc(title)}</title>
<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><description>${esc(description)}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>${site}</link>
<description>d</description>${entries.join("\n")}</channel></rss>`;
}

const [shared, edited, feedOnly] = makeItems(3, "id") as [FixtureItem, FixtureItem, FixtureItem];
/** What the edits feed and page say now; the tests change it between polls. */
const current = { title: "", summary: "", body: [] as string[] };

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`article identity in ingest on ${name}`, () => {
    const t = useMigratedDb(make);
    let server: FixtureServer;
    let base = "";
    // One page at a time: items are stored in feed order, so the edited item is its story's first report.
    const config = loadConfig({
      NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
      NEWSDESK_HOST_INTERVAL_MS: "0",
      NEWSDESK_PAGE_CONCURRENCY: "1",
    });
    const fetcher = fetcherFromConfig(config);
    let clock = new Date("2026-11-20T10:00:00.000Z");
    const deps = () => ({ db: t.db.kysely, config, log: createLogger("silent"), fetcher, now: () => clock });
    const poll = async (path: string) => {
      const url = `${server.url}${path}`;
      const s = (await insertSource(t.db.kysely, url, clock.toISOString())).source;
      return refreshSource((await findSourceById(t.db.kysely, s.id)) as Source, deps());
    };
    const rowsOf = (guid: string) =>
      t.db.kysely.selectFrom("articles").selectAll().where("guid", "=", guid).execute();

    before(async () => {
      // Each database's suite starts from the publisher's first version.
      Object.assign(current, {
        title: edited.title,
        summary: edited.paragraphs[0],
        body: [...edited.paragraphs],
      });
      clock = new Date("2026-11-20T10:00:00.000Z");
      server = await startFixtureServer({
        [`/articles/${shared.slug}`]: () => ({ body: articlePage(base, shared) }),
        [`/articles/${shared.slug}/amp`]: () => ({ body: articlePage(base, shared) }),
        // Another address of the same report, which its page names as canonical.
        [`/mobile/${shared.slug}`]: () => ({
          body: articlePage(base, shared).replace(
            "<head>",
            `<head><link rel="canonical" href="${base}/articles/${shared.slug}">`,
          ),
        }),
        // One outlet (news.test, with and without www), two feeds; and another outlet linking the same URL.
        "/world.xml": () => ({
          headers: XML,
          body: feed("https://www.news.test/", [
            ["w-1", `${base}/articles/${shared.slug}?utm_source=rss&utm_medium=world`, shared.title, "x"],
          ]),
        }),
        "/uk.xml": () => ({
          headers: XML,
          body: feed("https://news.test/uk", [
            ["uk-1", `${base}/articles/${shared.slug}/amp`, shared.title, "x"],
            ["uk-2", `${base}/mobile/${shared.slug}`, shared.title, "x"],
          ]),
        }),
        "/aggregator.xml": () => ({
          headers: XML,
          body: feed("https://aggregator.test/", [
            ["agg-1", `${base}/articles/${shared.slug}`, shared.title, "x"],
          ]),
        }),
        "/edits.xml": () => ({
          headers: XML,
          body: feed("https://edits.test/", [
            ["ed-1", `${base}/articles/${edited.slug}`, current.title, current.summary],
            ["fo-1", `${base}/gone/${feedOnly.slug}`, feedOnly.title, current.summary],
          ]),
        }),
        [`/articles/${edited.slug}`]: () => ({
          body: articlePage(base, { ...edited, title: current.title, paragraphs: current.body }),
        }),
      });
      base = server.url;
    });
    after(async () => {
      await server?.close();
      await fetcher.close();
    });

    test("two feeds of one outlet store one article; another outlet linking it stores its own", async () => {
      assert.equal((await poll("/world.xml")).added, 1);
      const ampFetches = () => server.requests.filter((r) => r.endsWith("/amp")).length;
      const uk = await poll("/uk.xml");
      assert.equal(uk.added, 0, "the AMP link and the canonical's other address are the same article");
      assert.equal(ampFetches(), 0, "a link the outlet has stored is not fetched");
      assert.equal(server.requests.filter((r) => r.startsWith("/mobile/")).length, 1);
      assert.equal((await poll("/aggregator.xml")).added, 1);
      const keys = await t.db.kysely.selectFrom("articles").select(["guid", "url_key"]).execute();
      const key = `127.0.0.1:${new URL(base).port}/articles/${shared.slug}`;
      assert.deepEqual(keys.map((r) => [r.guid, r.url_key]).sort(), [
        ["agg-1", key],
        ["w-1", key],
      ]);
    });

    test("an edited headline or text revises the article; whitespace alone does not", async () => {
      assert.equal((await poll("/edits.xml")).added, 2);
      const [first] = await rowsOf("ed-1");
      assert.ok(first);
      const revisions = () => listArticleRevisions(t.db.kysely, Number(first.id));

      clock = new Date("2026-11-20T11:00:00.000Z");
      current.title = `  ${edited.title.replace(" ", "   ")} `;
      current.summary = `${current.summary}\n\n`;
      current.body = current.body.map((p) => `${p}  `);
      assert.equal((await poll("/edits.xml")).added, 0);
      assert.deepEqual(await revisions(), [], "whitespace-only changes are no edit");
      assert.equal((await rowsOf("ed-1"))[0]?.revised_at, null);

      clock = new Date("2026-11-20T12:00:00.000Z");
      current.title = "Council approves plan, with conditions";
      await poll("/edits.xml");
      const retitled = (await rowsOf("ed-1"))[0];
      assert.equal(retitled?.title, current.title);
      assert.equal(retitled?.revised_at, clock.toISOString());
      assert.deepEqual(
        (await revisions()).map((r) => r.title),
        [edited.title],
      );
      assert.equal((await findStoryById(t.db.kysely, Number(first.story_id)))?.title, current.title);

      clock = new Date("2026-11-20T13:00:00.000Z");
      const pageFetches = server.requests.length;
      current.summary = "The council withdrew the plan late on Tuesday after a legal challenge.";
      current.body = [current.summary, ...edited.paragraphs.slice(1)];
      await poll("/edits.xml");
      const revised = (await rowsOf("ed-1"))[0];
      assert.match(revised?.body_html ?? "", /withdrew the plan/);
      assert.match(revised?.text ?? "", /withdrew the plan/);
      assert.equal(revised?.excerpt, current.summary);
      assert.equal(revised?.revised_at, clock.toISOString());
      assert.deepEqual(
        (await revisions()).map((r) => [r.title, /divided residents/.test(r.body_html), r.replaced_at]),
        [
          [current.title, true, clock.toISOString()],
          [edited.title, true, "2026-11-20T12:00:00.000Z"],
        ],
      );
      // The feed and the edited item's page were fetched; the feed-only item's page (gone) was not retried.
      assert.deepEqual(server.requests.slice(pageFetches), ["/edits.xml", `/articles/${edited.slug}`]);
      // An article whose body came from the feed takes the feed's new text.
      const feedBody = (await rowsOf("fo-1"))[0];
      assert.match(feedBody?.body_html ?? "", /withdrew the plan/);
      assert.equal(feedBody?.revised_at, clock.toISOString());
    });
  });
}

test("an edit's time is the feed's updated date only when it is sane", () => {
  const now = new Date("2026-11-20T12:00:00.000Z");
  const stored = { fetched_at: "2026-11-20T09:00:00.000Z", revised_at: null };
  assert.equal(revisionTime("2026-11-20T11:30:00.000Z", stored, now), "2026-11-20T11:30:00.000Z");
  assert.equal(revisionTime(null, stored, now), now.toISOString());
  assert.equal(revisionTime("2036-01-01T00:00:00.000Z", stored, now), now.toISOString(), "the future");
  assert.equal(revisionTime("2026-11-20T12:30:00.000Z", stored, now), now.toISOString(), "clock skew: now");
  assert.equal(revisionTime("2026-11-20T08:00:00.000Z", stored, now), now.toISOString(), "before our copy");
  const revised = { ...stored, revised_at: "2026-11-20T11:45:00.000Z" };
  assert.equal(revisionTime("2026-11-20T11:30:00.000Z", revised, now), now.toISOString(), "not moved");
  assert.equal(revisionTime("garbage", stored, now), now.toISOString());
});
