/** @module Search on SQLite and on PostgreSQL: ranking, filters, pages, phrases, accents, hostile input. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { insertArticle } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import type { NewArticle } from "../storage/schema.ts";
import { insertSource } from "../storage/sources.ts";
import { parseSearchQuery } from "./query.ts";
import { dialectOf, searchArticles } from "./search.ts";
import { findSqliteCandidates } from "./sqlite.ts";

const T0 = Date.parse("2026-11-20T10:00:00.000Z");
const hoursAgo = (h: number) => new Date(T0 - h * 3_600_000).toISOString();

function article(sourceId: number, guid: string, title: string, text: string, hours: number): NewArticle {
  const at = hoursAgo(hours);
  return {
    source_id: sourceId,
    guid,
    url: `https://example.test/${guid}`,
    title,
    body_html: "<p>x</p>",
    text,
    published_at: at,
    fetched_at: at,
    created_at: at,
    updated_at: at,
  };
}

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`search on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let gazette = 0;
    let herald = 0;
    const titles = async (q: string, extra: Record<string, unknown> = {}) =>
      (await searchArticles(db, { q, ...extra })).hits.map((h) => h.article.title);

    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      gazette = (await insertSource(db.kysely, "https://gazette.test/feed", hoursAgo(100))).source.id;
      herald = (await insertSource(db.kysely, "https://herald.test/feed", hoursAgo(100))).source.id;
      const rows: NewArticle[] = [
        article(gazette, "g1", "Harbour bridge reopens", "Traffic crossed again on Thursday morning.", 30),
        article(
          herald,
          "h1",
          "Council budget vote",
          "After a long debate the harbour fees rose slightly.",
          2,
        ),
        article(gazette, "g2", "Climate change summit opens", "Delegates met to discuss the climate.", 10),
        article(herald, "h2", "Change in the weather", "A change in climate patterns was reported.", 5),
        article(gazette, "g3", "Café culture returns", "The old café on Main Street reopened.", 20),
        article(herald, "h3", "Ελλάδα news", "ΑΘΗΝΑ: a report from Athens.", 40),
        article(
          gazette,
          "g4",
          "Hostile <script>alert(1)</script>",
          'Text with <b>tags</b> & "quotes" about ferries.',
          1,
        ),
      ];
      for (let i = 0; i < 5; i++)
        rows.push(article(i % 2 ? herald : gazette, `m${i}`, `Market report ${i}`, "Stocks moved.", 50 + i));
      for (const r of rows) assert.equal(await insertArticle(db.kysely, r), true);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });

    test("knows its dialect from the Kysely instance", () => {
      assert.equal(dialectOf(db.kysely), db.dialect);
    });

    test("a title match ranks above a newer match in the body", async () => {
      assert.deepEqual(await titles("harbour"), ["Harbour bridge reopens", "Council budget vote"]);
    });

    test("every word must match, and phrases match in order", async () => {
      assert.deepEqual(await titles("harbour traffic"), ["Harbour bridge reopens"]);
      assert.deepEqual(await titles('"climate change"'), ["Climate change summit opens"]);
      assert.deepEqual((await titles("climate change")).sort(), [
        "Change in the weather",
        "Climate change summit opens",
      ]);
    });

    test("accents and case are folded both ways", async () => {
      assert.deepEqual(await titles("cafe"), ["Café culture returns"]);
      assert.deepEqual(await titles("CAFÉ"), ["Café culture returns"]);
      // Greek tonos is folded on PostgreSQL only (FTS5 removes Latin diacritics); case folds on both.
      assert.deepEqual(await titles("ελλάδα"), ["Ελλάδα news"]);
      assert.deepEqual(await titles("Αθηνα"), ["Ελλάδα news"]);
    });

    test("filters by source and by date range", async () => {
      assert.deepEqual(await titles("harbour", { sourceId: herald }), ["Council budget vote"]);
      assert.deepEqual(await titles("climate", { from: hoursAgo(8) }), ["Change in the weather"]);
      assert.deepEqual(await titles("climate", { to: hoursAgo(8) }), ["Climate change summit opens"]);
      assert.deepEqual(await titles("market", { sourceId: gazette, from: hoursAgo(53), to: hoursAgo(49) }), [
        "Market report 0",
        "Market report 2",
      ]);
    });

    test("on SQLite, a filter past the scan budget walks the filter's index instead", async (t) => {
      if (db.dialect !== "sqlite") return t.skip("SQLite's plan only");
      const units = parseSearchQuery("market");
      const rows = await findSqliteCandidates(db.kysely, units, { sourceId: gazette, limit: 10 }, 2);
      assert.deepEqual(
        rows.map((r) => r.title),
        // The newest by id first, then the rest newest first by time (the market reports were stored oldest last).
        ["Market report 4", "Market report 0", "Market report 2"],
      );
      const dated = await findSqliteCandidates(db.kysely, units, { to: hoursAgo(51.5), limit: 10 }, 1);
      assert.deepEqual(
        dated.map((r) => r.title),
        ["Market report 4", "Market report 2", "Market report 3"],
      );
    });

    test("pages through every match once, and says when there is a next page", async () => {
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = await searchArticles(db, { q: "market", page, perPage: 2 });
        assert.equal(res.hasNext, page < 3);
        seen.push(...res.hits.map((h) => h.article.title));
      }
      assert.deepEqual(
        seen.sort(),
        [0, 1, 2, 3, 4].map((i) => `Market report ${i}`),
      );
    });

    test("hostile or empty queries never error and never match syntax", async () => {
      for (const q of [
        '"',
        "AND OR NOT",
        "*",
        "(",
        "NEAR",
        "'; DROP TABLE articles; --",
        "",
        "   ",
        "a:b",
        "^x",
        "-",
        "title:harbour",
        "harbour*",
        '"""harbour',
        "NEAR(a b)",
        "!&|<->",
      ]) {
        const res = await searchArticles(db, { q });
        // What reached the engine is words of letters and digits (phrases quoted), never syntax.
        for (const term of res.terms) assert.match(term, /^("?)[\p{L}\p{N}]+( [\p{L}\p{N}]+)*\1$/u, q);
        // ...and every hit holds every one of those words.
        for (const h of res.hits)
          for (const term of res.terms)
            for (const w of term.replaceAll('"', "").split(" "))
              assert.ok(
                `${h.article.title} ${h.article.text}`.toLowerCase().includes(w.toLowerCase()),
                `${q}: ${w}`,
              );
      }
      assert.deepEqual(await titles("*"), []);
      assert.deepEqual(await titles("title:harbour"), [], "column filters are words, not syntax");
      assert.deepEqual(await titles("harbour*"), ["Harbour bridge reopens", "Council budget vote"]);
      const count = await db.kysely
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 12);
    });

    test("titles and snippets are escaped HTML with the matches marked", async () => {
      const [hit] = (await searchArticles(db, { q: "ferries hostile" })).hits;
      assert.ok(hit);
      assert.equal(hit.titleHtml, "<mark>Hostile</mark> &lt;script&gt;alert(1)&lt;/script&gt;");
      assert.equal(
        hit.snippetHtml,
        'Text with &lt;b&gt;tags&lt;/b&gt; &amp; "quotes" about <mark>ferries</mark>.',
      );
      const [cafe] = (await searchArticles(db, { q: "cafe" })).hits;
      assert.match(cafe?.snippetHtml ?? "", /old <mark>café<\/mark> on/);
    });

    test("the index follows edits and deletions", async () => {
      const row = await db.kysely
        .selectFrom("articles")
        .select("id")
        .where("guid", "=", "g1")
        .executeTakeFirstOrThrow();
      await db.kysely
        .updateTable("articles")
        .set({ title: "Viaduct reopens" })
        .where("id", "=", row.id)
        .execute();
      assert.deepEqual(await titles("viaduct"), ["Viaduct reopens"]);
      assert.deepEqual(await titles("harbour"), ["Council budget vote"]);
      await db.kysely.deleteFrom("articles").where("id", "=", row.id).execute();
      assert.deepEqual(await titles("viaduct"), []);
    });
  });

  test(`on ${name}, a phrase is found however many newer articles hold its words apart`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db);
      const { source } = await insertSource(db.kysely, "https://port.test/feed", hoursAgo(2000));
      await insertArticle(
        db.kysely,
        article(source.id, "old", "Port notice", "The harbour fees rose in spring, the minister said.", 1500),
      );
      // More newer articles holding both words, never side by side, than any bounded scan would read.
      await sql`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3500)
        INSERT INTO articles (source_id, guid, url, title, body_html, text, published_at, fetched_at,
          created_at, updated_at, sort_at)
        SELECT ${source.id}, 'n' || i, 'https://port.test/n' || i, 'Fees at the harbour ' || i, '<p>x</p>',
          'The fees for the harbour and the harbour of fees ' || i || '.', ${hoursAgo(10)}, ${hoursAgo(10)},
          ${hoursAgo(10)}, ${hoursAgo(10)}, ${hoursAgo(10)}
        FROM n`.execute(db.kysely);
      if (db.dialect === "postgres") await sql`ANALYZE articles`.execute(db.kysely);
      const phrase = await searchArticles(db, { q: '"harbour fees"' });
      assert.deepEqual(
        phrase.hits.map((h) => h.article.title),
        ["Port notice"],
      );
      const words = await searchArticles(db, { q: "harbour fees spring" });
      assert.deepEqual(
        words.hits.map((h) => h.article.title),
        ["Port notice"],
      );
      assert.equal((await searchArticles(db, { q: '"fees for the harbour"', perPage: 50 })).hits.length, 50);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });

  test(`on ${name}, an edit is searched by its new words; filing, statements and a deletion keep the index true`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db);
      const { source } = await insertSource(db.kysely, "https://edit.test/feed", hoursAgo(1));
      await insertArticle(db.kysely, article(source.id, "e1", "Harbour bridge opens", "Ferries stop.", 5));
      const id = Number(
        (
          await db.kysely
            .selectFrom("articles")
            .select("id")
            .where("guid", "=", "e1")
            .executeTakeFirstOrThrow()
        ).id,
      );
      const titles = async (q: string, from?: string) =>
        (await searchArticles(db, { q, ...(from ? { from } : {}) })).hits.map((h) => h.article.title);
      // PostgreSQL's search row (migration 0026): where it lies tells whether it was written again.
      const pg = db.dialect === "postgres";
      const searchRow = async () =>
        (
          await sql<{ ctid: string }>`SELECT ctid::text FROM article_search WHERE article_id = ${id}`.execute(
            db.kysely,
          )
        ).rows[0]?.ctid ?? null;
      const before = pg ? await searchRow() : null;
      await db.kysely
        .updateTable("articles")
        .set({ story_id: null, statements_at: hoursAgo(0), near_duplicate_of: null })
        .where("id", "=", id)
        .execute();
      if (pg) assert.equal(await searchRow(), before, "filing and statements do not write the search row");
      assert.deepEqual(await titles("harbour ferries"), ["Harbour bridge opens"]);

      await db.kysely
        .updateTable("articles")
        .set({ title: "Tunnel opens instead", text: "Buses stop.", sort_at: hoursAgo(0.5) })
        .where("id", "=", id)
        .execute();
      assert.deepEqual(await titles("harbour"), []);
      assert.deepEqual(await titles("tunnel buses"), ["Tunnel opens instead"]);
      assert.deepEqual(await titles("tunnel", hoursAgo(1)), ["Tunnel opens instead"], "the new sort time");

      await db.kysely.deleteFrom("articles").where("id", "=", id).execute();
      assert.deepEqual(await titles("tunnel"), []);
      if (pg) assert.equal(await searchRow(), null, "its search row went with it");
    } finally {
      await db.close();
      await tdb.drop();
    }
  });

  test(`on ${name}, the search migrations (0008, 0026) index the articles stored before them`, async () => {
    const tdb = await make();
    const db = openDb(tdb.url);
    try {
      await migrateToLatest(db, "0007-stories-topics-display");
      const { source } = await insertSource(db.kysely, "https://old.test/feed", hoursAgo(1));
      await insertArticle(
        db.kysely,
        article(source.id, "old", "Lighthouse keeper retires", "After forty years.", 1),
      );
      const applied = await migrateToLatest(db);
      assert.ok(applied.includes("0008-search") && applied.includes("0026-search-table"));
      const res = await searchArticles(db, { q: "lighthouse forty" });
      assert.deepEqual(
        res.hits.map((h) => h.article.title),
        ["Lighthouse keeper retires"],
      );
      if (db.dialect === "sqlite")
        await sql`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`.execute(db.kysely);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
}
