/**
 * @module The render cache wired into Fastify: routes marked `pageCache` are answered from memory
 * (304 when the client's copy is current) until the site's data version moves.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { FastifyReply, FastifyRequest, onRequestHookHandler, onSendHookHandler } from "fastify";
import type { SiteVersion } from "../storage/site-version.ts";
import { isNotModified, preferredEncoding } from "./conditional.ts";
import type { WebContext } from "./context.ts";
import { buildCachedPage, type CachedPage, RenderCache, withEncoding } from "./render-cache.ts";
import { watchSiteVersion } from "./version-watch.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's 200 answers are the same for every visitor, so they may be cached and shared. */
    pageCache?: boolean;
  }
}

/**
 * Marks this response as not to be cached or shared (it names the visitor, sets a cookie...).
 * Any response that sets Cache-Control or a cookie itself is never cached.
 */
export function uncacheable(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "private, no-store");
}

/**
 * A cached page's answer to a request: 304 with the validators when its copy is current, else the body
 * in the encoding it takes; undefined when that form is not made yet (`withEncoding` makes it).
 */
function answer(h: IncomingHttpHeaders, page: CachedPage) {
  const encoding = preferredEncoding(h["accept-encoding"]);
  if (isNotModified(h["if-none-match"], h["if-modified-since"], page.hash, page.lastModifiedMs))
    return { status: 304, headers: page.notModified[encoding], body: null };
  const headers = page.headers[encoding];
  const body = page.bodies[encoding];
  return headers && body ? { status: 200, headers, body } : undefined;
}

/** Sends `page` as answered for `req`; its form for the request's encoding must be made. */
function sendPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
  const a = answer(req.headers, page);
  if (!a) throw new Error("page cache: the page's form for this encoding is not made");
  reply
    .code(a.status)
    .headers(a.headers)
    .send(a.body ?? undefined);
}

export interface PageCache {
  /** For `app.addHook` before the routes are added: answers hits, and fills the cache on misses. */
  onRequest: onRequestHookHandler;
  onSend: onSendHookHandler;
  /**
   * For the HTTP server, before Fastify sees the request: answers a hit on a page already cached
   * under the current version and returns true, else false (Fastify then handles it). A hit costs
   * about a third less CPU this way than through Fastify's routing and hooks.
   */
  serveRaw(req: IncomingMessage, res: ServerResponse): boolean;
  /** Stops reading the data version in the background (the app is closing). */
  close(): void;
}

/**
 * Pages are stored under their URL, so only URLs the site itself links to are: a bare path, or one
 * `?before=` page cursor. Any other query (tracking tags, junk) is rendered afresh and not stored, so
 * a stream of made-up query strings can neither push real pages out nor make every request compress.
 */
export function cacheableUrl(url: string): boolean {
  const q = url.indexOf("?");
  if (q === -1) return true;
  const params = new URLSearchParams(url.slice(q + 1));
  return [...params.keys()].length === 1 && params.has("before");
}

/** The render cache of one app. */
export function createPageCache(ctx: WebContext): PageCache {
  const cache = new RenderCache(ctx.config.pageCacheMb * 1024 * 1024);
  const watch = watchSiteVersion(ctx.db, ctx.config.pageCacheCheckMs, () => cache.clear());
  // The version each missed request was rendered under, for onSend to tag its page with.
  const renderedUnder = new WeakMap<FastifyRequest, SiteVersion>();

  // Callback style, not async: a hit is answered without a promise, the path every cached page takes.
  const onRequest: onRequestHookHandler = (req, reply, done) => {
    if (
      !req.routeOptions.config.pageCache ||
      (req.method !== "GET" && req.method !== "HEAD") ||
      req.headers.authorization !== undefined ||
      !cacheableUrl(req.url)
    ) {
      done();
      return;
    }
    const lookup = (version: SiteVersion) => {
      const page = cache.get(req.url);
      if (page && page.version === version.version) {
        if (answer(req.headers, page)) sendPage(req, reply, page);
        // A hit in an encoding no reader asked for yet: made once, then kept with the page.
        else
          withEncoding(page, preferredEncoding(req.headers["accept-encoding"])).then((made) => {
            if (cache.get(req.url) === page) cache.set(req.url, made);
            sendPage(req, reply, made);
          }, done);
        return;
      }
      renderedUnder.set(req, version);
      done();
    };
    const version = watch.fresh();
    if (version) lookup(version);
    else watch.refresh().then(lookup, done);
  };

  const onSend: onSendHookHandler = async (req, reply, payload) => {
    const version = renderedUnder.get(req);
    if (
      !version ||
      reply.statusCode !== 200 ||
      reply.hasHeader("set-cookie") ||
      reply.hasHeader("cache-control") ||
      reply.hasHeader("content-encoding") ||
      (typeof payload !== "string" && !Buffer.isBuffer(payload))
    ) {
      return payload;
    }
    // The data's own change time, the same in every process; never later than now (clock skew).
    const changed = Math.min(Date.parse(version.changedAt) || Date.now(), Date.now());
    const page = await buildCachedPage(
      typeof payload === "string" ? Buffer.from(payload) : payload,
      String(reply.getHeader("content-type") ?? "text/html; charset=utf-8"),
      version.version,
      Math.floor(changed / 1000) * 1000,
      preferredEncoding(req.headers["accept-encoding"]),
    );
    // A page rendered under a version that has since moved would only be dropped at its first hit.
    if (watch.last()?.version === version.version) cache.set(req.url, page);
    const a = answer(req.headers, page);
    if (!a) throw new Error("page cache: a page built for this request lacks its encoding");
    if (a.body === null) reply.removeHeader("content-type");
    reply.code(a.status).headers(a.headers);
    return a.body ?? "";
  };
  const serveRaw = (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.authorization !== undefined)
      return false;
    const version = watch.fresh();
    // Only URLs a pageCache route answered are ever stored, so a hit needs no routing.
    const page = version && req.url !== undefined ? cache.get(req.url) : undefined;
    if (!page || page.version !== version?.version) return false;
    const a = answer(req.headers, page);
    // Not made in this encoding yet: Fastify's hooks make it.
    if (!a) return false;
    res.writeHead(a.status, a.headers);
    if (req.method === "HEAD" || a.body === null) res.end();
    else res.end(a.body);
    return true;
  };
  return { onRequest, onSend, serveRaw, close: () => watch.close() };
}
