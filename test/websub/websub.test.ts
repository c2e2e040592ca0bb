/** @module WebSub end to end: a fixture hub, the real app as the callback host, polling and pushes, on SQLite and PostgreSQL. */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "../../src/config/config.ts";
import { fetcherFromConfig } from "../../src/fetch/from-config.ts";
import { refreshSource } from "../../src/ingest/refresh-source.ts";
import { LEASE_SECONDS } from "../../src/ingest/websub.ts";
import { storeWaitingPushes } from "../../src/ingest/websub-push.ts";
import { refreshDueSources } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/log.ts";
import { countArticles } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import type { Source } from "../../src/storage/schema.ts";
import { findSourceById, insertSource, listDueSources } from "../../src/storage/sources.ts";
import { buildApp } from "../../src/web/app.tsx";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../support/databases.ts";
import { createFixtureHub, type FixtureHub } from "../support/fixture-hub.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { articlePage, atomFeed, makeItems } from "../support/news-fixtures.ts";

const polled = makeItems(2, "polled");
const pushed = makeItems(2, "pushed");
const forged = makeItems(1, "forged");
const ATOM = { "content-type": "application/atom+xml; charset=utf-8" };
const ENV = {
  NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
  NEWSDESK_HOST_INTERVAL_MS: "0",
  NEWSDESK_MAX_BODY_BYTES: "65536",
  // Longer than the lease, so the lease's end, not this, is when a subscribed source is polled next.
  NEWSDESK_POLL_MAX_MINUTES: "43200",
};

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`WebSub on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let server: FixtureServer;
    let hub: FixtureHub;
    let app: ReturnType<typeof buildApp>;
    let appUrl = "";
    const log = createLogger("silent");
    const config = loadConfig(ENV);
    const fetcher = fetcherFromConfig(config);
    let deps: Parameters<typeof refreshSource>[1];
    let feedUrl = "";
    let subscribed: Source;

    const feedHead = () => `<link rel="hub" href="${server.url}/hub"/><link rel="self" href="${feedUrl}"/>`;
    const source = async (id: number) => (await findSourceById(db.kysely, id))!;
    const callbackOf = (s: Source) => `${appUrl}/websub/${s.id}/${s.websub_token}`;
    const verify = (url: string, params: Record<string, string>) =>
      fetch(`${url}?${new URLSearchParams(params)}`).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    const pageRequests = (slug: string) => server.requests.filter((p) => p === `/articles/${slug}`).length;

    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      hub = createFixtureHub();
      let base = "";
      const pages = Object.fromEntries(
        [...polled, ...pushed, ...forged].map((it) => [
          `/articles/${it.slug}`,
          () => ({ body: articlePage(base, it) }),
        ]),
      );
      server = await startFixtureServer({
        ...pages,
        "/feed.xml": () => ({ headers: ATOM, body: atomFeed(base, polled, "Pushed Post", feedHead()) }),
        // The same articles as another outlet's feed (its home elsewhere), so the outlet of /feed.xml
        // has not stored them yet when the hub tests poll it.
        "/feed.xml?no-public-url": () => ({
          headers: ATOM,
          body: atomFeed(base, polled, "Pushed Post").replace(
            `<link href="${base}/"/>`,
            '<link href="https://another-outlet.test/"/>',
          ),
        }),
        "/hub": hub.route,
      });
      base = server.url;
      feedUrl = `${server.url}/feed.xml`;
      app = buildApp({ db: db.kysely, config, log });
      await app.listen({ host: "127.0.0.1", port: 0 });
      appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      deps = {
        db: db.kysely,
        config: loadConfig({ ...ENV, NEWSDESK_PUBLIC_URL: `${appUrl}/` }),
        log,
        fetcher,
      };
    });
    after(async () => {
      await app?.close();
      await server?.close();
      await fetcher.close();
      await db?.close();
      await tdb?.drop();
    });

    test("without NEWSDESK_PUBLIC_URL a poll stores the items and asks no hub", async () => {
      const s = (await insertSource(db.kysely, `${feedUrl}?no-public-url`, new Date().toISOString())).source;
      const report = await refreshSource(s, { ...deps, config });
      assert.equal(report.added, 2);
      assert.equal(hub.requests.length, 0);
      assert.equal((await source(s.id)).websub_state, null);
    });

    test("a poll of a feed advertising a hub subscribes; the hub's verification gets the challenge and the lease is stored", async () => {
      const s = (await insertSource(db.kysely, feedUrl, new Date().toISOString())).source;
      const report = await refreshSource(s, deps);
      assert.equal(report.error, null);
      assert.equal(report.added, 2);
      assert.equal(hub.requests.length, 1);
      const request = hub.requests[0]!;
      let row = await source(s.id);
      assert.equal(request.mode, "subscribe");
      assert.equal(request.topic, feedUrl);
      assert.equal(request.callback, callbackOf(row));
      assert.match(row.websub_token ?? "", /^[0-9a-f]{32}$/);
      assert.match(request.secret, /^[0-9a-f]{64}$/);
      assert.equal(request.secret, row.websub_secret);
      assert.equal(request.leaseSeconds, String(LEASE_SECONDS));

      const verification = await hub.verification(0);
      assert.equal(verification.status, 200);
      assert.equal(verification.body, verification.challenge);
      row = await source(s.id);
      assert.equal(row.websub_state, "active");
      assert.equal(row.websub_hub, `${server.url}/hub`);
      assert.equal(row.websub_error, null);
      const leaseLeft = Date.parse(row.websub_lease_until ?? "") - Date.now();
      assert.ok(Math.abs(leaseLeft - LEASE_SECONDS * 1000) < 60_000, `lease left: ${leaseLeft} ms`);
      subscribed = row;
    });

    test("a signed push stores its new items exactly once, each page fetched", async () => {
      const body = atomFeed(server.url, [...pushed, polled[0]!], "Pushed Post", feedHead());
      assert.equal(await hub.publish(0, body), 200);
      assert.equal(await countArticles(db.kysely, subscribed.id), 2, "the web process only kept it");
      assert.equal(pageRequests("pushed-1"), 0, "and fetched nothing");
      // What the fetcher (SQLite) or a queue worker (PostgreSQL) runs.
      assert.equal(await storeWaitingPushes(deps), 1);
      assert.equal(await countArticles(db.kysely, subscribed.id), 4);
      assert.equal(pageRequests("pushed-1"), 1);
      assert.equal(pageRequests("pushed-2"), 1);
      // The same delivery again (a hub retrying), signed with another method the Recommendation allows.
      assert.equal(await hub.publish(0, body, { method: "sha512" }), 200);
      assert.equal(await storeWaitingPushes(deps), 1);
      assert.equal(await countArticles(db.kysely, subscribed.id), 4);
      assert.equal(pageRequests("pushed-1"), 1);
    });

    test("a push with a wrong or missing signature is acknowledged and stores nothing", async () => {
      const body = atomFeed(server.url, forged, "Forged", feedHead());
      assert.equal(await hub.publish(0, body, { secret: "not-the-secret" }), 200);
      assert.equal(await hub.publish(0, body, { signature: null }), 200);
      assert.equal(await hub.publish(0, body, { signature: "sha256=00" }), 200);
      assert.equal(await storeWaitingPushes(deps), 0, "nothing kept");
      assert.equal(await countArticles(db.kysely, subscribed.id), 4);
      assert.equal(pageRequests("forged-1"), 0);
    });

    test("pushes to an unknown callback are refused, and a push over the body cap is too large", async () => {
      const body = atomFeed(server.url, forged, "Forged", feedHead());
      const post = (url: string, payload: string) =>
        fetch(url, { method: "POST", headers: ATOM, body: payload }).then((r) => r.status);
      assert.equal(await post(`${appUrl}/websub/${subscribed.id}/${"0".repeat(32)}`, body), 404);
      assert.equal(await post(`${appUrl}/websub/999999/${subscribed.websub_token}`, body), 404);
      assert.equal(await post(`${appUrl}/websub/x/${subscribed.websub_token}`, body), 404);
      assert.equal(await post(callbackOf(subscribed), "x".repeat(70_000)), 413);
      assert.equal(await countArticles(db.kysely, subscribed.id), 4);
    });

    test("a verification with the wrong topic or token, or to unsubscribe, is refused with 404", async () => {
      const good = {
        "hub.mode": "subscribe",
        "hub.topic": feedUrl,
        "hub.challenge": "c1",
        "hub.lease_seconds": "60",
      };
      assert.equal((await verify(`${appUrl}/websub/${subscribed.id}/${"f".repeat(32)}`, good)).status, 404);
      assert.equal(
        (await verify(callbackOf(subscribed), { ...good, "hub.topic": `${feedUrl}?x` })).status,
        404,
      );
      assert.equal(
        (await verify(callbackOf(subscribed), { ...good, "hub.mode": "unsubscribe" })).status,
        404,
      );
      assert.equal((await verify(callbackOf(subscribed), { ...good, "hub.mode": "nonsense" })).status, 404);
      assert.equal((await verify(`${appUrl}/websub/424242/${subscribed.websub_token}`, good)).status, 404);
      assert.equal((await source(subscribed.id)).websub_lease_until, subscribed.websub_lease_until);
    });

    test("while the lease holds the source is polled only at its end; then it is due again and the next poll re-subscribes", async () => {
      const now = new Date();
      await refreshSource(await source(subscribed.id), deps);
      assert.equal(hub.requests.length, 1, "a lease lasting more than a day is not renewed");
      let row = await source(subscribed.id);
      const leaseEnd = Date.parse(row.websub_lease_until ?? "");
      assert.ok(Math.abs(Date.parse(row.next_fetch_at) - leaseEnd) < 1000, `next poll ${row.next_fetch_at}`);
      const ids = async (at: number) =>
        (await listDueSources(db.kysely, new Date(at).toISOString(), 100)).map((s) => s.id);
      assert.ok(!(await ids(leaseEnd - 60_000)).includes(subscribed.id));
      assert.ok((await ids(leaseEnd + 1000)).includes(subscribed.id));

      const later = new Date(leaseEnd + 1000);
      await refreshDueSources({ ...deps, now: () => later });
      assert.equal(hub.requests.length, 2, "the poll after the lease ended subscribed again");
      assert.equal(hub.requests[1]?.callback, hub.requests[0]?.callback);
      assert.equal(hub.requests[1]?.secret, hub.requests[0]?.secret);
      row = await source(subscribed.id);
      // Back to the learned interval, not the lease's end.
      assert.equal(
        Date.parse(row.next_fetch_at),
        later.getTime() + (row.poll_interval_minutes ?? 0) * 60_000,
      );
      assert.equal((await hub.verification(1)).status, 200);
      assert.equal((await source(subscribed.id)).websub_state, "active");
      assert.ok(now.getTime() < Date.parse((await source(subscribed.id)).websub_lease_until ?? ""));
    });

    test("a hub that fails leaves the poll a success with the reason kept, and is not asked again at once; a denial is recorded", async () => {
      const s = (await insertSource(db.kysely, `${feedUrl}?hub-down`, new Date().toISOString())).source;
      hub.status = 500;
      try {
        const report = await refreshSource(s, deps);
        assert.equal(report.error, null);
        assert.equal(report.ok, true);
      } finally {
        hub.status = 202;
      }
      let row = await source(s.id);
      assert.equal(hub.requests.length, 3);
      assert.equal(row.websub_state, "subscribing");
      assert.match(row.websub_error ?? "", /^websub: could not subscribe at .*\/hub: .*HTTP 500/);
      assert.equal(row.last_error, null);
      await refreshSource(row, deps);
      assert.equal(hub.requests.length, 3, "no second request within the hour");

      const denied = await verify(callbackOf(row), {
        "hub.mode": "denied",
        "hub.topic": feedUrl,
        "hub.reason": "topic not allowed",
      });
      assert.equal(denied.status, 200);
      row = await source(s.id);
      assert.equal(row.websub_state, "denied");
      assert.match(row.websub_error ?? "", /denied the subscription: topic not allowed/);
    });
  });
}
