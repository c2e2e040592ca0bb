/** @module Builds the Fastify app: assets, the route list, and one error handler for every failure. */

import { createServer } from "node:http";
import { constants as zlib } from "node:zlib";
import compress from "@fastify/compress";
import Fastify, { type FastifyReply, LogController } from "fastify";
import { NewsdeskError } from "../errors.ts";
import { closeQueueClients } from "../queue/enqueue.ts";
import { storageFailure } from "../storage/storage-errors.ts";
import { adminRoutes } from "./admin/plugin.ts";
import { assets } from "./assets.ts";
import { commentsPlugin } from "./comments/routes.ts";
import { preferredEncoding } from "./conditional.ts";
import type { WebContext } from "./context.ts";
import { createPageCache } from "./page-cache.ts";
import { ErrorPage, errorTitle } from "./pages/error-page.tsx";
import { rejectNulBody } from "./reject-nul.ts";
import { renderPage } from "./render.tsx";
import { compressOnce } from "./render-cache.ts";
import { routes } from "./routes.ts";
import { securityHeaders } from "./security-headers.ts";
import { trustProxyOption } from "./trust-proxy.ts";

function errorDocument(ctx: WebContext, status: number, message: string): string {
  return renderPage(
    ctx.config,
    { title: errorTitle(status), noindex: true },
    <ErrorPage status={status} message={message} />,
  );
}

/**
 * Brotli at quality 4 for per-request compression: about gzip's speed with smaller output; the page
 * cache compresses its pages once at the highest levels instead.
 */
const BROTLI_FAST = { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } };

/** The web app, ready to `listen()` or to `inject()` in tests. */
export function buildApp(ctx: WebContext) {
  // Per-request lines would dominate the log at news-site traffic; errors are logged by the handler below.
  const pageCache = createPageCache(ctx);
  const security = securityHeaders(ctx.config);
  const app = Fastify({
    loggerInstance: ctx.log.child({ component: "web" }),
    logController: new LogController({ disableRequestLogging: true }),
    // request.ip and request.protocol believe X-Forwarded-* only from these proxies.
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    // Requests Fastify refuses before routing (broken %-encoding, an over-long parameter) get the
    // site's own error page, not Fastify's JSON.
    frameworkErrors: (_err, _req, reply: FastifyReply) => {
      reply
        .code(400)
        .type("text/html; charset=utf-8")
        .send(
          errorDocument(
            ctx,
            400,
            "That address could not be read. Check it for stray % signs or a cut-off link.",
          ),
        );
    },
    // Cached pages are answered before Fastify routes the request (inject() goes through the hooks).
    serverFactory: (handler, options) => {
      const server = createServer((req, res) => {
        // Every response, a cached page or Fastify's, carries the security headers.
        for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
        if (!pageCache.serveRaw(req, res)) handler(req, res);
      });
      // What Fastify sets on the servers it makes itself.
      server.keepAliveTimeout = Number(options.keepAliveTimeout ?? 72_000);
      server.requestTimeout = Number(options.requestTimeout ?? 0);
      server.setTimeout(Number(options.connectionTimeout ?? 0));
      return server;
    },
  });

  // Before the routes: hooks apply to routes added after them.
  app.addHook("onRequest", pageCache.onRequest);
  app.addHook("onSend", pageCache.onSend);
  app.addHook("onClose", async () => pageCache.close());
  // The queue connection a WebSub push opened (PostgreSQL) closes with the app.
  app.addHook("onClose", async () => {
    await closeQueueClients();
  });
  for (const asset of assets) {
    const forms = compressOnce(asset.body);
    app.get(asset.path, async (req, reply) => {
      const encoding = preferredEncoding(req.headers["accept-encoding"]);
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      return reply
        .type(asset.contentType)
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("vary", "Accept-Encoding")
        .send(forms[encoding]);
    });
  }
  // Responses the page cache does not hold (feeds, search, sitemaps, error pages) are compressed per
  // request. The routes go in a plugin registered after @fastify/compress, so its per-route hooks see
  // them; a cached page arrives already encoded, and the plugin leaves an encoded body alone.
  app.register(compress, { global: true, encodings: ["br", "gzip"], brotliOptions: BROTLI_FAST });
  app.register(async (site) => {
    site.addHook("preValidation", rejectNulBody);
    for (const route of routes.filter((r) => !r.rawBody)) {
      site.route({
        method: route.method,
        url: route.url,
        config: { pageCache: route.pageCache === true },
        handler: (req, reply) => route.handler(ctx, req, reply),
      });
    }
    site.register(adminRoutes(ctx));
    // Comments: posting, the form token, comment feeds, deletion links (web/comments/).
    site.register(commentsPlugin(ctx));
    // The 404 page is no route, so @fastify/compress's per-route hook never sees it; it is the same
    // page for every address, so it is rendered and compressed once.
    const notFound = compressOnce(
      errorDocument(
        ctx,
        404,
        "We could not find that page. It may have moved, or the address may be mistyped.",
      ),
    );
    site.setNotFoundHandler((req, reply) => {
      const encoding = preferredEncoding(req.headers["accept-encoding"]);
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      reply
        .code(404)
        .type("text/html; charset=utf-8")
        .header("vary", "Accept-Encoding")
        .send(notFound[encoding]);
    });
  });
  // WebSub pushes arrive under any feed content type and their signature covers the exact bytes, so
  // these routes get the raw body; the parsers are scoped to this plugin and other routes keep Fastify's.
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    for (const route of routes.filter((r) => r.rawBody)) {
      raw.route({
        method: route.method,
        url: route.url,
        bodyLimit: ctx.config.maxBodyBytes,
        handler: (req, reply) => route.handler(ctx, req, reply),
      });
    }
  });

  app.setErrorHandler((caught, req, reply) => {
    const full = storageFailure(caught);
    if (full) req.log.error({ url: req.url }, "request failed: the database's disk is full");
    const err = full ?? caught;
    if (err instanceof NewsdeskError) {
      reply
        .code(err.status)
        .type("text/html; charset=utf-8")
        .send(errorDocument(ctx, err.status, err.message));
      return;
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err, url: req.url }, "request failed");
    const message =
      status >= 500
        ? "The server could not show this page. Please try again in a moment."
        : "The request could not be understood.";
    reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(errorDocument(ctx, status, message));
  });
  return app;
}
