/**
 * @module docs/nginx/newsdesk.conf run by Debian's nginx in front of a real `newsdesk serve`, as
 * docs/deploy.md sets them up (NEWSDESK_TRUST_PROXY=127.0.0.1, NEWSDESK_PUBLIC_URL the https
 * address): pages over HTTPS, the app's compression and cache headers passed through, HEAD and
 * conditional requests, WebSub pushes reaching the app byte for byte, and the reader's address
 * believed only when nginx forwards it.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { insertArticle } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource, markSourceFetched, markWebsubRequested } from "../../src/storage/sources.ts";
import { newArticle } from "../support/articles.ts";
import { atomFeed, makeItems } from "../support/news-fixtures.ts";
import {
  freePort,
  makeCertificate,
  nginxSkipReason,
  SITE_CONF_PATH,
  siteConfForTest,
  startNginx,
  type TestNginx,
} from "../support/nginx.ts";
import { type DemoServe, startServeCommand } from "../support/serve-command.ts";

/** The reader's machine: an address of the loopback network other than nginx's own 127.0.0.1. */
const READER = "127.0.0.9";
const FORGED = "203.0.113.50";
const WEBSUB = { secret: "s3cret-of-the-hub", token: "0123456789abcdef0123456789abcdef" };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** As sent: not decompressed. */
  body: Buffer;
}

interface Send {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address the request leaves from. */
  from?: string;
}

