/** @module The render cache over a real SQLite file: 304s, invalidation by writes from another connection, encodings, opting out. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { sqliteTestDatabase, type TestDatabase } from "../../test/support/databases.ts";
import { loadConfig } from "../config/config.ts";
import { createLogger } from "../log.ts";
import { insertArticle } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { insertSource } from "../storage/sources.ts";
import { buildApp } from "./app.tsx";
import { cacheableUrl, createPageCache, uncacheable } from "./page-cache.ts";
import { buildCachedPage, withEncoding } from "./render-cache.ts";
import { watchSiteVersion } from "./version-watch.ts";

let tdb: TestDatabase;
let db: Db;
/** A second connection, as the fetcher in another process would have. */
let other: Db;
let sourceId = 0;
const log = createLogger("silent");
const fresh = loadConfig({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" });
const now = "2026-11-20T10:00:00.000Z";
const apps: Array<{ close(): Promise<unknown> }> = [];

function app(checkMs: number) {
  const config = loadConfig({ NEWSDESK_PAGE_CACHE_CHECK_MS: String(checkMs) });
  const made = buildApp({ db: db.kysely, config, log });
  apps.push(made);
  return made;
}

async function addArticle(via: Db, guid: string, title: string) {
  await insertArticle(via.kysely, {
    source_id: sourceId,
    guid,
    url: `https://gazette.test/${guid}`,
    title,
    body_html: `<p>${guid}</p>`,
    text: guid,
    published_at: now,
    fetched_at: now,
    created_at: now,
    updated_at: now,
  });
}

before(async () => {
  tdb = sqliteTestDatabase();
  db = openDb(tdb.url);
  await migrateToLatest(db);
  other = openDb(tdb.url);
  ({
    source: { id: sourceId },
  } = await insertSource(db.kysely, "https://gazette.test/feed.xml", now));
  await addArticle(db, "a1", "Bridge reopens");
});
after(async () => {
  for (const a of apps) await a.close();
  await other?.close();
  await db?.close();
  await tdb?.drop();
});

test("a page carries a strong ETag and Last-Modified, and either validator gets a 304", async () => {
  const site = app(0);
  const first = await site.inject("/");
  assert.equal(first.statusCode, 200);
  const etag = first.headers.etag as string;
  assert.match(etag, /^"[\w-]{22}"$/);
  assert.equal(first.headers["cache-control"], "public, max-age=0, must-revalidate");
  assert.equal(first.headers.vary, "Accept-Encoding");
  const lastModified = first.headers["last-modified"] as string;
  assert.ok(Date.parse(lastModified) <= Date.now());

  const byTag = await site.inject({ url: "/", headers: { "if-none-match": etag } });
  assert.equal(byTag.statusCode, 304);
  assert.equal(byTag.body, "");
  assert.equal(byTag.headers.etag, etag);
  const byDate = await site.inject({ url: "/", headers: { "if-modified-since": lastModified } });
  assert.equal(byDate.statusCode, 304);
  const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
  assert.equal((await site.inject({ url: "/", headers: { "if-modified-since": older } })).statusCode, 200);
  assert.equal((await site.inject({ url: "/", headers: { "if-none-match": '"other"' } })).statusCode, 200);
  // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
  const both = await site.inject({
    url: "/",
    headers: { "if-none-match": '"other"', "if-modified-since": lastModified },
  });
  assert.equal(both.statusCode, 200);
});

test("an article stored through a second database connection replaces the cached front page", async () => {
  const site = app(0);
  const before = await site.inject("/");
  assert.doesNotMatch(before.body, /Ferry resumes/);
  await addArticle(other, "a2", "Ferry resumes");
  const after = await site.inject({ url: "/", headers: { "if-none-match": before.headers.etag as string } });
  assert.equal(after.statusCode, 200, "the old copy is no longer current");
  assert.match(after.body, /Ferry resumes/);
  assert.notEqual(after.headers.etag, before.headers.etag);
});

test("within the check interval the cached page is served as it was rendered", async () => {
  const site = app(60_000);
  const first = await site.inject("/");
  await addArticle(other, "a3", "Tunnel closes");
  const second = await site.inject("/");
  assert.equal(second.body, first.body, "served from the cache: the version is not read again yet");
  assert.doesNotMatch(second.body, /Tunnel closes/);
  assert.match((await app(0).inject("/")).body, /Tunnel closes/);
});

test("gzip and brotli forms decode to the same HTML, with their own ETags; HEAD sends headers only", async () => {
  const site = app(0);
  const plain = await site.inject({ url: "/", headers: { "accept-encoding": "identity" } });
  assert.equal(plain.headers["content-encoding"], undefined);
  for (const [accept, encoding, decode] of [
    ["gzip, deflate", "gzip", gunzipSync],
    ["gzip, deflate, br", "br", brotliDecompressSync],
    ["br;q=0, gzip", "gzip", gunzipSync],
  ] as const) {
    // Twice: the first answer is built on a miss, the second comes from the cache.
    for (let i = 0; i < 2; i++) {
      const res = await site.inject({ url: "/", headers: { "accept-encoding": accept } });
      assert.equal(res.headers["content-encoding"], encoding, accept);
      assert.equal(decode(res.rawPayload).toString("utf8"), plain.body);
      assert.equal(res.headers.etag, `${(plain.headers.etag as string).slice(0, -1)}-${encoding}"`);
      assert.ok(res.rawPayload.length < plain.rawPayload.length / 2);
    }
  }
  const head = await site.inject({ method: "HEAD", url: "/", headers: { "accept-encoding": "br" } });
  assert.equal(head.statusCode, 200);
  assert.equal(head.body, "");
  assert.equal(head.headers["content-encoding"], "br");
});

test("only 200s of pages marked pageCache are cached; cookies, own Cache-Control and other routes are not", async () => {
  const server = Fastify();
  apps.push(server);
  const hooks = createPageCache({ db: db.kysely, config: fresh, log });
  server.addHook("onRequest", hooks.onRequest);
  server.addHook("onSend", hooks.onSend);
  let n = 0;
  // The mode is in the path: only bare paths and ?before= cursors are cache keys.
  server.get("/page/:mode", { config: { pageCache: true } }, async (req, reply) => {
    n += 1;
    const q = req.params as { mode?: string };
    if (q.mode === "cookie") reply.header("set-cookie", "s=1");
    if (q.mode === "private") uncacheable(reply);
    if (q.mode === "missing") reply.code(404);
    return reply.type("text/html").send(`<p>render ${n}</p>`);
  });
  server.get("/plain", async (_req, reply) => reply.type("text/html").send(`<p>plain ${++n}</p>`));

  const cached = await server.inject("/page/ok");
  assert.equal((await server.inject("/page/ok")).body, cached.body);
  for (const mode of ["cookie", "private", "missing"]) {
    const a = await server.inject(`/page/${mode}`);
    const b = await server.inject(`/page/${mode}`);
    assert.notEqual(a.body, b.body, mode);
    assert.equal(b.headers.etag, undefined, mode);
  }
  const a = await server.inject("/plain");
  assert.notEqual((await server.inject("/plain")).body, a.body);
  assert.equal(a.headers.etag, undefined);
  // A made-up query string is rendered afresh and never stored; a page cursor is a page of its own.
  for (const url of ["/page/ok?utm=1", "/page/ok?before=x&utm=1"]) {
    const first = await server.inject(url);
    assert.notEqual((await server.inject(url)).body, first.body, url);
    assert.equal(first.headers.etag, undefined, url);
  }
  const cursor = await server.inject("/page/ok?before=2026-11-20T10:00:00.000Z_5");
  assert.equal((await server.inject("/page/ok?before=2026-11-20T10:00:00.000Z_5")).body, cursor.body);
  assert.notEqual(cursor.body, cached.body);
});

test("cache keys: bare paths and one ?before= cursor only", () => {
  assert.equal(cacheableUrl("/"), true);
  assert.equal(cacheableUrl("/articles/5-x"), true);
  assert.equal(cacheableUrl("/?before=2026-11-20T10:00:00.000Z_5"), true);
  for (const url of ["/?utm=1", "/?before=a&before=b", "/?before=a&x=1", "/?"])
    assert.equal(cacheableUrl(url), false, url);
});

test("over real HTTP, a cached page is answered before routing with the same headers, and 304s too", async () => {
  const site = app(60_000);
  await site.listen({ host: "127.0.0.1", port: 0 });
  const address = site.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const miss = await fetch(`${base}/`, { headers: { "accept-encoding": "identity" } });
  const missBody = await miss.text();
  const hit = await fetch(`${base}/`, { headers: { "accept-encoding": "identity" } });
  assert.equal(await hit.text(), missBody);
  for (const name of ["etag", "last-modified", "cache-control", "vary", "content-type", "content-length"]) {
    assert.equal(hit.headers.get(name), miss.headers.get(name), name);
  }
  const br = await fetch(`${base}/`, { headers: { "accept-encoding": "br" } });
  assert.equal(br.headers.get("content-encoding"), "br");
  assert.equal(await br.text(), missBody, "fetch decodes brotli");
  const notModified = await fetch(`${base}/`, {
    headers: { "if-none-match": hit.headers.get("etag") ?? "", "accept-encoding": "identity" },
  });
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.get("etag"), hit.headers.get("etag"));
  const head = await fetch(`${base}/`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("etag"), hit.headers.get("etag"));
  // Routes not marked pageCache, and unknown paths, still reach Fastify.
  assert.equal((await fetch(`${base}/no/such/page`)).status, 404);
});

test("the stylesheet is sent in the encoding asked for, compressed once at start", async () => {
  const site = app(0);
  const { stylesheet } = await import("./assets.ts");
  const br = await site.inject({ url: stylesheet.path, headers: { "accept-encoding": "gzip, br" } });
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers.vary, "Accept-Encoding");
  assert.equal(brotliDecompressSync(br.rawPayload).toString("utf8"), stylesheet.body);
  const gz = await site.inject({ url: stylesheet.path, headers: { "accept-encoding": "gzip" } });
  assert.equal(gunzipSync(gz.rawPayload).toString("utf8"), stylesheet.body);
  const plain = await site.inject(stylesheet.path);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body, stylesheet.body);
});

