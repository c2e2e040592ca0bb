/** @module A real HTTP server on 127.0.0.1 serving canned responses, for tests that fetch. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Answer by hand (streaming, slow drip); everything else is ignored. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

export type FixtureRoutes = Record<string, FixtureResponse | ((req: IncomingMessage) => FixtureResponse)>;

export interface FixtureServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `routes` by path (query string included if the key has one); anything else is a 404. */
export async function startFixtureServer(routes: FixtureRoutes): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    requests.push(path);
    const route = routes[path] ?? routes[path.split("?")[0] ?? ""];
    const spec: FixtureResponse =
      typeof route === "function" ? route(req) : (route ?? { status: 404, body: "not found" });
    if (spec.hang) return;
    if (spec.handle) return spec.handle(req, res);
    const send = () => {
      res.writeHead(spec.status ?? 200, spec.headers ?? { "content-type": "text/html; charset=utf-8" });
      res.end(spec.body ?? "");
    };
    if (spec.delayMs) setTimeout(send, spec.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
