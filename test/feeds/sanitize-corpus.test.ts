/** @module The feedparser corpus's sanitize cases through parse → sanitize → store → render: nothing that can run survives. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Document } from "domhandler";
import { existsOne } from "domutils";
import { parseDocument } from "htmlparser2";
import { h } from "preact";
import { loadConfig } from "../../src/config/config.ts";
import { NewsdeskError } from "../../src/errors.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";
import type { FeedItem, ParsedFeed } from "../../src/feeds/types.ts";
import { decodeText } from "../../src/fetch/decode-text.ts";
import { buildArticle } from "../../src/ingest/build-article.ts";
import { createLogger } from "../../src/log.ts";
import { htmlToPlainText } from "../../src/sanitize/plain-text.ts";
import { type ArticleWithSource, insertArticle, listLatestArticles } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource, listSources, markSourceFetched } from "../../src/storage/sources.ts";
import { buildApp } from "../../src/web/app.tsx";
import { HomePage } from "../../src/web/pages/home.tsx";
import { presentArticle } from "../../src/web/presenters/article.ts";
import { NO_REPRINTS } from "../../src/web/presenters/reprints.ts";
import { renderPage } from "../../src/web/render.tsx";
import { sqliteTestDatabase, type TestDatabase } from "../support/databases.ts";
import { findUnsafeMarkup, unsafeStoredUrl } from "./html-safety.ts";

const CORPUS = join(import.meta.dirname, "../../../shared/datasets/feedparser-tests");
const CASES = join(CORPUS, "wellformed/sanitize");
/** feedparser revision a22c5521 has exactly this many; a different number means the corpus moved. */
const EXPECTED_CASES = 745;
const FEED_URL = "http://example.test/feed.xml";
/** A file that neither parses nor re-reads as Atom 1.0 tests nothing; a few are tolerable, more are not. */
const MAX_UNPARSED = Math.floor(EXPECTED_CASES * 0.02);
const ATOM03_NS = "http://purl.org/atom/ns#";
const ATOM10_NS = "http://www.w3.org/2005/Atom";

/** Feed text, plain or typed ({ value, type }) as the parser's API grows. */
type FeedText = string | { value: string; type: string } | null | undefined;

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What the pipeline stores as a source's name: a typed title as plain text, a plain string as given. */
function sourceTitle(title: FeedText): string | null {
  if (title === null || title === undefined) return null;
  if (typeof title === "string") return title;
  return htmlToPlainText(title.type === "html" ? title.value : escapeXml(title.value)) || null;
}

/**
 * An Atom 0.3 document re-read as Atom 1.0 (namespace, xhtml type, base64 mode decoded), or null for
 * any other document. Only used when parseFeed refuses the original, so these cases' payloads still
 * reach the sanitizer and the pages; once the parser reads Atom 0.3 it is never called.
 */
function asAtom10(text: string): string | null {
  if (!text.includes(ATOM03_NS)) return null;
  return text
    .replaceAll(ATOM03_NS, ATOM10_NS)
    .replace(/\btype="application\/xhtml\+xml"/g, 'type="xhtml"')
    .replace(
      /(<([\w:]+)\b[^>]*?)\s+mode="base64"([^>]*>)([^<]*)(<\/\2>)/g,
      (_m, open: string, _name: string, rest: string, b64: string, close: string) =>
        `${open}${rest}${escapeXml(Buffer.from(b64, "base64").toString("utf8"))}${close}`,
    );
}

/** A one-item feed, parsed, so a source whose feed has no items still gets its name on a page. */
function placeholderItem(): FeedItem {
  const feed = parseFeed(
    '<rss version="2.0"><channel><title>x</title><item><title>Placeholder</title><guid>placeholder</guid></item></channel></rss>',
    FEED_URL,
  );
  const item = feed.items[0];
  assert.ok(item, "the placeholder feed must yield an item");
  return item;
}

interface CaseResult {
  file: string;
  /** How it was read: the parser as is, the Atom 0.3 re-read, or not at all. */
  route: "parsed" | "atom03" | "unparsed";
  parseError: string | null;
}

let testDb: TestDatabase;
let db: Db;
const results: CaseResult[] = [];
/** source id → corpus file, to name the case behind every finding. */
const fileOfSource = new Map<number, string>();
/** The web app's Fetcher; nothing here pushes items, so it never connects. */

before(async () => {
  assert.ok(
    existsSync(CASES),
    `feedparser corpus not found at ${CASES}: this safety test needs /work/shared/datasets/feedparser-tests`,
  );
  testDb = sqliteTestDatabase();
  db = openDb(testDb.url);
  await migrateToLatest(db);
});

