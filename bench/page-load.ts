/**
 * @module Benchmark: the article page under load, as `npm start` serves it (built dist, default web
 * workers, demo content in a fresh SQLite file), against nginx serving the same HTML as a static
 * file and one plain Node process returning it as a string, all in one run, 50 connections each.
 *
 *   node --import tsx bench/page-load.ts [seconds=15] [--wrk] [--rounds=1]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

const SECONDS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
const USE_WRK = process.argv.includes("--wrk");
/** Rounds of the three servers in turn; the median round per server is reported (the VM is noisy). */
const ROUNDS = Number(
  /^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith("--rounds=")) ?? "")?.[1] ?? 1,
);
const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-page-load-"));
chmodSync(dir, 0o755); // nginx's workers run as nobody and must read the page
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Load from a separate process (autocannon's CLI, or wrk), so the load generator's CPU is not ours. */
function load(url: string, seconds: number): Figures {
  if (USE_WRK) {
    const out = execFileSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", url], {
      encoding: "utf8",
    });
    const ms = (label: string) => {
      const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
      if (!m) return Number.NaN;
      return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
    };
    const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
      p50: ms("50"),
      p99: ms("99"),
      errors: Number(errors),
    };
  }
  const out = execFileSync(
    process.execPath,
    [
      join(root, "node_modules/autocannon/autocannon.js"),
      "-c",
      String(CONNECTIONS),
      "-d",
      String(seconds),
      "-j",
      url,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const r = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

function measure(name: string, url: string): Figures {
  load(url, WARMUP_SECONDS);
  const figures = load(url, SECONDS);
  console.log(
    `${name}: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms, errors ${figures.errors}`,
  );
  return figures;
}

async function waitForArticles(base: string): Promise<string[]> {
  let last = -1;
  let stableSince = Date.now();
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
    const html = await fetch(base).then(
      (r) => r.text(),
      () => "",
    );
    const links = [...new Set(html.match(/\/articles\/\d+-[\w-]+/g) ?? [])];
    if (links.length !== last) {
      last = links.length;
      stableSince = Date.now();
    } else if (links.length > 0 && Date.now() - stableSince > 5_000) return links;
  }
  throw new Error("page-load: the demo articles did not appear within 2 minutes");
}

function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return child;
}

async function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGTERM");
    await Promise.race([once(child, "exit"), sleep(15_000)]);
  }
  rmSync(dir, { recursive: true, force: true });
}

try {
  console.log(
    `machine: ${cpus().length} x ${cpus()[0]?.model}, Node ${process.version}; load: ${USE_WRK ? "wrk -t1" : "autocannon"}, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up`,
  );
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  const [sitePort, demoPort, nginxPort] = [await freePort(), await freePort(), await freePort()];
  // As `npm start` runs it: the built dist, `serve --demo`, default settings but ports and database.
  spawnChild(process.execPath, [join(root, "dist/src/main.js"), "serve", "--demo"], {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, "newsdesk.db")}`,
    PORT: String(sitePort),
    NEWSDESK_DEMO_PORT: String(demoPort),
    LOG_LEVEL: "warn",
  });
  const site = `http://127.0.0.1:${sitePort}`;
  const links = await waitForArticles(`${site}/`);
  // The longest article page: the one that costs most to send, as a full-text article would.
  const pages = await Promise.all(
    links.map(async (l) => ({ l, html: await fetch(`${site}${l}`).then((r) => r.text()) })),
  );
  const { l: path, html } = pages.reduce((a, b) => (b.html.length > a.html.length ? b : a));
  const articleUrl = `${site}${path}`;
  writeFileSync(join(dir, "page.html"), html);
  chmodSync(join(dir, "page.html"), 0o644);
  console.log(`article page: ${path} (${Buffer.byteLength(html)} bytes); ${links.length} articles stored`);

  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${dir};
    location / { try_files /page.html =404; }
  }
}
`,
  );
  spawnChild("nginx", ["-p", dir, "-c", join(dir, "nginx.conf")]);
  const single = spawnChild(process.execPath, [
    "--import",
    "tsx",
    join(root, "bench/support/static-string-server.ts"),
    join(dir, "page.html"),
  ]);
  const [portLine] = (await once(single.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  await sleep(500);

  const targets: Array<[string, string]> = [
    ["nginx (worker_processes auto, static file)", `http://127.0.0.1:${nginxPort}/`],
    ["newsdesk (npm start: default workers, render cache)", articleUrl],
    ["one node:http process returning a cached string", `http://127.0.0.1:${portLine.toString().trim()}/`],
  ];
  const rounds = targets.map(() => [] as Figures[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [name, url]] of targets.entries()) rounds[i]?.push(measure(name, url));
  }
  // The median round by requests/s, with its own latencies.
  const results = rounds.map((runs, i) => {
    const sorted = [...runs].sort((a, b) => a.rps - b.rps);
    return { ...(sorted[Math.floor(sorted.length / 2)] as Figures), name: targets[i]?.[0] ?? "" };
  });
  const nginx = results[0] as Figures;
  console.log("\n| server | req/s | p50 ms | p99 ms | errors | / nginx |\n|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${(r.rps / nginx.rps).toFixed(2)} |`,
    );
  }
  const nd = results[1] as Figures;
  // Fast errors are no throughput: any failed request fails the run.
  const pass = nd.rps >= 0.5 * nginx.rps && nd.p99 < 20 && nd.errors === 0;
  console.log(
    `\nnewsdesk/nginx ${(nd.rps / nginx.rps).toFixed(2)} (target >= 0.50), p99 ${nd.p99} ms (target < 20), errors ${nd.errors}: ${pass ? "PASS" : "FAIL"}`,
  );
} finally {
  await stopAll();
}
