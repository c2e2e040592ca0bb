/**
 * @module Readers at a steady rate over many pages: GETs the paths listed in a JSON file, in turn, at
 * `rate` requests/s for `seconds` over a pool of connections, each request started on schedule (open
 * loop, so a slow server cannot slow the load and hide its own latency); prints JSON latency figures
 * in milliseconds. Run as its own process so its CPU is not the server's.
 *
 *   node --import tsx bench/support/path-readers.ts <site> <rate> <seconds> <paths.json> [connections=10]
 */
import { readFileSync } from "node:fs";
import { Pool } from "undici";

const [site = "", rateArg = "50", secondsArg = "10", pathsFile = "", connectionsArg = "10"] =
  process.argv.slice(2);
const rate = Number(rateArg);
const paths = JSON.parse(readFileSync(pathsFile, "utf8")) as string[];
const pool = new Pool(site, { connections: Number(connectionsArg), pipelining: 1 });
const latencies: number[] = [];
let errors = 0;
const total = Math.round(rate * Number(secondsArg));
const started = performance.now();

async function one(path: string): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await pool.request({ method: "GET", path, headers: { "accept-encoding": "br, gzip" } });
    await res.body.dump();
    if (res.statusCode !== 200) errors++;
  } catch {
    errors++;
  }
  latencies.push(performance.now() - t0);
}

const inflight: Array<Promise<void>> = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  inflight.push(one(paths[i % paths.length] ?? "/"));
}
await Promise.all(inflight);
await pool.close();
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    count: latencies.length,
    errors,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
  }),
);
