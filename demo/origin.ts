/** @module The demo newsroom's HTTP origin: serves the fictional outlets' pages, feeds and images on a local port. */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { demoOutlets, type FeedFormat } from "./content/index.ts";
import { EditTimeline } from "./edits.ts";
import { feedPath, homePath } from "./paths.ts";
import { httpDate } from "./render/dates.ts";
import { renderNotFound } from "./render/listing.ts";
import { buildRoutes, type Resource } from "./site.ts";

export interface DemoFeed {
  outletSlug: string;
  outletName: string;
  feedUrl: string;
  format: FeedFormat;
  siteUrl: string;
  /** The feed's title; a section feed's names its section, e.g. "The Harbor Herald » Science". */
  title: string;
  /** "main" for the outlet's own feed, "section" for a narrower feed repeating some of its items. */
  kind: "main" | "section";
}

export interface DemoOrigin {
  baseUrl: string;
  feeds: DemoFeed[];
  close(): Promise<void>;
}

/** True if the If-None-Match header lists the entity tag (weak comparison, as RFC 9110 asks for GET). */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

function isNotModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = req.headers["if-modified-since"];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  const buffer = Buffer.from(body, "utf8");
  res.writeHead(status, { ...headers, "Content-Length": String(buffer.length) });
  res.end(req.method === "HEAD" ? undefined : buffer);
}

function serve(req: IncomingMessage, res: ServerResponse, resource: Resource, baseUrl: string): void {
  const body = resource.render(baseUrl);
  const lastModified = resource.lastModified();
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;
  const headers = {
    "Content-Type": resource.contentType,
    "Last-Modified": httpDate(lastModified),
    ETag: etag,
    "Cache-Control": "public, max-age=60",
    "X-Content-Type-Options": "nosniff",
  };
  if (isNotModified(req, etag, lastModified)) {
    const { "Content-Type": _type, ...notModifiedHeaders } = headers;
    res.writeHead(304, notModifiedHeaders);
    res.end();
  } else {
    send(req, res, 200, headers, body);
  }
  resource.answered?.(req.method);
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Map<string, Resource>,
  baseUrl: string,
): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(
      req,
      res,
      405,
      { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
      "Method Not Allowed\n",
    );
    return;
  }
  let path: string;
  try {
    path = decodeURI(new URL(req.url ?? "/", "http://demo.invalid").pathname);
  } catch {
    path = "";
  }
  const resource = routes.get(path);
  if (resource) {
    serve(req, res, resource, baseUrl);
    return;
  }
  if (path && !path.endsWith("/") && routes.has(`${path}/`)) {
    send(
      req,
      res,
      301,
      { Location: `${baseUrl}${path}/`, "Content-Type": "text/plain; charset=utf-8" },
      "Moved\n",
    );
    return;
  }
  send(
    req,
    res,
    404,
    { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    renderNotFound(path || "/"),
  );
}

function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off("listening", onListening);
      const where = `${host}:${port}`;
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`Demo origin cannot listen on ${where}: the port is already in use (EADDRINUSE)`, {
              cause: err,
            })
          : new Error(`Demo origin cannot listen on ${where}: ${err.message}`, { cause: err }),
      );
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Starts the demo newsroom's HTTP origin. Defaults: host "127.0.0.1", port 0 (ephemeral). */
export async function startDemoOrigin(options: { host?: string; port?: number } = {}): Promise<DemoOrigin> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const routes = buildRoutes(new EditTimeline());
  let baseUrl = "";
  const server = createServer((req, res) => handle(req, res, routes, baseUrl));
  await listen(server, host, port);
  baseUrl = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;

  const feeds: DemoFeed[] = demoOutlets.flatMap((outlet) => {
    const common = {
      outletSlug: outlet.slug,
      outletName: outlet.name,
      format: outlet.feed.format,
      siteUrl: baseUrl + homePath(outlet),
    };
    return [
      { ...common, feedUrl: baseUrl + feedPath(outlet), title: outlet.name, kind: "main" as const },
      ...outlet.sectionFeeds.map((f) => ({
        ...common,
        feedUrl: baseUrl + f.path,
        title: f.title,
        kind: "section" as const,
      })),
    ];
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };
  return { baseUrl, feeds, close };
}