after(async () => {
  await db?.close();
  await testDb?.drop();
});

/**
 * Stores a parsed feed as the pipeline does when no article page is fetched: the source with the
 * feed's title and site, then buildArticle + insertArticle per item. Returns the source id.
 */
async function ingest(sourceUrl: string, feed: ParsedFeed | null, placeholder: FeedItem): Promise<number> {
  const now = new Date().toISOString();
  const { source } = await insertSource(db.kysely, sourceUrl, now);
  if (!feed) return source.id;
  await markSourceFetched(db.kysely, source.id, {
    now,
    nextFetchAt: now,
    title: sourceTitle(feed.title),
    siteUrl: feed.siteUrl,
  });
  // Feed-level cases (feed_title_*, ...) have no items: one placeholder puts the source's name on a page.
  const items = feed.items.length > 0 ? feed.items : [placeholder];
  for (const item of items) await insertArticle(db.kysely, buildArticle(source.id, item, null, now));
  return source.id;
}

/** Parses one case; a NewsdeskError is a counted refusal, anything else fails the test. */
function readCase(file: string, text: string): { feed: ParsedFeed | null; result: CaseResult } {
  const attempt = (t: string): ParsedFeed | string => {
    try {
      return parseFeed(t, FEED_URL);
    } catch (err) {
      if (err instanceof NewsdeskError) return `${err.id}: ${err.message}`;
      throw new Error(`${file}: parseFeed threw something other than a NewsdeskError`, { cause: err });
    }
  };
  const first = attempt(text);
  if (typeof first !== "string") return { feed: first, result: { file, route: "parsed", parseError: null } };
  const reread = asAtom10(text);
  const second = reread === null ? first : attempt(reread);
  if (typeof second !== "string")
    return { feed: second, result: { file, route: "atom03", parseError: first } };
  return { feed: null, result: { file, route: "unparsed", parseError: first } };
}

test("the checker flags every construct it is meant to catch, and passes our own layout", () => {
  const unsafe = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.test/a.js></SCRIPT>",
    '<img src="x.jpg" onerror="alert(1)">',
    '<p ONMOUSEOVER="alert(1)">x</p>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<img src="http://x.test/a.jpg" srcset="http://x.test/b.jpg 1x, javascript:alert(1) 2x">',
    '<video poster="javascript:alert(1)"></video>',
    '<table background="javascript:alert(1)"></table>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<a xlink:href="javascript:alert(1)">x</a>',
    '<source srcset="data:image/png;base64,AAAA">',
    '<p style="width: expression(alert(1))">x</p>',
    '<p style="background: u\\72l(x.png)">x</p>',
    '<p style="behavior: url(x.htc)">x</p>',
    '<p style="-moz-binding: url(x.xml#xss)">x</p>',
    "<style>@import 'x.css';</style>",
    '<iframe src="http://x.test/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<applet code="X"></applet>',
    '<frameset><frame src="x"></frameset>',
    '<base href="http://evil.test/">',
    '<form action="http://evil.test/"><input></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="http://evil.test/x.css">',
    "<svg><circle /></svg>",
  ];
  for (const html of unsafe) {
    assert.notDeepEqual(findUnsafeMarkup(html, { fragment: true }), [], `not flagged: ${html}`);
  }
  const safe = '<p><a href="https://x.test/a">a</a><img src="data:image/png;base64,AAAA" alt=""></p>';
  assert.deepEqual(findUnsafeMarkup(safe, { fragment: true }), []);
  assert.deepEqual(
    findUnsafeMarkup(
      renderPage(
        loadConfig({}),
        { title: "t" },
        h(HomePage, {
          siteTitle: "t",
          top: [],
          sections: [],
          latest: [],
          notes: NO_REPRINTS,
          older: null,
          firstPage: true,
        }),
      ),
      {
        fragment: false,
      },
    ),
    [],
  );
});

