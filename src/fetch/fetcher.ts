/** @module createFetcher: the one way Newsdesk reaches the network, guarded, capped, polite and classified. */
import type { Readable } from "node:stream";
import { Agent, type Dispatcher, request } from "undici";
import { NewsdeskError } from "../errors.ts";
import { type Network, refusalReason } from "./address-guard.ts";
import { isBotChallenge, parseRetryAfter, toFetchError } from "./fetch-errors.ts";
import { createGuardedLookup, notAllowedError } from "./guarded-lookup.ts";
import { createHostLimiter, type HostLimiter } from "./host-limiter.ts";
import { discard, readBody } from "./read-body.ts";
import { type Resolver, systemResolver } from "./resolve-host.ts";
import { createRobotsCache, type RobotsFile } from "./robots.ts";
import type { FetchRequest, FetchResult } from "./types.ts";

export interface FetcherSettings {
  userAgent: string;
  /** Whole exchange, redirects included. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Until response headers arrive, and the longest silence while the body streams. */
  firstByteTimeoutMs: number;
  maxBytes: number;
  /** Networks the address guard lets through (NEWSDESK_ALLOW_NETWORKS). */
  allowNetworks: Network[];
  /** Exact origins of our own (the demo newsroom while it runs): exempt from the address guard and per-host pacing. */
  allowOrigins?: string[];
  hostConcurrency: number;
  hostIntervalMs: number;
  /**
   * Where the per-host limits are kept: this process's memory unless given (several processes on
   * PostgreSQL share theirs through the database: queue/shared-host-limiter.ts).
   */
  hostLimiter?: HostLimiter;
  resolver?: Resolver;
  maxRedirects?: number;
}

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

const DEFAULT_MAX_REDIRECTS = 5;
/** robots.txt files larger than this are cut (RFC 9309 asks parsers to read at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** How much of an error page is read to recognise a bot challenge. */
const ERROR_BODY_PEEK_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<NonNullable<FetchRequest["expect"]>, { ok: RegExp; what: string }> = {
  // Feeds arrive under many wrong types; refuse only types that cannot be one.
  feed: {
    ok: /^(?!image\/|audio\/|video\/|font\/|application\/(pdf|zip|gzip|x-tar|msword|vnd\.))/,
    what: "a feed",
  },
  html: { ok: /^(text\/|application\/(xhtml\+xml|xml)|$)/, what: "a web page" },
  any: { ok: /.*/, what: "anything" },
};

function header(headers: Dispatcher.ResponseData["headers"], name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** A header that may be repeated (Link), its values joined by ", " as HTTP allows. */
function joinedHeader(headers: Dispatcher.ResponseData["headers"], name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? null);
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NewsdeskError("fetch.bad_url", `fetch: "${raw}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NewsdeskError(
      "fetch.bad_url",
      `fetch: only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new NewsdeskError("fetch.bad_url", "fetch: URLs with a user name or password are not fetched");
  }
  return url;
}

/** The product token robots.txt rules are matched against: "Newsdesk" from "Newsdesk/0.1 (+url)". */
function robotsToken(userAgent: string): string {
  return /^[\w-]+/.exec(userAgent)?.[0] ?? "Newsdesk";
}

async function peek(body: Readable): Promise<string> {
  try {
    const buf = await readBody(body, null, ERROR_BODY_PEEK_BYTES, "");
    return buf.toString("latin1");
  } catch {
    return "";
  }
}

