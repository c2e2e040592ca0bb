/** @module `newsdesk import`, `export` and `add <site>` as a user runs them, on SQLite. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { parseOpml } from "../../src/feeds/opml.ts";
import { openDb } from "../../src/storage/db.ts";
import type { Source } from "../../src/storage/schema.ts";
import { sqliteTestDatabase, type TestDatabase } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { atomFeed, makeItems, rssFeed } from "../support/news-fixtures.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const NESTED = join(import.meta.dirname, "../fixtures/opml/nested.opml");
const ITEMS = makeItems(2, "opml");
const page = (head: string) =>
  `<!doctype html><html><head><title>Site</title>${head}</head><body>Hi</body></html>`;
const link = (type: string, href: string) =>
  `<link rel="alternate" type="application/${type}+xml" href="${href}">`;

interface Failure {
  code: number;
  stdout: string;
  stderr: string;
}

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-opml-"));
const databases: TestDatabase[] = [];
let server: FixtureServer;
let base = "";

/** A fresh database and the environment that points the CLI at it (and lets it reach the fixture server). */
function freshEnv(): NodeJS.ProcessEnv {
  const tdb = sqliteTestDatabase();
  databases.push(tdb);
  return {
    ...process.env,
    DATABASE_URL: tdb.url,
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
    LOG_LEVEL: "silent",
  };
}

async function sources(env: NodeJS.ProcessEnv): Promise<Source[]> {
  const db = openDb(env.DATABASE_URL!);
  try {
    return await db.kysely.selectFrom("sources").selectAll().orderBy("id").execute();
  } finally {
    await db.close();
  }
}

async function fails(args: string[], env: NodeJS.ProcessEnv): Promise<Failure> {
  try {
    await run(BIN, args, { env });
  } catch (err) {
    return err as Failure;
  }
  throw new Error(`newsdesk ${args.join(" ")} succeeded`);
}