test("ingests every sanitize case through the real parser, sanitizer and storage", async (t) => {
  const files = readdirSync(CASES).sort();
  assert.equal(files.length, EXPECTED_CASES, `expected ${EXPECTED_CASES} files in ${CASES}`);
  const placeholder = placeholderItem();
  for (const file of files) {
    const { feed, result } = readCase(file, decodeText(readFileSync(join(CASES, file)), null));
    results.push(result);
    const sourceId = await ingest(`${FEED_URL}?case=${encodeURIComponent(file)}`, feed, placeholder);
    fileOfSource.set(sourceId, file);
  }
  const parseErrors = results.filter((r) => r.parseError !== null);
  const reread = results.filter((r) => r.route === "atom03").length;
  const unparsed = results.filter((r) => r.route === "unparsed");
  t.diagnostic(
    `parse errors (NewsdeskError): ${parseErrors.length}/${files.length}; re-read as Atom 1.0: ${reread}; unparsed: ${unparsed.length}`,
  );
  const kinds = new Map<string, number>();
  for (const r of parseErrors) {
    const kind = r.parseError?.split(":")[0] ?? "";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of kinds) t.diagnostic(`  ${kind}: ${n}`);
  assert.ok(
    unparsed.length <= MAX_UNPARSED,
    `${unparsed.length} cases could not be read at all (at most ${MAX_UNPARSED}): ${unparsed
      .slice(0, 10)
      .map((r) => `${r.file} (${r.parseError})`)
      .join("; ")}`,
  );
});

/** Fails with the count and the first findings, one per line, instead of a diff of hundreds. */
function assertNoFindings(findings: string[]): void {
  assert.equal(findings.length, 0, `${findings.length} findings:\n${findings.slice(0, 60).join("\n")}`);
}

/** Column names whose stored value is rendered as a URL (href or src). */
const isUrlColumn = (column: string) => column === "url" || column.endsWith("_url");
/** Column names whose stored value is rendered as HTML, unescaped. */
const isHtmlColumn = (column: string) => column.endsWith("_html");

test("no stored HTML or URL column of any article or source can run code", async (t) => {
  const findings: string[] = [];
  let plainWithMarkup = 0;
  const check = (file: string, table: string, row: Record<string, unknown>) => {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== "string") continue;
      if (isHtmlColumn(column)) {
        for (const p of findUnsafeMarkup(value, { fragment: true }))
          findings.push(`${file}: ${table}.${column}: ${p}`);
      } else if (isUrlColumn(column)) {
        const why = unsafeStoredUrl(value);
        if (why) findings.push(`${file}: ${table}.${column}: ${why}`);
      } else if (/<[a-z!/?]/i.test(value)) {
        // Plain text is rendered escaped, so markup in it is harmless; the rendered pages are checked below.
        plainWithMarkup++;
      }
    }
  };
  const articles = await db.kysely.selectFrom("articles").selectAll().execute();
  for (const a of articles) check(fileOfSource.get(a.source_id) ?? "?", "articles", a);
  for (const s of await listSources(db.kysely)) check(fileOfSource.get(s.id) ?? "?", "sources", s);
  t.diagnostic(`articles stored: ${articles.length}; plain-text values holding markup: ${plainWithMarkup}`);
  // Which cases left anything of the feed in storage; the rest test nothing beyond "it was ignored".
  const withData = new Set<string>();
  for (const a of articles) {
    const title = a.guid !== "placeholder" && a.title !== "(untitled)";
    const fromFeed = title || a.body_html !== "" || a.excerpt !== null || a.byline !== null;
    if (fromFeed) withData.add(fileOfSource.get(a.source_id) ?? "?");
  }
  for (const s of await listSources(db.kysely)) {
    if (s.title !== null) withData.add(fileOfSource.get(s.id) ?? "?");
  }
  const ignored = new Map<string, number>();
  for (const r of results) {
    if (withData.has(r.file)) continue;
    const group = /^(?:(?:entry|feed|item)_[a-z]+(?:_encoded)?|[a-z]+)/.exec(r.file)?.[0] ?? r.file;
    ignored.set(group, (ignored.get(group) ?? 0) + 1);
  }
  t.diagnostic(
    `cases with feed data in storage: ${withData.size}/${results.length}; nothing stored: ${[...ignored]
      .map(([g, n]) => `${g} ${n}`)
      .join(", ")}`,
  );
  assertNoFindings(findings);
});

