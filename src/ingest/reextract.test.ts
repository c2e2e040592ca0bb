/**
 * @module Kept pages and re-extraction end to end on SQLite and PostgreSQL: ingest keeps each page as
 * fetched (compressed, capped, pruned by age); `reextractArticle` rebuilds an article from it with
 * today's extractor and the source's selectors, in place, without a revision or a request.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { articlePage, type FixtureItem, makeItems, rssFeed } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import {
  countKeptPages,
  latestSourcePage,
  listKeptPages,
  pruneArticlePages,
} from "../storage/article-pages.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, insertSource, updateSourceSettings } from "../storage/sources.ts";
import { reextractArticle } from "./reextract.ts";
import { refreshSource } from "./refresh-source.ts";

const items = makeItems(2, "kept") as [FixtureItem, FixtureItem];
const quoted: FixtureItem = {
  ...items[0],
  paragraphs: [
    ...items[0].paragraphs,
    '"We will publish every line of the budget," the council leader, Mara Lindqvist, said on Friday.',
  ],
};
/** One fresh item for each poll of the last test (the outlet stores a URL once). */
const extra = makeItems(2, "extra") as [FixtureItem, FixtureItem];
const XML = { "content-type": "application/rss+xml; charset=utf-8" };

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`kept pages and re-extraction on ${name}`, () => {
    const t = useMigratedDb(make);
    let server: FixtureServer;
    const log = createLogger("silent");
    const config = loadConfig({ NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32", NEWSDESK_HOST_INTERVAL_MS: "0" });
    const fetcher = fetcherFromConfig(config);
    const pages = new Map<string, string>();
    let source: Source;
    const db = () => t.db.kysely;
    const now = () => new Date().toISOString();
    const rebuildAll = async (s: Source) => {
      const outcomes: string[] = [];
      for (const page of await listKeptPages(db(), { sourceId: s.id }, 0, 100))
        outcomes.push(await reextractArticle(page, s, { db: db(), config, log }, now()));
      return outcomes.sort();
    };
    const article = (guid: string) =>
      db().selectFrom("articles").selectAll().where("guid", "=", guid).executeTakeFirstOrThrow();

    before(async () => {
      server = await startFixtureServer({
        "/feed.xml": () => ({ headers: XML, body: rssFeed(server.url, [quoted, items[1]]) }),
        "/small-0.xml": () => ({ headers: XML, body: rssFeed(server.url, [extra[0]]) }),
        "/small-1.xml": () => ({ headers: XML, body: rssFeed(server.url, [extra[1]]) }),
        [`/articles/${extra[0].slug}`]: () => ({ body: articlePage(server.url, extra[0]) }),
        [`/articles/${extra[1].slug}`]: () => ({ body: articlePage(server.url, extra[1]) }),
        [`/articles/${quoted.slug}`]: () => ({ body: pages.get(quoted.slug) ?? "" }),
        [`/articles/${items[1].slug}`]: () => ({ body: pages.get(items[1].slug) ?? "" }),
      });
      pages.set(quoted.slug, articlePage(server.url, quoted));
      pages.set(items[1].slug, articlePage(server.url, items[1]));
      const added = await insertSource(db(), `${server.url}/feed.xml`, now());
      source = (await findSourceById(db(), added.source.id)) as Source;
      const report = await refreshSource(source, { db: db(), config, log, fetcher });
      assert.equal(report.added, 2);
    });
    after(async () => {
      await server?.close();
      await fetcher.close();
    });

    test("each fetched page is kept as it came, compressed, with its feed item", async () => {
      assert.equal(await countKeptPages(db(), {}), 2);
      const kept = await listKeptPages(db(), { sourceId: source.id }, 0, 10);
      const first = kept.find((p) => p.item.guid === quoted.slug);
      assert.ok(first);
      const original = Buffer.from(pages.get(quoted.slug) ?? "", "utf8");
      assert.equal(first.size, original.byteLength);
      assert.ok(first.gzip.byteLength < original.byteLength, "stored compressed");
      assert.deepEqual(gunzipSync(first.gzip), original);
      assert.equal(first.url, `${server.url}/articles/${quoted.slug}`);
      assert.equal((await latestSourcePage(db(), source.id))?.sourceId, source.id);
    });

    test("a rebuilt article takes today's extraction in place: no revision, statements follow", async () => {
      const before = await article(quoted.slug);
      // As an older extractor might have left it: junk in the body, no byline, no statements.
      await db()
        .updateTable("articles")
        .set({ body_html: "<p>Share on Facebook</p>", text: "Share on Facebook", byline: null })
        .where("id", "=", before.id)
        .execute();
      await db().deleteFrom("statements").where("article_id", "=", before.id).execute();
      assert.deepEqual(await rebuildAll(source), ["changed", "unchanged"]);
      const after = await article(quoted.slug);
      assert.equal(after.text, before.text);
      assert.equal(after.body_html, before.body_html);
      assert.equal(after.byline, "Dana Reyes");
      assert.equal(after.title, quoted.title);
      assert.equal(after.revised_at, null, "a re-extraction is not a publisher's edit");
      const revisions = await db()
        .selectFrom("article_revisions")
        .select("id")
        .where("article_id", "=", before.id)
        .execute();
      assert.equal(revisions.length, 0);
      const said = await db()
        .selectFrom("statements")
        .select(["source", "kind"])
        .where("article_id", "=", before.id)
        .execute();
      assert.deepEqual(said, [{ source: "Mara Lindqvist", kind: "direct" }]);
      const hits = await db().selectFrom("articles").select("id").where("id", "=", before.id).execute();
      assert.equal(hits.length, 1);
      assert.deepEqual(await rebuildAll(source), ["unchanged", "unchanged"], "a second run changes nothing");
    });

    test("the source's selectors apply: an operator's exclude removes what it names", async () => {
      await updateSourceSettings(db(), source.id, { extractExclude: "figure, .article-body p:last-child" });
      const s = (await findSourceById(db(), source.id)) as Source;
      assert.deepEqual(await rebuildAll(s), ["changed", "changed"]);
      const after = await article(quoted.slug);
      assert.ok(!after.text.includes("Mara Lindqvist"), after.text);
      assert.equal(after.lead_image_caption, null);
      const said = await db()
        .selectFrom("statements")
        .select("id")
        .where("article_id", "=", after.id)
        .execute();
      assert.equal(said.length, 0, "the statement left with its paragraph");
      await updateSourceSettings(db(), source.id, { extractExclude: null });
    });

    test("a damaged kept page fails alone and leaves its article as it is", async () => {
      const victim = await article(items[1].slug);
      await db()
        .updateTable("article_pages")
        .set({ page: new Uint8Array([1, 2, 3, 4]) })
        .where("article_id", "=", victim.id)
        .execute();
      const s = (await findSourceById(db(), source.id)) as Source;
      assert.deepEqual(await rebuildAll(s), ["changed", "failed"]);
      assert.equal((await article(items[1].slug)).text, victim.text);
    });

    test("pages older than the retention are pruned", async () => {
      assert.equal(await pruneArticlePages(db(), new Date("2000-01-01T00:00:00Z")), 0);
      assert.equal(await pruneArticlePages(db(), new Date(Date.now() + 60_000)), 2);
      assert.equal(await countKeptPages(db(), {}), 0);
    });

    test("no page is kept when keeping is off, or past the size cap", async () => {
      const settings = [{ NEWSDESK_PAGE_ARCHIVE_DAYS: "0" }, { NEWSDESK_PAGE_ARCHIVE_MAX_BYTES: "100" }];
      for (const [i, env] of settings.entries()) {
        const cfg = loadConfig({
          NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
          NEWSDESK_HOST_INTERVAL_MS: "0",
          ...env,
        });
        const added = await insertSource(db(), `${server.url}/small-${i}.xml`, now());
        const s = (await findSourceById(db(), added.source.id)) as Source;
        const report = await refreshSource(s, { db: db(), config: cfg, log, fetcher });
        assert.equal(report.added, 1);
        assert.equal(await countKeptPages(db(), { sourceId: s.id }), 0, JSON.stringify(env));
      }
    });
  });
}
