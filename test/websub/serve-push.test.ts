/**
 * @module A WebSub push through `serve`, on both databases: the web process keeps the signed body and
 * answers at once; the fetcher process (SQLite: its timer) or the queue (PostgreSQL: a job the web
 * process queues) stores the items. The web process fetches nothing.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { insertSource, markWebsubRequested } from "../../src/storage/sources.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../support/databases.ts";
import { startServeCommand } from "../support/serve-command.ts";

after(stopTestPostgres);

const SECRET = "a".repeat(64);
const TOKEN = "b".repeat(32);
const push = `<?xml version="1.0"?><rss version="2.0"><channel><title>Pushed</title><link>https://pushed.test/</link><description>d</description><item><guid>p-1</guid><title>Pushed report</title><description>Text of the pushed report.</description></item></channel></rss>`;

for (const { name, make } of bothDatabases) {
  describe(`a websub push through serve on ${name}`, () => {
    const t = useMigratedDb(make);

    test("is acknowledged at once and stored by the fetcher side, not the web process", async () => {
      const topic = "https://pushed.test/feed.xml";
      const { source } = await insertSource(
        t.db.kysely,
        topic,
        new Date(Date.now() + 86_400_000).toISOString(),
      );
      await markWebsubRequested(t.db.kysely, source.id, {
        hub: "https://hub.test/",
        topic,
        secret: SECRET,
        token: TOKEN,
        state: "active",
        now: new Date().toISOString(),
      });
      const serve = await startServeCommand(t.tdb.url, ["serve"], { NEWSDESK_WEB_WORKERS: "1" });
      try {
        const signature = `sha256=${createHmac("sha256", SECRET).update(push).digest("hex")}`;
        const res = await fetch(`${serve.site}/websub/${source.id}/${TOKEN}`, {
          method: "POST",
          headers: { "content-type": "application/rss+xml", "x-hub-signature": signature },
          body: push,
        });
        assert.equal(res.status, 200);
        let titles: string[] = [];
        for (let i = 0; i < 300 && titles.length === 0; i++) {
          await sleep(100);
          titles = (await t.db.kysely.selectFrom("articles").select("title").execute()).map((r) => r.title);
        }
        assert.deepEqual(titles, ["Pushed report"]);
        // The article is visible once stored, a moment before the push is forgotten (its filing comes between).
        let left = await t.db.kysely.selectFrom("websub_pushes").select("id").execute();
        for (let i = 0; i < 50 && left.length > 0; i++) {
          await sleep(100);
          left = await t.db.kysely.selectFrom("websub_pushes").select("id").execute();
        }
        assert.deepEqual(left, [], "the kept push is gone once stored");
      } finally {
        assert.equal(await serve.stop(), 0, serve.stderr());
      }
    });
  });
}