test("no rendered page (front page, every article page, every card) can run code", async (t) => {
  const started = performance.now();
  const config = loadConfig({});
  const app = buildApp({ db: db.kysely, config, log: createLogger("silent") });
  const findings: string[] = [];
  const checkPage = (where: string, html: string) => {
    for (const p of findUnsafeMarkup(html, { fragment: false })) findings.push(`${where}: ${p}`);
  };
  try {
    const front = await app.inject({ method: "GET", url: "/" });
    assert.equal(front.statusCode, 200);
    checkPage("/", front.body);
    const frontLinks = new Set(
      [...front.body.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1]).filter((p) => p !== undefined),
    );

    const rows: ArticleWithSource[] = await listLatestArticles(db.kysely, 1_000_000);
    // The front page lists only the latest few; every card is rendered the same way, all on one page.
    checkPage(
      "all cards",
      renderPage(
        config,
        { title: "all" },
        h(HomePage, {
          siteTitle: "t",
          top: [],
          sections: [],
          latest: rows.map(presentArticle),
          notes: NO_REPRINTS,
          older: null,
          firstPage: true,
        }),
      ),
    );

    let rendered = 0;
    for (const row of rows) {
      const file = fileOfSource.get(row.source_id) ?? "?";
      let res = await app.inject({ method: "GET", url: `/articles/${row.id}` });
      if (res.statusCode === 301) {
        const location = String(res.headers.location ?? "");
        assert.match(location, /^\/articles\/\d+-/, `${file}: redirect to ${location}`);
        res = await app.inject({ method: "GET", url: location });
      }
      assert.equal(res.statusCode, 200, `${file}: article ${row.id} answered ${res.statusCode}`);
      checkPage(`${file} (article ${row.id})`, res.body);
      rendered++;
    }
    t.diagnostic(
      `pages rendered: front page (${frontLinks.size} article links), ${rendered} article pages, ${rows.length} cards in ${Math.round(performance.now() - started)} ms`,
    );
    assert.equal(rendered, rows.length);
  } finally {
    await app.close();
  }
  assertNoFindings(findings);
});

test("false-positive tally: acceptable elements and attributes still there after sanitizing (reported, not enforced)", async (t) => {
  const rows = await db.kysely.selectFrom("articles").select(["source_id", "body_html"]).execute();
  const bodiesByFile = new Map<string, string[]>();
  for (const r of rows) {
    const file = fileOfSource.get(r.source_id) ?? "?";
    bodiesByFile.set(file, [...(bodiesByFile.get(file) ?? []), r.body_html]);
  }
  const tally = (prefix: string, kept: (name: string, doc: Document) => boolean) => {
    const cases = results.filter((r) => r.file.startsWith(prefix));
    const keptNames: string[] = [];
    for (const r of cases) {
      const name = r.file
        .slice(prefix.length)
        .replace(/\.xml$/, "")
        .toLowerCase();
      const doc = parseDocument((bodiesByFile.get(r.file) ?? []).join(""));
      if (kept(name, doc)) keptNames.push(name);
    }
    return { kept: keptNames, total: cases.length };
  };
  const hasElement = (name: string, doc: Document) =>
    existsOne((el) => el.name.toLowerCase() === name, doc.children);
  const hasAttribute = (name: string, doc: Document) =>
    existsOne((el) => Object.keys(el.attribs).some((a) => a.toLowerCase() === name), doc.children);
  const elements = tally("acceptable_element_", hasElement);
  const attributes = tally("acceptable_attribute_", hasAttribute);
  t.diagnostic(
    `acceptable elements kept: ${elements.kept.length}/${elements.total}, attributes kept: ${attributes.kept.length}/${attributes.total}`,
  );
  t.diagnostic(`  elements kept: ${elements.kept.join(" ")}`);
  if (attributes.kept.length > 0) t.diagnostic(`  attributes kept: ${attributes.kept.join(" ")}`);
  assert.ok(elements.total > 0 && attributes.total > 0, "the corpus has acceptable_* cases");
});

test("an item or channel link with a javascript: or data: URL never reaches a page or a stored URL", async () => {
  const feed = parseFeed(
    `<rss version="2.0"><channel><title>Links</title><link>javascript:alert(1)</link>
        <item><title>Script link</title><guid>js</guid><link>javascript:alert(document.domain)</link></item>
        <item><title>Data link</title><guid>data</guid><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
      </channel></rss>`,
    FEED_URL,
  );
  const sourceId = await ingest(`${FEED_URL}?case=links`, feed, placeholderItem());
  const findings: string[] = [];
  const source = (await listSources(db.kysely)).find((s) => s.id === sourceId);
  const why = source?.site_url ? unsafeStoredUrl(source.site_url) : null;
  if (why) findings.push(`sources.site_url: ${why}`);
  const app = buildApp({ db: db.kysely, config: loadConfig({}), log: createLogger("silent") });
  try {
    for (const row of await db.kysely
      .selectFrom("articles")
      .selectAll()
      .where("source_id", "=", sourceId)
      .execute()) {
      const stored = unsafeStoredUrl(row.url);
      if (stored) findings.push(`articles.url (${row.guid}): ${stored}`);
      let res = await app.inject({ method: "GET", url: `/articles/${row.id}` });
      if (res.statusCode === 301)
        res = await app.inject({ method: "GET", url: String(res.headers.location) });
      for (const p of findUnsafeMarkup(res.body, { fragment: false }))
        findings.push(`article page (${row.guid}): ${p}`);
    }
  } finally {
    await app.close();
  }
  assertNoFindings(findings);
});