/** A fetcher with its own connection pool, address guard, per-host limits and robots cache. */
export function createFetcher(settings: FetcherSettings): Fetcher {
  const resolver = settings.resolver ?? systemResolver;
  const allowOrigins = new Set(settings.allowOrigins ?? []);
  const agent = new Agent({
    connect: {
      timeout: settings.connectTimeoutMs,
      lookup: createGuardedLookup(resolver, settings.allowNetworks),
    },
    headersTimeout: settings.firstByteTimeoutMs,
    bodyTimeout: settings.firstByteTimeoutMs,
  });
  const limiter =
    settings.hostLimiter ?? createHostLimiter(settings.hostConcurrency, settings.hostIntervalMs);
  /** One request under the host's limits (robots.txt's too: it is a request to their server like any other). */
  async function politely(rawUrl: string, req: FetchRequest) {
    const url = parseUrl(rawUrl);
    // Exempt origins are Newsdesk's own (the demo newsroom): politeness is owed to other people's servers.
    if (allowOrigins.has(url.origin)) return fetchOnce(rawUrl, req);
    const release = await limiter.acquire(url.hostname);
    try {
      return await fetchOnce(rawUrl, req);
    } finally {
      release();
    }
  }
  const robots = createRobotsCache(async (robotsUrl): Promise<RobotsFile> => {
    try {
      const res = await politely(robotsUrl, { expect: "any", maxBytes: ROBOTS_MAX_BYTES });
      return { kind: "rules", text: res.bytes.toString("utf8") };
    } catch (err) {
      const status = err instanceof NewsdeskError && err.id === "fetch.http_status" ? err.status : 0;
      if (status >= 400 && status < 500 && status !== 429) return { kind: "none" };
      return { kind: "unreachable" };
    }
  });

  /** Refuses an IP-literal host before connecting (net.connect does no lookup for those). */
  function checkLiteral(url: URL): void {
    if (allowOrigins.has(url.origin)) return;
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!/^[\d.]+$/.test(host) && !host.includes(":")) return;
    const reason = refusalReason(host, settings.allowNetworks);
    if (reason) throw notAllowedError(url.host, host, reason);
  }

  async function fetchOnce(rawUrl: string, req: FetchRequest): Promise<FetchResult> {
    const maxBytes = req.maxBytes ?? settings.maxBytes;
    const maxRedirects = settings.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const expect = CONTENT_TYPES[req.expect ?? "any"];
    const method = req.method ?? "GET";
    const signal = AbortSignal.timeout(settings.timeoutMs);
    let current = parseUrl(rawUrl);
    try {
      for (let hop = 0; ; hop++) {
        checkLiteral(current);
        const headers: Record<string, string> = {
          "user-agent": settings.userAgent,
          accept: req.accept ?? "*/*",
          "accept-encoding": "gzip, deflate, br",
        };
        if (hop === 0 && req.etag) headers["if-none-match"] = req.etag;
        if (hop === 0 && req.lastModified) headers["if-modified-since"] = req.lastModified;
        if (req.contentType) headers["content-type"] = req.contentType;
        // undici's request() never follows redirects itself; each hop comes back here to be checked.
        const res = await request(current, {
          method,
          headers,
          body: method === "POST" ? (req.body ?? "") : null,
          signal,
          dispatcher: agent,
        });
        const location = header(res.headers, "location");
        if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && location) {
          discard(res.body);
          // Only 307 and 308 promise that the same method and body may be sent to the new address.
          if (method === "POST" && res.statusCode !== 307 && res.statusCode !== 308) {
            throw new NewsdeskError(
              "fetch.http_status",
              `fetch: ${current} answered a POST with HTTP ${res.statusCode}; only 307 and 308 redirects are followed for a POST`,
              { status: res.statusCode },
            );
          }
          if (hop >= maxRedirects) {
            throw new NewsdeskError(
              "fetch.http_status",
              `fetch: ${rawUrl} redirected more than ${maxRedirects} times`,
            );
          }
          current = parseUrl(new URL(location, current).toString());
          continue;
        }
        const base = {
          url: rawUrl,
          finalUrl: current.toString(),
          status: res.statusCode,
          contentType: header(res.headers, "content-type"),
          etag: header(res.headers, "etag"),
          lastModified: header(res.headers, "last-modified"),
          link: joinedHeader(res.headers, "link"),
        };
        if (res.statusCode === 304) {
          discard(res.body);
          return { ...base, notModified: true, bytes: Buffer.alloc(0) };
        }
        if (res.statusCode < 200 || res.statusCode > 299) {
          const start = await peek(res.body);
          if (isBotChallenge(res.statusCode, res.headers, start)) {
            throw new NewsdeskError(
              "fetch.bot_challenge",
              `fetch: ${current.host} answered with a bot-protection challenge (HTTP ${res.statusCode}) instead of the content; ask the publisher to allow Newsdesk's User-Agent, or use the feed's own text`,
              { status: res.statusCode },
            );
          }
          const retryAfterMs =
            res.statusCode === 429 || res.statusCode === 503
              ? parseRetryAfter(header(res.headers, "retry-after"))
              : null;
          const wait =
            retryAfterMs !== null ? `; it asked us to wait ${Math.round(retryAfterMs / 1000)} s` : "";
          throw new NewsdeskError(
            "fetch.http_status",
            `fetch: ${current} answered HTTP ${res.statusCode}${wait}`,
            {
              status: res.statusCode,
              retryAfterMs,
            },
          );
        }
        const type = (base.contentType ?? "").split(";")[0]!.trim().toLowerCase();
        if (!expect.ok.test(type)) {
          discard(res.body);
          throw new NewsdeskError(
            "fetch.bad_content_type",
            `fetch: ${current} is ${type}, not ${expect.what}`,
          );
        }
        const declared = Number(header(res.headers, "content-length"));
        if (Number.isFinite(declared) && declared > maxBytes && !header(res.headers, "content-encoding")) {
          discard(res.body);
          throw new NewsdeskError(
            "fetch.too_large",
            `fetch: ${current} is ${declared} bytes, over the ${maxBytes}-byte limit`,
          );
        }
        const bytes = await readBody(
          res.body,
          header(res.headers, "content-encoding"),
          maxBytes,
          current.toString(),
        );
        return { ...base, notModified: false, bytes };
      }
    } catch (err) {
      throw toFetchError(err, current.toString(), { totalMs: settings.timeoutMs });
    }
  }

  return {
    async fetch(rawUrl, req = {}) {
      const url = parseUrl(rawUrl);
      // robots.txt governs crawling; a POST (a WebSub subscription) is not crawling.
      const verdict =
        req.robots && req.method !== "POST"
          ? await robots.verdict(url, robotsToken(settings.userAgent))
          : "allowed";
      if (verdict === "unreachable") {
        throw new NewsdeskError(
          "fetch.robots_unreachable",
          `fetch: ${url.host}'s robots.txt could not be fetched (a server error or a network failure), which forbids crawling the site until it can be; it is asked again within the hour`,
        );
      }
      if (verdict === "disallowed") {
        throw new NewsdeskError(
          "fetch.robots",
          `fetch: ${url.host}'s robots.txt does not allow ${robotsToken(settings.userAgent)} to fetch ${url.pathname}; an operator can override this per source`,
        );
      }
      return politely(rawUrl, req);
    },
    close: () => agent.close(),
  };
}