test("the data version is read again in the background, so a write shows without a request waiting for it", async () => {
  const moves: number[] = [];
  const watch = watchSiteVersion(db.kysely, 50, (v) => moves.push(v.version));
  try {
    const first = await watch.refresh();
    assert.equal(watch.fresh()?.version, first.version, "the first use starts the background reads");
    await addArticle(other, "a9", "Lighthouse relit");
    let seen = watch.fresh();
    for (let i = 0; i < 40 && seen?.version === first.version; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen = watch.fresh();
    }
    assert.ok(seen && seen.version > first.version, "read again without refresh() being called");
    assert.deepEqual(moves, [first.version, seen.version]);
    watch.close();
    await addArticle(other, "a10", "Harbour dredged");
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(watch.last()?.version, seen.version, "closed: no more reads");
    assert.equal(watch.fresh(), undefined, "and the version it has grows too old to use");
  } finally {
    watch.close();
  }
});

test("a page is compressed in the encoding its reader takes, and in another only when asked", async () => {
  const body = Buffer.from(`<!doctype html><title>t</title>${"<p>Ferry resumes.</p>".repeat(200)}`);
  const page = await buildCachedPage(body, "text/html; charset=utf-8", 7, 1_700_000_000_000, "br");
  assert.deepEqual(Object.keys(page.bodies).sort(), ["br", "identity"]);
  assert.equal(page.headers.gzip, undefined);
  const both = await withEncoding(page, "gzip");
  assert.notEqual(both, page, "a new object, so the cache can account for its bytes");
  assert.deepEqual(gunzipSync(both.bodies.gzip ?? Buffer.alloc(0)), body);
  assert.deepEqual(brotliDecompressSync(both.bodies.br ?? Buffer.alloc(0)), body);
  assert.equal(both.headers.gzip?.["content-length"], String(both.bodies.gzip?.length));
  assert.equal(both.headers.gzip?.["content-encoding"], "gzip");
  assert.equal(both.bytes, page.bytes + (both.bodies.gzip?.length ?? 0));
  assert.equal(await withEncoding(both, "gzip"), both, "made once");
});
