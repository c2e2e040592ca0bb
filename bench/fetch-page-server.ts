/** @module Benchmark origin: small HTML pages on 127.0.0.1 for any Host, counting requests in flight per host. */
import { createServer } from "node:http";

const page = (n: string) =>
  `<!doctype html><html><head><title>Page ${n}</title></head><body><article><h1>Page ${n}</h1>${"<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>".repeat(20)}</article></body></html>`;

const inFlight = new Map<string, number>();
const maxInFlight = new Map<string, number>();
let served = 0;
/** Each page takes this long, like a modest real server; makes per-host limits visible. */
const DELAY_MS = Number(process.env.PAGE_DELAY_MS ?? 5);

const server = createServer((req, res) => {
  if (req.url === "/stats") {
    res.end(JSON.stringify({ served, maxInFlight: Object.fromEntries(maxInFlight) }));
    return;
  }
  if (req.url === "/reset") {
    served = 0;
    maxInFlight.clear();
    res.end("ok");
    return;
  }
  const host = req.headers.host ?? "";
  const now = (inFlight.get(host) ?? 0) + 1;
  inFlight.set(host, now);
  maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, now));
  setTimeout(() => {
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    served++;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page(req.url ?? ""));
  }, DELAY_MS);
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`${typeof addr === "object" && addr ? addr.port : 0}\n`);
});
process.on("SIGTERM", () => process.exit(0));
