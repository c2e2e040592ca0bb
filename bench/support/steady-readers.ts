/**
 * @module Readers at a steady rate, timed to the microsecond: GETs `url` at `rate` requests/s for
 * `seconds` over a pool of connections, each request started on schedule (open loop, so a slow server
 * cannot slow the load and hide its own latency), and prints JSON latency figures in milliseconds.
 * Run as its own process so its CPU is not the server's or the spammer's. With a JSON file of paths,
 * those are asked for in turn on `url`'s origin instead, accepting brotli or gzip as a browser does
 * (bench/scale-out.ts reads many article pages so).
 *
 *   node --import tsx bench/support/steady-readers.ts <url> <rate> <seconds> [connections=10] [paths.json]
 */
import { readFileSync } from "node:fs";
import { Pool } from "undici";

const [url = "", rateArg = "300", secondsArg = "10", connectionsArg = "10", pathsFile] =
  process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const target = new URL(url);
const pool = new Pool(target.origin, { connections: Number(connectionsArg), pipelining: 1 });
const paths = pathsFile ? (JSON.parse(readFileSync(pathsFile, "utf8")) as string[]) : null;
const headers = paths ? { "accept-encoding": "br, gzip" } : {};
const latencies: number[] = [];
let errors = 0;
const total = Math.round(rate * seconds);
const started = performance.now();

async function one(path: string): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await pool.request({ method: "GET", path, headers });
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
  inflight.push(one(paths ? (paths[i % paths.length] ?? "/") : target.pathname + target.search));
}
await Promise.all(inflight);
await pool.close();
latencies.sort((a, b) => a - b);
const at = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / ((performance.now() - started) / 1000),
    mean,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    errors,
  }),
);
