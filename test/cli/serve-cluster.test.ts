/** @module `newsdesk serve` with two web workers: both serve, a killed worker is replaced, SIGTERM stops them all. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { stopChild } from "../support/child-exit.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
after(() => tdb.drop());

/**
 * A port free right now. Not PORT=0: the workers share the primary's socket, and if the only worker
 * listening dies before the other has joined, the socket closes and port 0 would come back elsewhere.
 */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  return typeof address === "object" && address ? address.port : 0;
}

/** The process's children, from Linux's /proc (the workers cluster forked). */
function childPids(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A GET on a new connection each time: a pooled one may lead to the worker just killed. */
function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

async function statusOnceListening(url: string, ms = 10_000): Promise<number> {
  for (const deadline = Date.now() + ms; ; await sleep(100)) {
    try {
      return await status(url);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ECONNREFUSED" || Date.now() > deadline) throw err;
    }
  }
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) if (check()) return;
  assert.fail(`timed out waiting until ${what}`);
}

test("serve runs NEWSDESK_WEB_WORKERS web workers, replaces one that dies, and stops them all on SIGTERM", async () => {
  const port = String(await freePort());
  const child = spawn(BIN, ["serve", "--no-fetch"], {
    env: { ...process.env, DATABASE_URL: tdb.url, PORT: port, NEWSDESK_WEB_WORKERS: "2", LOG_LEVEL: "fatal" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid ?? 0;
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let workers: number[] = [];
  try {
    let stdout = "";
    let site = "";
    for await (const chunk of child.stdout) {
      stdout += chunk;
      site = /running at (http:\/\/\S+?)\/?\s/.exec(stdout)?.[1] ?? "";
      if (site) break;
    }
    assert.ok(site, `serve printed its address (stderr: ${stderr})`);
    await until("two workers run", () => childPids(pid).length === 2);
    workers = childPids(pid);
    for (let i = 0; i < 4; i++) assert.equal(await status(`${site}/`), 200);

    const [victim] = workers;
    process.kill(victim ?? 0, "SIGKILL");
    await until("the dead worker is replaced", () => {
      const now = childPids(pid);
      return now.length === 2 && !now.includes(victim ?? 0);
    });
    workers = childPids(pid);
    // The replacement (and, if the victim was the only one listening yet, the other worker) may take
    // a moment to listen again on the port: refused connections are retried for a few seconds.
    for (let i = 0; i < 4; i++) assert.equal(await statusOnceListening(`${site}/`), 200);
  } finally {
    const exit = await stopChild(child);
    assert.deepEqual(
      exit,
      { code: 0, signal: null, killed: false },
      `serve exits cleanly on SIGTERM (stderr: ${stderr})`,
    );
  }
  for (const w of workers) assert.equal(alive(w), false, `worker ${w} stopped with the primary`);
});
