/**
 * @module Readers at a steady rate, timed to the microsecond: GETs `url` at `rate` requests/s for
 * `seconds` over a pool of connections, each request started on schedule (open loop, so a slow server
 * cannot slow the load and hide its own latency), and prints JSON latency figures in milliseconds.
 * Run as its own process so its CPU is not the server's or the spammer's.
 *
 *   node --import tsx bench/support/steady-readers.ts <url> <rate> <seconds> [connections=10]
 */
import { Pool } from "undici";

const [url = "", rateArg = "300", secondsArg = "10", connectionsArg = "10"] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const target = new URL(url);
const pool = new Pool(target.origin, { connections: Number(connectionsArg), pipelining: 1 });
const latencies: number[] = [];
let errors = 0;
const total = Math.round(rate * seconds);
const started = performance.now();

async function one(): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await pool.request({ method: "GET", path: target.pathname + target.search });
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
  inflight.push(one());
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
    errors,
  }),
);
