/**
 * @module Control characters from a feed and its pages never reach storage (issue 15): NUL and other
 * C0/C1 controls in titles, summaries, authors, categories and page text are removed on the way in,
 * on SQLite and on PostgreSQL (which cannot store NUL in text at all).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { loadConfig } from "../config/config.ts";
import { fetcherFromConfig } from "../fetch/from-config.ts";
import { createLogger } from "../log.ts";
import type { Source } from "../storage/schema.ts";
import { findSourceById, insertSource } from "../storage/sources.ts";
import { withoutControlChars } from "../util/control-chars.ts";
import { refreshSource } from "./refresh-source.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * C0 controls and DEL (NUL cannot be written in XML even as a reference; the others can, as &#x..;
 * references). C1 references are not used in the feed: HTML and lenient XML readers take &#x85; as
 * windows-1252's "…", which is text.
 */
const C = "\u0001\u0008\u000b\u001f\u007f";
/** Raw C1 controls, written as UTF-8 bytes into the page. */
const C1 = "\u0085\u009f";
const ref = (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join("");

after(stopTestPostgres);

test("withoutControlChars keeps tabs, line breaks and every printable character", () => {
  assert.equal(
    withoutControlChars(`a\u0000b\tc\nd\re${C}${C1}f é 日本 \u{1F680}`),
    "ab\tc\nd\ref é 日本 \u{1F680}",
  );
  assert.equal(withoutControlChars(null), null);
});

for (const { name, make } of bothDatabases) {
  describe(`control characters on the way in, on ${name}`, () => {
    const t = useMigratedDb(make);
    let server: FixtureServer;
    const config = loadConfig({ NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32", NEWSDESK_HOST_INTERVAL_MS: "0" });
    const fetcher = fetcherFromConfig(config);
    before(async () => {
      server = await startFixtureServer({
        "/feed.xml": () => ({
          headers: { "content-type": "application/rss+xml; charset=utf-8" },
          body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Con${ref(C)}trol Gazette</title><link>${server.url}/</link><description>d</description>
<item><guid>c1</guid><link>${server.url}/a</link><title>Bridge${ref(C)} reopens</title><author>jane@x.test (Jane${ref(C)} Doe)</author>
<category>Tran${ref(C)}sport</category><description>The bridge${ref(C)} reopened on Monday.</description></item></channel></rss>`,
        }),
        // The page carries raw control bytes, NUL included, in its headline, byline and text.
        "/a": () => ({
          headers: { "content-type": "text/html; charset=utf-8" },
          body: `<!doctype html><html lang="en"><head><title>Bridge reopens</title></head><body><article><h1>Bridge\u0000${C}${C1} reopens</h1>
<p class="byline">By Jane\u0000 Doe</p><p>The bridge\u0000${C} over the river reopened on Monday after two years of repairs, the council said.</p>
<p>Commuters\u0000 welcomed the shorter journey into town, and shops on both banks expect more trade.</p></article></body></html>`,
        }),
      });
    });
    after(async () => {
      await server?.close();
      await fetcher.close();
    });

    test("titles, bylines, text, excerpts, topics and the source's name are stored without them", async () => {
      const added = await insertSource(t.db.kysely, `${server.url}/feed.xml`, new Date().toISOString());
      const source = (await findSourceById(t.db.kysely, added.source.id)) as Source;
      const report = await refreshSource(source, {
        db: t.db.kysely,
        config,
        log: createLogger("silent"),
        fetcher,
      });
      assert.equal(report.added, 1);
      const a = await t.db.kysely.selectFrom("articles").selectAll().executeTakeFirstOrThrow();
      for (const field of ["title", "byline", "text", "body_html", "excerpt"] as const)
        assert.doesNotMatch(String(a[field] ?? ""), CONTROL, field);
      assert.equal(a.title, "Bridge reopens");
      assert.match(a.text, /^The bridge\s+over the river reopened/);
      const topics = await t.db.kysely.selectFrom("article_topics").select("name").execute();
      assert.deepEqual(
        topics.map((r) => r.name),
        ["Transport"],
      );
      const s = await findSourceById(t.db.kysely, source.id);
      assert.equal(s?.title, "Control Gazette");
    });
  });
}