/** One request on a fresh connection, the body read as sent (no decompression, no redirects followed). */
function send(url: string, opts: Send & { ca?: string } = {}): Promise<Answer> {
  const u = new URL(url);
  const tls = u.protocol === "https:";
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)(
      {
        host: "127.0.0.1",
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: opts.method ?? "GET",
        headers: { host: u.host, ...opts.headers },
        localAddress: opts.from ?? READER,
        agent: false,
        ...(tls ? { servername: u.hostname, ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** The app's own answers carry its Content-Security-Policy; nginx's (a 413, a 502) do not. */
function fromApp(a: Answer): boolean {
  return typeof a.headers["content-security-policy"] === "string";
}

const skip = nginxSkipReason();

describe("docs/nginx/newsdesk.conf in front of newsdesk serve", { skip }, () => {
  let dir = "";
  let db: Db;
  let serve: DemoServe | undefined;
  let nginx: TestNginx | undefined;
  let cert = "";
  let site = "";
  let httpSite = "";
  let articleId = 0;
  let sourceId = 0;
  const viaNginx = (path: string, opts: Send = {}) => send(`${site}${path}`, { ...opts, ca: cert });
  const direct = (path: string, opts: Send = {}) => send(`${serve?.site}${path}`, opts);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsdesk-nginx-"));
    // Started as root, nginx's workers run as nobody, and read the ACME webroot in here.
    chmodSync(dir, 0o755);
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    site = `https://localhost:${httpsPort}`;
    httpSite = `http://localhost:${httpPort}`;

    const dbUrl = `sqlite:${join(dir, "newsdesk.db")}`;
    db = openDb(dbUrl);
    await migrateToLatest(db);
    const now = new Date().toISOString();
    const { source } = await insertSource(db.kysely, "https://courier.test/feed.xml", now);
    sourceId = source.id;
    await markSourceFetched(db.kysely, source.id, {
      now,
      nextFetchAt: "2999-01-01T00:00:00.000Z",
      title: "Fixture Courier",
      siteUrl: "https://courier.test/",
    });
    await insertArticle(db.kysely, newArticle(source.id, "first", now, { title: "Harbour bridge reopens" }));
    articleId = Number((await db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id);
    // As if the source's hub had been asked for a subscription (the callback's secret and token).
    await markWebsubRequested(db.kysely, source.id, {
      hub: "https://hub.test/",
      topic: "https://courier.test/feed.xml",
      secret: WEBSUB.secret,
      token: WEBSUB.token,
      state: "active",
      now,
    });

    serve = await startServeCommand(dbUrl, ["serve", "--no-fetch"], {
      HOST: "127.0.0.1",
      NEWSDESK_WEB_WORKERS: "1",
      NEWSDESK_TRUST_PROXY: "127.0.0.1",
      NEWSDESK_PUBLIC_URL: site,
      NEWSDESK_COMMENT_MIN_SECONDS: "0",
    });
    const appPort = Number(new URL(serve.site).port);

    const tls = join(dir, "tls");
    mkdirSync(tls);
    const made = makeCertificate(tls);
    cert = made.cert;
    const acmeRoot = join(dir, "acme");
    mkdirSync(join(acmeRoot, ".well-known", "acme-challenge"), { recursive: true });
    writeFileSync(join(acmeRoot, ".well-known", "acme-challenge", "token-1"), "token-1.key");
    const conf = siteConfForTest(readFileSync(SITE_CONF_PATH, "utf8"), {
      appPort,
      httpPort,
      httpsPort,
      certFile: made.certFile,
      keyFile: made.keyFile,
      acmeRoot,
    });
    nginx = await startNginx(join(dir, "nginx"), conf, httpsPort);
  });

  after(async () => {
    await nginx?.stop();
    await serve?.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("pages come through over HTTPS from the app, and plain HTTP is redirected to HTTPS", async () => {
    const home = await viaNginx("/");
    assert.equal(home.status, 200);
    assert.ok(fromApp(home));
    assert.match(home.body.toString(), /Harbour bridge reopens/);
    // The public address is https: the app sends HSTS itself.
    assert.match(String(home.headers["strict-transport-security"]), /max-age=\d+/);
    assert.equal(home.headers.server, "nginx");

    const path = /href="(\/articles\/\d+-[a-z-]+)"/.exec(home.body.toString())?.[1] ?? "";
    const article = await viaNginx(path);
    assert.equal(article.status, 200, path);
    assert.match(article.body.toString(), /<h1[^>]*>Harbour bridge reopens/);

    const plain = await send(`${httpSite}/articles/${articleId}?a=1`);
    assert.equal(plain.status, 301);
    assert.equal(plain.headers.location, `https://localhost/articles/${articleId}?a=1`);
    // certbot's challenge is answered over plain HTTP from the webroot, for renewals.
    const challenge = await send(`${httpSite}/.well-known/acme-challenge/token-1`);
    assert.equal(challenge.status, 200);
    assert.equal(challenge.body.toString(), "token-1.key");
  });

  test("the app's compression passes through: gzip and brotli, Vary kept", async () => {
    const plain = await viaNginx("/about");
    assert.equal(plain.headers["content-encoding"], undefined);
    const html = plain.body.toString();
    assert.match(html, /<html/);

    const gz = await viaNginx("/about", { headers: { "accept-encoding": "gzip" } });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.match(String(gz.headers.vary), /accept-encoding/i);
    assert.equal(gunzipSync(gz.body).toString(), html);
    assert.ok(gz.body.length < html.length / 2, `${gz.body.length} gzip bytes for ${html.length}`);

    const br = await viaNginx("/about", { headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.body).toString(), html);

    // A response the page cache does not hold, compressed per request by the app.
    const search = await viaNginx("/search?q=bridge", { headers: { "accept-encoding": "gzip" } });
    assert.equal(search.status, 200);
    assert.equal(search.headers["content-encoding"], "gzip");
    assert.match(gunzipSync(search.body).toString(), /Harbour <mark>bridge<\/mark> reopens/);
  });

  test("hashed assets keep the app's year-long immutable Cache-Control", async () => {
    const home = (await viaNginx("/")).body.toString();
    const paths = [...home.matchAll(/(?:href|src)="(\/assets\/[a-z-]+\.[0-9a-f]{12}\.(?:css|js))"/g)].map(
      (m) => m[1] ?? "",
    );
    assert.ok(
      paths.some((p) => p.endsWith(".css")),
      "the stylesheet is linked",
    );
    for (const path of paths) {
      const asset = await viaNginx(path, { headers: { "accept-encoding": "gzip" } });
      assert.equal(asset.status, 200, path);
      assert.equal(asset.headers["cache-control"], "public, max-age=31536000, immutable", path);
      assert.equal(asset.headers["content-encoding"], "gzip", path);
      assert.ok(gunzipSync(asset.body).length > 0, path);
    }
    const css = paths.find((p) => p.endsWith(".css")) ?? "";
    // Another hash is no asset: the app's 404, not something nginx made up or kept.
    const stale = await viaNginx(css.replace(/\.[0-9a-f]{12}\./, ".000000000000."));
    assert.equal(stale.status, 404);
    assert.ok(fromApp(stale));
  });

  test("HEAD and conditional GETs are answered by the app through nginx", async () => {
    for (const encoding of ["identity", "gzip", "br"]) {
      const headers = { "accept-encoding": encoding };
      const full = await viaNginx("/", { headers });
      assert.equal(full.status, 200);
      const etag = String(full.headers.etag);
      const lastModified = String(full.headers["last-modified"]);
      assert.match(etag, /^"[^"]+"$/, "a strong ETag, as the app made it");

      const head = await viaNginx("/", { method: "HEAD", headers });
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.equal(head.headers.etag, etag);
      assert.equal(head.headers["content-encoding"], full.headers["content-encoding"]);

      const byTag = await viaNginx("/", { headers: { ...headers, "if-none-match": etag } });
      assert.equal(byTag.status, 304, encoding);
      assert.equal(byTag.body.length, 0);
      assert.equal(byTag.headers.etag, etag);

      const byDate = await viaNginx("/", { headers: { ...headers, "if-modified-since": lastModified } });
      assert.equal(byDate.status, 304, encoding);

      const changed = await viaNginx("/", { headers: { ...headers, "if-none-match": '"another"' } });
      assert.equal(changed.status, 200);
    }
  });

  test("WebSub pushes reach the app byte for byte; its answers, not nginx's, come back", async () => {
    const callback = `/websub/${sourceId}/${WEBSUB.token}`;
    const items = makeItems(1, "pushed");
    const feed = Buffer.from(atomFeed("http://127.0.0.1:9", items, "Fixture Courier"));
    const signature = `sha256=${createHmac("sha256", WEBSUB.secret).update(feed).digest("hex")}`;
    const push = (body: Buffer, sig: string) =>
      viaNginx(callback, {
        method: "POST",
        headers: { "content-type": "application/atom+xml", "x-hub-signature": sig },
        body,
      });
    // The web process keeps a signed push for the fetcher or a worker to store (this serve has
    // --no-fetch, so it stays kept): what it kept is what the hub sent.
    const kept = () => db.kysely.selectFrom("websub_pushes").select(["body", "content_type"]).execute();

    // Wrongly signed: acknowledged and ignored, by the app.
    const forged = await push(feed, `sha256=${"0".repeat(64)}`);
    assert.equal(forged.status, 200);
    assert.ok(fromApp(forged));
    assert.equal((await kept()).length, 0);

    const signed = await push(feed, signature);
    assert.equal(signed.status, 200);
    assert.ok(fromApp(signed));
    const rows = await kept();
    assert.equal(rows.length, 1, "the signature held: the body arrived byte for byte");
    assert.ok(Buffer.from(rows[0]!.body).equals(feed), "and was kept as sent");
    assert.equal(rows[0]!.content_type, "application/atom+xml");

    // The hub's intent verification (GET) reaches the app too: a topic it did not ask for is its 404.
    const verify = await viaNginx(`${callback}?hub.mode=subscribe&hub.topic=x&hub.challenge=c`);
    assert.equal(verify.status, 404);
    assert.ok(fromApp(verify));

    // A push over the forms' 1 MiB, under NEWSDESK_MAX_BODY_BYTES: nginx lets it through (the app
    // answers an unknown callback with its 404) where a form that size gets nginx's 413.
    const big = Buffer.alloc(2 * 1024 * 1024, "a");
    const unknown = await viaNginx(`/websub/${sourceId}/${"f".repeat(32)}`, {
      method: "POST",
      headers: { "content-type": "application/atom+xml" },
      body: big,
    });
    assert.equal(unknown.status, 404);
    assert.ok(fromApp(unknown));
    assert.equal(unknown.body.toString(), "not found");
    const bigForm = await viaNginx(`/articles/${articleId}/comments`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: big,
    });
    assert.equal(bigForm.status, 413);
    assert.ok(!fromApp(bigForm));
  });

  test("the app takes the reader's address from nginx, and ignores X-Forwarded-For sent to it directly", async () => {
    const comment = async (via: typeof viaNginx, text: string, headers: Record<string, string> = {}) => {
      const tokenAnswer = await via(`/comments/form-token?article=${articleId}`);
      assert.equal(tokenAnswer.status, 200);
      const { token } = JSON.parse(tokenAnswer.body.toString()) as { token: string };
      const form = new URLSearchParams({
        name: "Ann",
        email: "ann@example.org",
        comment: text,
        token,
      }).toString();
      const posted = await via(`/articles/${articleId}/comments`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: form,
      });
      assert.equal(posted.status, 303, posted.body.toString());
      const row = await db.kysely
        .selectFrom("comments")
        .select("author_ip")
        .where("body_source", "=", text)
        .executeTakeFirstOrThrow();
      return row.author_ip;
    };

    // Through nginx: the address nginx saw, even when the reader sends an X-Forwarded-For of its own.
    assert.equal(await comment(viaNginx, "Sent through the proxy."), READER);
    assert.equal(
      await comment(viaNginx, "Sent through the proxy with a forged header.", { "x-forwarded-for": FORGED }),
      READER,
    );
    // Straight to the app's port from an address that is not the proxy: the header is not believed.
    assert.equal(
      await comment(direct, "Sent straight to the app with a forged header.", { "x-forwarded-for": FORGED }),
      READER,
    );
  });
});
