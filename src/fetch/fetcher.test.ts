/** @module The Fetcher against real servers on 127.0.0.1 and a resolver stub that maps test names to chosen addresses. */
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { constants, deflateRawSync } from "node:zlib";
import { type FixtureServer, startFixtureServer } from "../../test/support/fixture-server.ts";
import { NewsdeskError } from "../errors.ts";
import { parseNetworks } from "./address-guard.ts";
import { createFetcher, type FetcherSettings } from "./fetcher.ts";
import type { ResolvedAddress, Resolver } from "./resolve-host.ts";

const LOOPBACK_ONLY = parseNetworks("127.0.0.1/32");

function settings(extra: Partial<FetcherSettings> = {}): FetcherSettings {
  return {
    userAgent: "Newsdesk/0.1 (+https://newsdesk.test)",
    timeoutMs: 5000,
    connectTimeoutMs: 2000,
    firstByteTimeoutMs: 3000,
    maxBytes: 10 * 1024 * 1024,
    allowNetworks: LOOPBACK_ONLY,
    hostConcurrency: 2,
    hostIntervalMs: 0,
    ...extra,
  };
}

/** A resolver stub: name -> addresses (or a function of how many times it was asked). */
function stubResolver(table: Record<string, string[] | ((call: number) => string[])>) {
  const calls: Record<string, number> = {};
  const resolver: Resolver = async (name) => {
    calls[name] = (calls[name] ?? 0) + 1;
    const entry = table[name];
    const addrs = typeof entry === "function" ? entry(calls[name]) : entry;
    if (!addrs) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return addrs.map((address): ResolvedAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolver, calls };
}

async function fetchError(p: Promise<unknown>): Promise<NewsdeskError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof NewsdeskError, `a NewsdeskError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the fetch to fail");
}

/** ~10 GiB of zeros as a gzip stream of a few MB, produced lazily: one 1 MiB deflate block repeated. */
function streamGzipBomb(res: ServerResponse, gib: number): void {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
  res.write(header);
  let left = gib * 1024;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!res.write(block)) return void res.once("drain", pump);
    }
    res.end(Buffer.concat([deflateRawSync(Buffer.alloc(0)), Buffer.alloc(8)]));
  };
  res.on("close", () => {
    left = 0;
  });
  pump();
}

describe("fetcher", () => {
  let server: FixtureServer;
  let port = 0;
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const starts: number[] = [];

  before(async () => {
    server = await startFixtureServer({
      "/ok": { body: "<p>hello</p>" },
      "/feed.xml": (req) =>
        req.headers["if-none-match"] === '"v1"'
          ? { status: 304 }
          : { headers: { "content-type": "application/rss+xml", etag: '"v1"' }, body: "<rss/>" },
      "/redirect-to-loopback-2": () => ({
        status: 302,
        headers: { location: `http://127.0.0.2:${port}/ok` },
      }),
      "/redirect-to-internal-name": { status: 301, headers: { location: "http://internal.test/admin" } },
      "/redirect-to-metadata": {
        status: 302,
        headers: { location: "http://169.254.169.254/latest/meta-data/" },
      },
      "/redirect-to-mapped": () => ({
        status: 302,
        headers: { location: `http://[::ffff:7f00:2]:${port}/ok` },
      }),
      "/redirect-loop": { status: 302, headers: { location: "/redirect-loop" } },
      "/relative-redirect": { status: 302, headers: { location: "ok" } },
      "/bomb": { handle: (_req, res) => streamGzipBomb(res, 10) },
      "/triple-gzip": {
        headers: { "content-type": "text/html", "content-encoding": "gzip, gzip, gzip" },
        body: "x",
      },
      "/drip": {
        handle: (_req, res) => {
          res.writeHead(200, { "content-type": "text/html" });
          const t = setInterval(() => res.write("."), 1000);
          res.on("close", () => clearInterval(t));
        },
      },
      "/throttled": { status: 429, headers: { "retry-after": "120" } },
      "/unavailable-until": () => ({
        status: 503,
        headers: { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() },
      }),
      "/cf-challenge": {
        status: 403,
        headers: { "cf-mitigated": "challenge", "content-type": "text/html" },
        body: "",
      },
      "/js-challenge": {
        status: 503,
        headers: { "content-type": "text/html" },
        body: "<html><head><title>Just a moment...</title></head><body><script src='/cdn-cgi/challenge-platform/x.js'></script></body></html>",
      },
      "/forbidden": { status: 403, body: "no" },
      "/image.png": { headers: { "content-type": "image/png" }, body: "PNG" },
      "/robots.txt": {
        headers: { "content-type": "text/plain" },
        body: "User-agent: *\nDisallow: /private/\n",
      },
      "/private/page": { body: "<p>secret</p>" },
      "/public/page": { body: "<p>public</p>" },
      "/slow": {
        handle: (req, res) => {
          const host = req.headers.host ?? "";
          starts.push(Date.now());
          const now = (inFlight.get(host) ?? 0) + 1;
          inFlight.set(host, now);
          maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
          setTimeout(() => {
            inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
            res.end("ok");
          }, 40);
        },
      },
    });
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());

  test("an allowed address is fetched", async () => {
    const f = createFetcher(settings());
    const res = await f.fetch(`${server.url}/ok`);
    assert.equal(res.bytes.toString(), "<p>hello</p>");
    assert.equal(res.status, 200);
    await f.close();
  });

  test("localhost names are loopback without DNS (RFC 6761): reached when allowed, refused otherwise", async () => {
    const allowed = createFetcher(settings());
    const res = await allowed.fetch(`http://desk-7.news.localhost:${port}/ok`);
    assert.equal(res.bytes.toString(), "<p>hello</p>");
    await allowed.close();
    const guarded = createFetcher(settings({ allowNetworks: [] }));
    const before = server.requests.length;
    const err = await fetchError(guarded.fetch(`http://desk-7.news.localhost:${port}/ok`));
    assert.equal(err.id, "fetch.not_allowed");
    assert.equal(server.requests.length, before, "nothing reached the server");
    await guarded.close();
  });

  test("loopback in every numeric spelling is refused before connecting, without an allow-list", async () => {
    const f = createFetcher(settings({ allowNetworks: [] }));
    const before = server.requests.length;
    for (const host of [
      "127.0.0.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "127.1",
      "0x7f.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "[::127.0.0.1]",
      "[64:ff9b::7f00:1]",
      "0",
    ]) {
      const err = await fetchError(f.fetch(`http://${host}:${port}/ok`));
      assert.equal(err.id, "fetch.not_allowed", host);
      assert.match(err.message, /refused to connect to .*(loopback|unspecified)/, host);
    }
    assert.equal(server.requests.length, before, "no request reached the server");
    await f.close();
  });

  test("names resolving to each refused range are refused, naming the address and the range", async () => {
    const table: Record<string, string[]> = {
      "private.test": ["10.0.0.8"],
      "metadata.test": ["169.254.169.254"],
      "shared.test": ["100.64.1.1"],
      "ula.test": ["fd00::1"],
      "linklocal6.test": ["fe80::1"],
      "mapped.test": ["::ffff:10.0.0.8"],
      "nat64.test": ["64:ff9b::a9fe:a9fe"],
      "multicast.test": ["224.0.0.251"],
      "mixed.test": ["127.0.0.1", "10.0.0.8"],
      "loopback2.test": ["127.0.0.2"],
    };
    const { resolver } = stubResolver(table);
    const f = createFetcher(settings({ resolver }));
    for (const name of Object.keys(table)) {
      const err = await fetchError(f.fetch(`http://${name}:${port}/ok`));
      assert.equal(err.id, "fetch.not_allowed", name);
      assert.match(err.message, new RegExp(`refused to connect to ${name} \\(`), name);
      assert.match(err.message, /NEWSDESK_ALLOW_NETWORKS/);
    }
    await f.close();
  });

  test("a redirect from an allowed host to a refused address is refused at that hop", async () => {
    const { resolver } = stubResolver({ "internal.test": ["10.1.2.3"] });
    const f = createFetcher(settings({ resolver }));
    for (const path of [
      "/redirect-to-loopback-2",
      "/redirect-to-internal-name",
      "/redirect-to-metadata",
      "/redirect-to-mapped",
    ]) {
      const err = await fetchError(f.fetch(`${server.url}${path}`));
      assert.equal(err.id, "fetch.not_allowed", path);
    }
    const ok = await f.fetch(`${server.url}/relative-redirect`);
    assert.equal(ok.finalUrl, `${server.url}/ok`);
    const loop = await fetchError(f.fetch(`${server.url}/redirect-loop`));
    assert.match(loop.message, /redirected more than 5 times/);
    await f.close();
  });

  test("a name that resolves first to an allowed and then to a refused address is resolved once per connection", async () => {
    const { resolver, calls } = stubResolver({
      "rebind.test": (n) => (n === 1 ? ["127.0.0.1"] : ["127.0.0.2"]),
    });
    const f = createFetcher(settings({ resolver }));
    const res = await f.fetch(`http://rebind.test:${port}/ok`);
    assert.equal(res.bytes.toString(), "<p>hello</p>");
    assert.equal(calls["rebind.test"], 1, "one lookup, and the socket went to the address it returned");
    await f.close();
    // A new connection looks the name up again, and this time the answer is refused.
    const g = createFetcher(settings({ resolver }));
    const err = await fetchError(g.fetch(`http://rebind.test:${port}/ok`));
    assert.equal(err.id, "fetch.not_allowed");
    assert.match(err.message, /127\.0\.0\.2/);
    await g.close();
  });

  test("an exempt origin (the demo newsroom) is reachable without an allow-list, and only it", async () => {
    const f = createFetcher(settings({ allowNetworks: [], allowOrigins: [server.url] }));
    assert.equal((await f.fetch(`${server.url}/ok`)).status, 200);
    const other = await fetchError(f.fetch(`http://127.0.0.1:${port + 1}/ok`));
    assert.equal(other.id, "fetch.not_allowed");
    await f.close();
  });

  test("a gzip bomb (a few MB inflating to 10 GiB) stops at the cap with bounded memory", async () => {
    const f = createFetcher(settings());
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const started = Date.now();
    const err = await fetchError(f.fetch(`${server.url}/bomb`));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.equal(err.id, "fetch.too_large");
    assert.match(err.message, /larger than the 10485760-byte limit/);
    const grewMb = (peak - baseline) / 2 ** 20;
    console.log(
      `# gzip bomb (10.1 MiB of gzip, 10 GiB inflated): stopped after ${Date.now() - started} ms, peak RSS +${grewMb.toFixed(1)} MB`,
    );
    assert.ok(grewMb < 100, `peak memory grew ${grewMb.toFixed(1)} MB`);
    const layered = await fetchError(f.fetch(`${server.url}/triple-gzip`));
    assert.match(layered.message, /3 layers of compression/);
    await f.close();
  });

  test("a server sending one byte a second is stopped by the total timeout", async () => {
    const f = createFetcher(settings({ timeoutMs: 2000, firstByteTimeoutMs: 1500 }));
    const started = Date.now();
    const err = await fetchError(f.fetch(`${server.url}/drip`));
    const took = Date.now() - started;
    assert.equal(err.id, "fetch.timeout");
    assert.match(err.message, /did not finish answering within 2000 ms/);
    assert.ok(took >= 1900 && took < 3500, `stopped after ${took} ms`);
    await f.close();
  });

  test("conditional GET: validators are sent and a 304 comes back as not modified", async () => {
    const f = createFetcher(settings());
    const first = await f.fetch(`${server.url}/feed.xml`);
    assert.equal(first.etag, '"v1"');
    const second = await f.fetch(`${server.url}/feed.xml`, { etag: first.etag });
    assert.equal(second.notModified, true);
    assert.equal(second.bytes.length, 0);
    await f.close();
  });

  test("429 and 503 carry Retry-After, in seconds or as a date", async () => {
    const f = createFetcher(settings());
    const throttled = await fetchError(f.fetch(`${server.url}/throttled`));
    assert.equal(throttled.id, "fetch.http_status");
    assert.equal(throttled.status, 429);
    assert.equal(throttled.retryAfterMs, 120_000);
    assert.match(throttled.message, /HTTP 429; it asked us to wait 120 s/);
    const later = await fetchError(f.fetch(`${server.url}/unavailable-until`));
    assert.ok(
      later.retryAfterMs !== null && later.retryAfterMs > 3_500_000 && later.retryAfterMs <= 3_600_000,
    );
    await f.close();
  });

  test("bot-protection challenges are named as such, other refusals keep their status", async () => {
    const f = createFetcher(settings());
    for (const path of ["/cf-challenge", "/js-challenge"]) {
      const err = await fetchError(f.fetch(`${server.url}${path}`));
      assert.equal(err.id, "fetch.bot_challenge", path);
      assert.match(err.message, /bot-protection challenge/);
    }
    const plain = await fetchError(f.fetch(`${server.url}/forbidden`));
    assert.equal(plain.id, "fetch.http_status");
    assert.match(plain.message, /HTTP 403/);
    await f.close();
  });

  test("content that cannot be what the caller wants is refused by type", async () => {
    const f = createFetcher(settings());
    const err = await fetchError(f.fetch(`${server.url}/image.png`, { expect: "html" }));
    assert.equal(err.id, "fetch.bad_content_type");
    assert.match(err.message, /is image\/png, not a web page/);
    await f.close();
  });

  test("robots.txt is honoured for pages when asked, fetched once per origin", async () => {
    const f = createFetcher(settings());
    const before = server.requests.filter((r) => r === "/robots.txt").length;
    const err = await fetchError(f.fetch(`${server.url}/private/page`, { robots: true }));
    assert.equal(err.id, "fetch.robots");
    assert.match(err.message, /robots\.txt does not allow Newsdesk to fetch \/private\/page/);
    assert.equal((await f.fetch(`${server.url}/public/page`, { robots: true })).status, 200);
    assert.equal((await f.fetch(`${server.url}/private/page`)).status, 200, "feeds and images skip robots");
    assert.equal(server.requests.filter((r) => r === "/robots.txt").length - before, 1);
    await f.close();
  });

  test("network failures are classified: dns, refused", async () => {
    const { resolver } = stubResolver({});
    const f = createFetcher(settings({ resolver }));
    const dns = await fetchError(f.fetch("http://no-such-host.test/"));
    assert.equal(dns.id, "fetch.dns");
    assert.match(dns.message, /could not be resolved/);
    const closed = await startFixtureServer({});
    const closedPort = new URL(closed.url).port;
    await closed.close();
    const refused = await fetchError(f.fetch(`http://127.0.0.1:${closedPort}/`));
    assert.equal(refused.id, "fetch.refused");
    const bad = await fetchError(f.fetch("ftp://x.test/file"));
    assert.equal(bad.id, "fetch.bad_url");
    await f.close();
  });

  test("robots.txt is a request to the host like any other: the page waits the host's gap after it", async () => {
    const f = createFetcher(settings({ hostIntervalMs: 150 }));
    const t0 = performance.now();
    assert.equal((await f.fetch(`http://paced.localhost:${port}/public/page`, { robots: true })).status, 200);
    const took = performance.now() - t0;
    assert.ok(took >= 140, `robots.txt and the page ${took.toFixed(0)} ms apart at most`);
    await f.close();
  });

  test("per-host limits: at most 2 requests in flight per host name, several hosts in parallel, starts spaced", async () => {
    const names = ["a.test", "b.test", "c.test"];
    const { resolver } = stubResolver(Object.fromEntries(names.map((n) => [n, ["127.0.0.1"]])));
    const f = createFetcher(settings({ resolver, hostConcurrency: 2 }));
    const t0 = Date.now();
    await Promise.all(
      names.flatMap((n) => Array.from({ length: 8 }, () => f.fetch(`http://${n}:${port}/slow`))),
    );
    const took = Date.now() - t0;
    for (const n of names) assert.equal(maxInFlight.get(`${n}:${port}`), 2, n);
    // 8 requests of 40 ms, 2 at a time, per host, all hosts at once: about 160 ms, not 3 x 160.
    assert.ok(took < 400, `took ${took} ms`);
    await f.close();

    starts.length = 0;
    const spaced = createFetcher(settings({ resolver, hostConcurrency: 4, hostIntervalMs: 100 }));
    await Promise.all(Array.from({ length: 4 }, () => spaced.fetch(`http://a.test:${port}/slow`)));
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    // Starts are spaced when granted and seen here on arrival, after the connection: on a busy machine
    // one arrival can come tens of ms late, shortening one gap and lengthening the next. Unspaced, the
    // gaps would be about 0; the three gaps together still span three intervals, less one such delay.
    assert.ok(
      gaps.every((g) => g >= 50),
      `gaps between starts: ${gaps.join(", ")} ms`,
    );
    const span = gaps.reduce((a, b) => a + b, 0);
    assert.ok(span >= 3 * 100 - 30, `four starts within ${span} ms`);
    await spaced.close();
  });
});