before(async () => {
  server = await startFixtureServer({
    "/feeds/one.xml": () => ({
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(base, ITEMS, "One"),
    }),
    "/feeds/two.atom": () => ({
      headers: { "content-type": "application/atom+xml" },
      body: atomFeed(base, ITEMS.slice(0, 1), "Two"),
    }),
    "/site-one/": () => ({ body: page(link("rss", "/feeds/one.xml")) }),
    "/site-many/": () => ({ body: page(link("rss", "/feeds/one.xml") + link("atom", "../feeds/two.atom")) }),
    "/site-none/": () => ({ body: page("") }),
  });
  base = server.url;
});
after(async () => {
  await server?.close();
  for (const tdb of databases) await tdb.drop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("newsdesk import and export", () => {
  const env = freshEnv();

  test("import: nested folders become categories; invalid and repeated entries are reported", async () => {
    const { stdout, stderr } = await run(BIN, ["import", NESTED], { env });
    assert.match(stdout, /nested\.opml \("Dana's feeds & more"\): 7 feeds, 5 added, 2 not added\n/);
    assert.match(
      stdout,
      /problems:\n {2}"Not a URL" <javascript:alert\(1\)>: invalid URL: only http and https/,
    );
    assert.match(
      stdout,
      / {2}"Bits again" <https:\/\/bits\.example\.test\/index\.xml>: duplicate: listed earlier/,
    );
    assert.equal(stderr, "", "no progress bar when stderr is not a terminal");
    assert.deepEqual(
      (await sources(env)).map((s) => [s.url, s.title, s.category, s.site_url]),
      [
        ["https://wire.example.test/rss.xml", "Top Story Wire", null, "https://wire.example.test/"],
        ["https://gazette.example.test/feed.xml", "Gazette & Post", "News", "https://gazette.example.test/"],
        ["https://cafe.example.test/atom.xml?lang=en&full=1", "Café Corner", "News/Local", null],
        ["https://courier.example.test/feed", "River Valley Courier", "News/Local", null],
        ["https://bits.example.test/index.xml", "Bits", "Tech", null],
      ],
    );
  });

  test("importing the same file again adds nothing and names each duplicate", async () => {
    const { stdout } = await run(BIN, ["import", NESTED], { env });
    assert.match(stdout, /7 feeds, 0 added, 7 not added/);
    assert.equal(stdout.match(/duplicate: already following as source #\d+/g)?.length, 5);
  });

  test("export round-trips: same feeds, titles and folders, in order, into a fresh database and back", async () => {
    const { stdout } = await run(BIN, ["export"], { env });
    assert.match(stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">/);
    const exported = parseOpml(stdout).feeds;
    const original = parseOpml(readFileSync(NESTED, "utf8")).feeds.filter(
      (f, i, all) => f.xmlUrl.startsWith("https:") && all.findIndex((g) => g.xmlUrl === f.xmlUrl) === i,
    );
    assert.deepEqual(exported, original);

    const file = join(tmp, "exported.opml");
    const written = await run(BIN, ["export", file], { env });
    assert.equal(written.stdout, `exported 5 feeds to ${file}\n`);
    const other = freshEnv();
    assert.match(
      (await run(BIN, ["import", file], { env: other })).stdout,
      /5 feeds, 5 added, 0 not added\n$/,
    );
    assert.deepEqual(parseOpml((await run(BIN, ["export"], { env: other })).stdout).feeds, original);
  });

  test("import --fetch fetches each new source once and reports the ones that fail", async () => {
    const file = join(tmp, "fetch.opml");
    writeFileSync(
      file,
      `<opml version="2.0"><body><outline text="Local">
        <outline text="One" xmlUrl="${base}/feeds/one.xml"/><outline text="Gone" xmlUrl="${base}/feeds/gone.xml"/>
      </outline></body></opml>`,
    );
    const fetchEnv = freshEnv();
    const { stdout } = await run(BIN, ["import", "--fetch", file], { env: fetchEnv });
    assert.match(stdout, /2 feeds, 2 added, 0 not added, 1 failed to fetch/);
    assert.match(stdout, /"Gone" <http:\/\/127\.0\.0\.1:\d+\/feeds\/gone\.xml>: fetch failed: .*HTTP 404/);
    const [one, gone] = await sources(fetchEnv);
    assert.equal(one?.last_error, null);
    assert.ok(one?.last_success_at);
    assert.equal(gone?.error_count, 1);
  });

  test("hostile OPML (billion laughs, external entity) is refused and no file is read", async () => {
    const secret = join(tmp, "secret.txt");
    writeFileSync(secret, "TOP-SECRET-CONTENT");
    const xxe = join(tmp, "xxe.opml");
    writeFileSync(
      xxe,
      `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://${secret}">]>
<opml version="2.0"><head><title>&xxe;</title></head><body><outline text="&xxe;" xmlUrl="https://x.test/&xxe;"/></body></opml>`,
    );
    const lol = join(tmp, "lol.opml");
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`);
    writeFileSync(
      lol,
      `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "lol">${levels.join("")}]>
<opml><body><outline text="&l9;" xmlUrl="https://lol.test/feed"/></body></opml>`,
    );
    const hostileEnv = freshEnv();
    for (const file of [xxe, lol]) {
      const err = await fails(["import", file], hostileEnv);
      assert.equal(err.code, 1);
      assert.match(
        err.stderr,
        /^newsdesk: opml: documents with a DOCTYPE or entity declarations are refused/,
      );
      assert.doesNotMatch(err.stdout + err.stderr, /TOP-SECRET/);
    }
    assert.deepEqual(await sources(hostileEnv), []);
  });

  test("import of a file that is missing or not OPML fails with one line", async () => {
    const err = await fails(["import", join(tmp, "nope.opml")], env);
    assert.match(err.stderr, /^newsdesk: cannot read .*nope\.opml: ENOENT\n$/);
    const rss = join(tmp, "feed.xml");
    writeFileSync(rss, rssFeed(base, ITEMS));
    assert.match((await fails(["import", rss], env)).stderr, /opml: this is a <rss> document, not an OPML/);
  });
});

describe("newsdesk add <site URL>", () => {
  test("a site with one feed: that feed is added, and named", async () => {
    const env = freshEnv();
    const { stdout } = await run(BIN, ["add", `${base}/site-one/`], { env });
    assert.match(stdout, /^found 1 feed at .*\/site-one\/: "One" \(rss, 2 items\) .*\/feeds\/one\.xml\n/);
    assert.match(stdout, /added source #1: http:\/\/127\.0\.0\.1:\d+\/feeds\/one\.xml\n$/);
    assert.deepEqual(
      (await sources(env)).map((s) => [s.url, s.title]),
      [[`${base}/feeds/one.xml`, "One"]],
    );
  });

  test("a site with several feeds: listed, none added; then one by its URL, then --all", async () => {
    const env = freshEnv();
    const err = await fails(["add", `${base}/site-many/`], env);
    assert.equal(err.code, 2);
    assert.match(err.stdout, /found 2 feeds at .*:\n {2}"One" \(rss, 2 items\) .*\/feeds\/one\.xml\n/);
    assert.match(err.stdout, / {2}"Two" \(atom, 1 item\) .*\/feeds\/two\.atom\n/);
    assert.match(err.stdout, /added none: .*newsdesk add --all/);
    assert.deepEqual(await sources(env), []);

    const picked = await run(BIN, ["add", `${base}/feeds/two.atom`], { env });
    assert.equal(picked.stdout, `added source #1: ${base}/feeds/two.atom\n`);
    const all = await run(BIN, ["add", "--all", `${base}/site-many/`], { env });
    assert.match(
      all.stdout,
      /added source #2: .*\/feeds\/one\.xml\nalready following as source #1: .*two\.atom\n$/,
    );
    assert.equal((await sources(env)).length, 2);
  });

  test("a site with no feed anywhere: exit 1 with a clear message", async () => {
    const env = freshEnv();
    const err = await fails(["add", `${base}/site-none/`], env);
    assert.equal(err.code, 1);
    assert.match(err.stderr, /^newsdesk: no feed found at .*\/site-none\/: it is not a feed/);
    assert.deepEqual(await sources(env), []);
  });
});
