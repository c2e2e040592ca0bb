/**
 * @module Page retries end to end against a real HTTP server, on SQLite and PostgreSQL: a page that
 * fails for a passing reason leaves the article as feed text with a retry; the retry gets the page
 * once the server recovers, backs off while it does not, and gives up after the last try.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { articlePage, type FixtureItem, makeItems, rssFeed } from "../../test/support/news-fixtures.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { retryDuePages } from "../jobs/page-retries.ts";
import { createLogger } from "../log.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, insertSource } from "../storage/sources.ts";
import { PAGE_RETRY_DELAYS_MS } from "./page-retry-schedule.ts";
import { refreshSource } from "./refresh-source.ts";
import { retryPage } from "./retry-page.ts";
import type { StoreDeps } from "./store-feed-items.ts";

const XML = { "content-type": "application/rss+xml; charset=utf-8" };
const items = makeItems(8, "retry");
/** The fixture item numbered `i`. */
const item = (i: number): FixtureItem => items[i]!;
/** The page's second paragraph: not in the feed (its description is the first), so a body holding it came from the page. */
const pageOnly = (it: FixtureItem) => it.paragraphs[1]!.slice(0, 40);

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`page retries on ${name}`, () => {
    const t = useMigratedDb(make);
    let server: FixtureServer;
    let robotsDown: FixtureServer;
    const log = createLogger("silent");
    const config = loadConfig({ NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32", NEWSDESK_HOST_INTERVAL_MS: "0" });
    const fetcher = fetcherFromConfig(config);
    /** Each page's answer: its status until it recovers (200 serves the article). */
    const status = new Map<string, number>();
    /** Which items each feed lists now, and edits of their text. */
    const feeds = new Map<string, FixtureItem[]>();
    let clock = Date.now();
    /** Run by the racing page's route before it answers. */
    let racingEdit: (() => Promise<void>) | null = null;
    const deps = (): StoreDeps => ({ db: t.db.kysely, config, log, fetcher, now: () => new Date(clock) });
    const db = () => t.db.kysely;
    const article = (guid: string) =>
      db().selectFrom("articles").selectAll().where("guid", "=", guid).executeTakeFirstOrThrow();
    const retryOf = async (guid: string) =>
      db()
        .selectFrom("page_retries")
        .selectAll()
        .where("article_id", "=", (await article(guid)).id)
        .executeTakeFirst();
    const addSource = async (path: string, list: FixtureItem[]): Promise<Source> => {
      feeds.set(path, list);
      const added = await insertSource(db(), `${server.url}${path}`, new Date(clock).toISOString());
      return (await findSourceById(db(), added.source.id)) as Source;
    };

    before(async () => {
      const routes: Parameters<typeof startFixtureServer>[0] = {};
      for (const path of [
        "/one.xml",
        "/gone.xml",
        "/down.xml",
        "/edited.xml",
        "/swept.xml",
        "/racing.xml",
        "/twice.xml",
      ])
        routes[path] = () => ({ headers: XML, body: rssFeed(server.url, feeds.get(path) ?? []) });
      for (const it of items) {
        if (it === item(6)) continue;
        routes[`/articles/${it.slug}`] = () => {
          const code = status.get(it.slug) ?? 200;
          return code === 200 ? { body: articlePage(server.url, it) } : { status: code, body: "unavailable" };
        };
      }
      // Down at first; later, the feed's edit of its item comes in while it is being fetched (once).
      routes[`/articles/${item(6).slug}`] = {
        handle: (_req, res) => {
          if (status.get(item(6).slug) === 503) {
            res.writeHead(503).end("unavailable");
            return;
          }
          const edit = racingEdit ?? (async () => {});
          racingEdit = null;
          void edit().then(() => {
            res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
            res.end(articlePage(server.url, item(6)));
          });
        },
      };
      server = await startFixtureServer(routes);
      // Its own origin: robots.txt is cached per origin, and this one's cannot be fetched.
      robotsDown = await startFixtureServer({
        "/feed.xml": () => ({ headers: XML, body: rssFeed(robotsDown.url, [item(5)]) }),
        "/robots.txt": { status: 503, body: "down" },
      });
    });
    after(async () => {
      await server?.close();
      await robotsDown?.close();
      await fetcher.close();
    });

    test("a page answering 503 is stored from feed text with a retry; once it recovers, the retry updates the article from the page", async () => {
      const it = item(0);
      status.set(it.slug, 503);
      const source = await addSource("/one.xml", [it]);
      const report = await refreshSource(source, deps());
      assert.equal(report.added, 1);
      const stored = await article(it.slug);
      assert.ok(!stored.body_html.includes(pageOnly(it)), "stored from the feed's text");
      assert.equal(stored.lead_image_url, null);
      const retry = await retryOf(it.slug);
      assert.ok(retry, "a retry is recorded");
      assert.equal(retry.attempts, 0);
      assert.equal(retry.next_attempt_at, new Date(clock + PAGE_RETRY_DELAYS_MS[0]).toISOString());
      assert.match(retry.last_error ?? "", /HTTP 503/);

      assert.equal((await retryPage(Number(stored.id), deps())).outcome, "not-due", "not before its time");
      status.set(it.slug, 200);
      clock += PAGE_RETRY_DELAYS_MS[0];
      const result = await retryPage(Number(stored.id), deps());
      assert.deepEqual(result, { outcome: "updated", nextAttemptAt: null });

      const updated = await article(it.slug);
      assert.match(updated.body_html, new RegExp(pageOnly(it)), "the body now comes from the page");
      assert.equal(updated.lead_image_url, `${server.url}/img/${it.slug}.jpg`);
      assert.equal(updated.title, stored.title, "the feed's headline stays");
      assert.equal(updated.revised_at, null, "not a publisher's revision: no 'Updated'");
      const revisions = await db()
        .selectFrom("article_revisions")
        .select("id")
        .where("article_id", "=", stored.id)
        .execute();
      assert.deepEqual(revisions, []);
      const state = await db()
        .selectFrom("article_feed_state")
        .select("body_from_page")
        .where("article_id", "=", stored.id)
        .executeTakeFirstOrThrow();
      assert.equal(state.body_from_page, 1, "a later edit of the item fetches the page again");
      const kept = await db()
        .selectFrom("article_pages")
        .select("url")
        .where("article_id", "=", stored.id)
        .executeTakeFirst();
      assert.equal(kept?.url, `${server.url}/articles/${it.slug}`, "the page is kept");
      assert.equal(await retryOf(it.slug), undefined, "the retry is done");
      assert.equal((await retryPage(Number(stored.id), deps())).outcome, "not-due");
    });

    test("a 404 page is stored from feed text for good: no retry", async () => {
      const it = item(1);
      status.set(it.slug, 404);
      const report = await refreshSource(await addSource("/gone.xml", [it]), deps());
      assert.equal(report.added, 1);
      assert.equal(await retryOf(it.slug), undefined);
    });

    test("a page that stays down is retried with growing back-off, then left as feed text", async () => {
      const it = item(2);
      status.set(it.slug, 503);
      await refreshSource(await addSource("/down.xml", [it]), deps());
      const id = Number((await article(it.slug)).id);
      const gaps: number[] = [];
      for (;;) {
        const retry = await retryOf(it.slug);
        if (!retry) break;
        clock = Date.parse(retry.next_attempt_at);
        const result = await retryPage(id, deps());
        if (result.outcome === "gave-up") break;
        assert.equal(result.outcome, "postponed");
        assert.ok(result.nextAttemptAt);
        const after = await retryOf(it.slug);
        assert.equal(after?.next_attempt_at, result.nextAttemptAt.toISOString());
        gaps.push(result.nextAttemptAt.getTime() - clock);
      }
      assert.deepEqual(gaps, PAGE_RETRY_DELAYS_MS.slice(1), "each wait longer than the last");
      assert.equal(await retryOf(it.slug), undefined, "no retry left after the last");
      const pageRequests = server.requests.filter((r) => r === `/articles/${it.slug}`).length;
      assert.equal(pageRequests, 1 + PAGE_RETRY_DELAYS_MS.length, "the first fetch and one per retry");
      assert.ok(!(await article(it.slug)).body_html.includes(pageOnly(it)), "the feed's text stands");
    });

    test("an edit of the item while its page waits: the page's body comes, the edited headline stays", async () => {
      const it = item(3);
      status.set(it.slug, 503);
      const source = await addSource("/edited.xml", [it]);
      await refreshSource(source, deps());
      const edited: FixtureItem = {
        ...it,
        title: `${it.title}, with conditions`,
        paragraphs: [`Corrected: ${it.paragraphs[0]}`, ...it.paragraphs.slice(1)],
      };
      feeds.set("/edited.xml", [edited]);
      const again = await refreshSource((await findSourceById(db(), source.id))!, deps());
      assert.equal(again.error, null);
      const revised = await article(it.slug);
      assert.equal(revised.title, edited.title, "the publisher's edit is a revision");
      assert.match(revised.excerpt ?? "", /^Corrected:/);

      status.set(it.slug, 200);
      clock += PAGE_RETRY_DELAYS_MS[0];
      assert.equal((await retryPage(Number(revised.id), deps())).outcome, "updated");
      const updated = await article(it.slug);
      assert.equal(updated.title, edited.title, "the edited headline is not put back");
      assert.match(updated.excerpt ?? "", /^Corrected:/, "built with the item as edited");
      assert.match(updated.body_html, new RegExp(pageOnly(it)), "the body from the page");
    });

    test("an edit that comes while the page is being fetched wins: the page is fetched again for the edited item", async () => {
      const it = item(6);
      status.set(it.slug, 503);
      const source = await addSource("/racing.xml", [it]);
      await refreshSource(source, deps());
      const id = Number((await article(it.slug)).id);
      status.set(it.slug, 200);
      const edited = { ...it, paragraphs: [`Corrected: ${it.paragraphs[0]}`, ...it.paragraphs.slice(1)] };
      racingEdit = async () => {
        feeds.set("/racing.xml", [edited]);
        assert.equal((await refreshSource((await findSourceById(db(), source.id))!, deps())).error, null);
      };
      clock += PAGE_RETRY_DELAYS_MS[0];
      const first = await retryPage(id, deps());
      assert.equal(first.outcome, "postponed", "nothing written from the item as it was");
      assert.equal(first.nextAttemptAt?.getTime(), clock, "due again at once");
      assert.equal((await retryPage(id, deps())).outcome, "updated");
      assert.match((await article(it.slug)).excerpt ?? "", /^Corrected:/);
    });

    test("two processes retrying one page at once: one fetches it, the other finds it taken", async () => {
      const it = item(7);
      status.set(it.slug, 503);
      await refreshSource(await addSource("/twice.xml", [it]), deps());
      const id = Number((await article(it.slug)).id);
      status.set(it.slug, 200);
      clock += PAGE_RETRY_DELAYS_MS[0];
      const outcomes = await Promise.all([retryPage(id, deps()), retryPage(id, deps())]);
      assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ["not-due", "updated"]);
      assert.equal(
        server.requests.filter((r) => r === `/articles/${it.slug}`).length,
        2,
        "ingest's and one retry",
      );
    });

    test("the fetcher's sweep retries every due page (SQLite's way; the queue's job runs the same function)", async () => {
      const it = item(4);
      status.set(it.slug, 502);
      await refreshSource(await addSource("/swept.xml", [it]), deps());
      assert.ok(await retryOf(it.slug));
      status.set(it.slug, 200);
      assert.equal(await retryDuePages(deps()), 0, "nothing due yet");
      clock += PAGE_RETRY_DELAYS_MS[0];
      assert.equal(await retryDuePages(deps()), 1);
      assert.equal(await retryOf(it.slug), undefined);
      assert.match((await article(it.slug)).body_html, new RegExp(pageOnly(it)));
    });

    test("a robots.txt the server cannot serve is a passing failure: the page is retried", async () => {
      const added = await insertSource(db(), `${robotsDown.url}/feed.xml`, new Date(clock).toISOString());
      const report = await refreshSource((await findSourceById(db(), added.source.id))!, deps());
      assert.equal(report.added, 1);
      const retry = await retryOf(item(5).slug);
      assert.match(retry?.last_error ?? "", /robots\.txt could not be fetched/);
    });
  });
}