describe("fetcher POST", () => {
  let server: FixtureServer;
  let port = 0;
  const received: Array<{ method: string; path: string; type: string; body: string }> = [];

  /** Records each request with its body, then lets `answer` reply. */
  const recording =
    (answer: (res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({
          method: req.method ?? "",
          path: req.url ?? "",
          type: req.headers["content-type"] ?? "",
          body: Buffer.concat(chunks).toString(),
        });
        answer(res);
      });
    };

  before(async () => {
    server = await startFixtureServer({
      "/hub": {
        handle: recording((res) => {
          res.writeHead(202, { link: '<https://hub.test/>; rel="hub"' });
          res.end("accepted");
        }),
      },
      "/moved-307": { status: 307, headers: { location: "/hub" } },
      "/moved-308": { status: 308, headers: { location: "/hub" } },
      "/moved-302": { status: 302, headers: { location: "/hub" } },
      "/see-other": { status: 303, headers: { location: "/hub" } },
      "/to-loopback-2": () => ({ status: 307, headers: { location: `http://127.0.0.2:${port}/hub` } }),
      "/refuse": {
        handle: recording((res) => {
          res.writeHead(429, { "retry-after": "60" });
          res.end("slow down");
        }),
      },
      "/big": { handle: recording((res) => res.end("x".repeat(4096))) },
      "/robots.txt": { headers: { "content-type": "text/plain" }, body: "User-agent: *\nDisallow: /\n" },
    });
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());

  const form = "hub.mode=subscribe&hub.topic=https%3A%2F%2Fexample.test%2Ffeed";
  const post = {
    method: "POST",
    body: form,
    contentType: "application/x-www-form-urlencoded",
  } as const;

  test("a POST sends its method, body and content type, and returns the answer with its Link header", async () => {
    received.length = 0;
    const f = createFetcher(settings());
    const res = await f.fetch(`${server.url}/hub`, post);
    assert.equal(res.status, 202);
    assert.equal(res.bytes.toString(), "accepted");
    assert.equal(res.link, '<https://hub.test/>; rel="hub"');
    assert.deepEqual(received, [
      { method: "POST", path: "/hub", type: "application/x-www-form-urlencoded", body: form },
    ]);
    await f.close();
  });

  test("a POST follows 307 and 308 with the same method and body, and no other redirect", async () => {
    received.length = 0;
    const f = createFetcher(settings());
    for (const path of ["/moved-307", "/moved-308"]) {
      assert.equal((await f.fetch(`${server.url}${path}`, post)).status, 202, path);
    }
    assert.deepEqual(
      received.map((r) => [r.method, r.body]),
      [
        ["POST", form],
        ["POST", form],
      ],
    );
    for (const path of ["/moved-302", "/see-other"]) {
      const err = await fetchError(f.fetch(`${server.url}${path}`, post));
      assert.equal(err.id, "fetch.http_status", path);
      assert.match(err.message, /only 307 and 308 redirects are followed for a POST/);
    }
    assert.equal(received.length, 2, "the 302 and 303 targets were not requested");
    // A GET still follows every redirect.
    assert.equal((await f.fetch(`${server.url}/see-other`, { method: "GET" })).status, 202);
    await f.close();
  });

  test("a POST gets the same guard, classification and cap, and robots.txt does not apply to it", async () => {
    received.length = 0;
    const f = createFetcher(settings());
    const refused = await fetchError(f.fetch(`${server.url}/to-loopback-2`, post));
    assert.equal(refused.id, "fetch.not_allowed");
    const literal = await fetchError(f.fetch(`http://127.0.0.3:${port}/hub`, post));
    assert.equal(literal.id, "fetch.not_allowed");
    const throttled = await fetchError(f.fetch(`${server.url}/refuse`, post));
    assert.equal(throttled.id, "fetch.http_status");
    assert.equal(throttled.status, 429);
    assert.equal(throttled.retryAfterMs, 60_000);
    const big = await fetchError(f.fetch(`${server.url}/big`, { ...post, maxBytes: 1024 }));
    assert.equal(big.id, "fetch.too_large");
    // robots.txt disallows everything here; a POST is sent anyway and robots.txt is never asked for.
    assert.equal((await f.fetch(`${server.url}/hub`, { ...post, robots: true })).status, 202);
    assert.ok(!server.requests.includes("/robots.txt"));
    assert.deepEqual(
      received.map((r) => r.path),
      ["/refuse", "/big", "/hub"],
    );
    await f.close();
  });
});
