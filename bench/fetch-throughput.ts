/**
 * @module Benchmark: 2,000 small pages from a local server across 20 host names, through Newsdesk's
 * Fetcher (address guard, per-host limits, caps) and, as the baseline, plain undici with the same
 * total concurrency and no politeness. Prints pages/s, peak RSS and the most requests any host saw at once.
 *
 *   node --import tsx bench/fetch-throughput.ts [pages=2000] [hosts=20]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { Agent, request } from "undici";
import { parseNetworks } from "../src/fetch/address-guard.ts";
import { createFetcher } from "../src/fetch/fetcher.ts";
import type { Resolver } from "../src/fetch/resolve-host.ts";
import { mapLimit } from "../src/ingest/map-limit.ts";

const PAGES = Number(process.argv[2] ?? 2000);
const HOSTS = Number(process.argv[3] ?? 20);
const PER_HOST = 2;

const serverProc = spawn(
  process.execPath,
  ["--import", "tsx", join(import.meta.dirname, "fetch-page-server.ts")],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const [portLine] = (await once(serverProc.stdout, "data")) as [Buffer];
const port = Number(portLine.toString().trim());
const names = Array.from({ length: HOSTS }, (_, i) => `host${i + 1}.bench.test`);
const urls = Array.from({ length: PAGES }, (_, i) => `http://${names[i % HOSTS]}:${port}/page/${i}`);
// Every bench host name resolves to the local server, as a stub for DNS.
const resolver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];

async function stats(): Promise<{ served: number; maxInFlight: Record<string, number> }> {
  const res = await request(`http://127.0.0.1:${port}/stats`);
  return (await res.body.json()) as { served: number; maxInFlight: Record<string, number> };
}

async function measure(name: string, run: () => Promise<number>) {
  await request(`http://127.0.0.1:${port}/reset`).then((r) => r.body.text());
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  const bytes = await run();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const s = await stats();
  const worstHost = Math.max(...Object.values(s.maxInFlight));
  const row = {
    name,
    pages: s.served,
    seconds: Number(seconds.toFixed(2)),
    pagesPerSecond: Math.round(s.served / seconds),
    peakRssMb: Number((peak / 2 ** 20).toFixed(1)),
    rssGrowthMb: Number(((peak - base) / 2 ** 20).toFixed(1)),
    maxInFlightPerHost: worstHost,
    mb: Number((bytes / 2 ** 20).toFixed(1)),
  };
  console.log(JSON.stringify(row));
  return row;
}

async function viaFetcher(intervalMs: number): Promise<number> {
  const fetcher = createFetcher({
    userAgent: "Newsdesk-bench/0.1",
    timeoutMs: 30_000,
    connectTimeoutMs: 5_000,
    firstByteTimeoutMs: 15_000,
    maxBytes: 10 * 1024 * 1024,
    allowNetworks: parseNetworks("127.0.0.1/32"),
    hostConcurrency: PER_HOST,
    hostIntervalMs: intervalMs,
    resolver,
  });
  // Callers may start everything at once; the fetcher's per-host limiter does the pacing.
  const sizes = await Promise.all(
    urls.map((u) => fetcher.fetch(u, { expect: "html" }).then((r) => r.bytes.length)),
  );
  await fetcher.close();
  return sizes.reduce((a, b) => a + b, 0);
}

/** Baseline: undici with no guard and no per-host limits, HOSTS x PER_HOST requests in flight overall. */
async function viaPlainUndici(): Promise<number> {
  const agent = new Agent({
    connect: { lookup: (_h, _o, cb) => cb(null, [{ address: "127.0.0.1", family: 4 }]) },
  });
  const sizes = await mapLimit(urls, HOSTS * PER_HOST, async (u) => {
    const res = await request(u, { dispatcher: agent });
    return (await res.body.arrayBuffer()).byteLength;
  });
  await agent.close();
  return sizes.reduce((a, b) => a + b, 0);
}

console.log(`# ${PAGES} pages across ${HOSTS} host names, ${PER_HOST} per host, page delay 5 ms`);
const baseline = await measure("baseline: plain undici, 40 in flight, no per-host limit", viaPlainUndici);
const fast = await measure("newsdesk fetcher: 2 per host, no gap", () => viaFetcher(0));
const polite = await measure("newsdesk fetcher: defaults (2 per host, 250 ms gap)", () => viaFetcher(250));
console.log(
  `# fetcher/baseline pages/s: ${(fast.pagesPerSecond / baseline.pagesPerSecond).toFixed(2)} (no gap), ${(polite.pagesPerSecond / baseline.pagesPerSecond).toFixed(2)} (defaults)`,
);
serverProc.kill("SIGTERM");
