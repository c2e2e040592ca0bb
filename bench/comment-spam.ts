/**
 * @module Benchmark: 10,000 spam comments from one address against the site as `npm start` runs it,
 * while readers load the article page at a steady rate. Prints the readers' latency idle and under the
 * flood (rounds alternate, medians reported), how the flood was answered, and checks that every
 * approved comment is still there, unchanged.
 *
 *   node --import tsx bench/comment-spam.ts [posts=10000] [seconds=20] [--rounds=3] [--rate=300]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import { setCommentStatus } from "../src/storage/comment-moderation.ts";
import { openDb } from "../src/storage/db.ts";
import { runJsonChild } from "./support/json-child.ts";

const numbers = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const POSTS = Number(numbers[0] ?? 10_000);
const SECONDS = Number(numbers[1] ?? 20);
const flag = (name: string, dflt: number) =>
  Number(
    new RegExp(`^--${name}=(\\d+)$`).exec(process.argv.find((a) => a.startsWith(`--${name}=`)) ?? "")?.[1] ??
      dflt,
  );
const ROUNDS = flag("rounds", 3);
/** Readers' requests per second: a steady rate well under capacity, so latency measures responsiveness. */
const READER_RATE = flag("rate", 300);
const READER_CONNECTIONS = 10;
const SPAM_CONNECTIONS = 10;
/** The spammer's own source address (all of 127.0.0.0/8 is loopback), apart from the readers'. */
const SPAM_ADDRESS = "127.0.0.2";
const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-comment-spam-"));
const dbUrl = `sqlite:${join(dir, "newsdesk.db")}`;
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

interface Latency {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  errors: number;
}

/** Readers at a fixed rate, timed to the microsecond, in their own process (support/steady-readers.ts). */
function readers(url: string, seconds: number): Promise<Latency> {
  return runJsonChild<Latency>(join(root, "bench/support/steady-readers.ts"), [
    url,
    String(READER_RATE),
    String(seconds),
    String(READER_CONNECTIONS),
  ]);
}

/** `count` spam posts paced evenly over `seconds` from SPAM_ADDRESS; returns the answers' status counts. */
async function spam(site: string, path: string, token: string, count: number, seconds: number) {
  // The client's own option: undici's connector overrides a `connect: { localAddress }` with it.
  const pool = new Pool(site, { connections: SPAM_CONNECTIONS, localAddress: SPAM_ADDRESS });
  const statuses = new Map<number, number>();
  const started = Date.now();
  let sent = 0;
  const worker = async () => {
    for (;;) {
      const i = sent++;
      if (i >= count) return;
      const due = started + (i * seconds * 1000) / count;
      if (due > Date.now()) await sleep(due - Date.now());
      const body = new URLSearchParams({
        name: "Cheap Pills",
        email: "spam@spam.test",
        website: "https://spam.test/",
        comment: `Buy now https://spam.test/a https://spam.test/b https://spam.test/c offer ${i}`,
        token,
        url_confirm: "",
      }).toString();
      const res = await pool.request({
        method: "POST",
        path: `${path}/comments`,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: site },
        body,
      });
      await res.body.dump();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: SPAM_CONNECTIONS * 4 }, worker));
  await pool.close();
  return { statuses, seconds: (Date.now() - started) / 1000 };
}

async function approvedSnapshot(): Promise<{ count: number; digest: string }> {
  const db = openDb(dbUrl);
  try {
    const rows = await db.kysely
      .selectFrom("comments")
      .select([
        "id",
        "article_id",
        "parent_id",
        "author_name",
        "author_email",
        "author_url",
        "body_html",
        "created_at",
      ])
      .where("status", "=", "approved")
      .orderBy("id")
      .execute();
    return { count: rows.length, digest: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
  } finally {
    await db.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

try {
  console.log(
    `machine: ${cpus().length} x ${cpus()[0]?.model}, Node ${process.version}; readers ${READER_RATE} req/s over ${READER_CONNECTIONS} connections; ${POSTS} spam posts over ${SECONDS} s from ${SPAM_ADDRESS}; ${ROUNDS} rounds`,
  );
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  const [sitePort, demoPort] = [await freePort(), await freePort()];
  const server = spawn(process.execPath, [join(root, "dist/src/main.js"), "serve", "--demo"], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(sitePort),
      NEWSDESK_DEMO_PORT: String(demoPort),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(server);
  const site = `http://127.0.0.1:${sitePort}`;
  let path = "";
  for (const deadline = Date.now() + 120_000; !path && Date.now() < deadline; await sleep(500)) {
    const html = await fetch(site).then(
      (r) => r.text(),
      () => "",
    );
    path = /\/articles\/\d+-[\w-]+/.exec(html)?.[0] ?? "";
  }
  if (!path) throw new Error("comment-spam: no demo article appeared within 2 minutes");
  const articleId = Number(/\/articles\/(\d+)/.exec(path)?.[1]);
  const tokenOf = async () =>
    ((await (await fetch(`${site}/comments/form-token?article=${articleId}`)).json()) as { token: string })
      .token;

  // Readers' comments, approved by a moderator, that the flood must not touch.
  const legit = await tokenOf();
  await sleep(3_500); // the form's minimum fill time
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${site}${path}/comments`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: site },
      body: new URLSearchParams({
        name: `Reader ${i}`,
        email: `reader${i}@example.org`,
        website: "",
        comment: `A considered point number ${i} about this report.`,
        token: legit,
        url_confirm: "",
      }).toString(),
    });
    if (res.status !== 303) throw new Error(`comment-spam: a reader's comment got ${res.status}`);
  }
  {
    const db = openDb(dbUrl);
    const ids = await db.kysely.selectFrom("comments").select("id").execute();
    await setCommentStatus(
      db.kysely,
      ids.map((r) => Number(r.id)),
      "approved",
      new Date(),
    );
    await db.close();
  }
  await sleep(1_500); // past the page cache's version check
  const before = await approvedSnapshot();
  const articleUrl = `${site}${path}`;
  await readers(articleUrl, 3); // warm-up

  const idle: Latency[] = [];
  const busy: Latency[] = [];
  const answered = new Map<number, number>();
  const spamToken = await tokenOf();
  await sleep(3_500);
  for (let round = 0; round < ROUNDS; round++) {
    // The order alternates, so warming up (or a neighbour's load fading) favours neither phase.
    const flood = () =>
      Promise.all([
        readers(articleUrl, SECONDS),
        spam(site, path, spamToken, Math.ceil(POSTS / ROUNDS), SECONDS),
      ]);
    let flooded: Latency;
    let result: Awaited<ReturnType<typeof spam>>;
    if (round % 2 === 0) {
      idle.push(await readers(articleUrl, SECONDS));
      [flooded, result] = await flood();
    } else {
      [flooded, result] = await flood();
      idle.push(await readers(articleUrl, SECONDS));
    }
    busy.push(flooded);
    for (const [s, n] of result.statuses) answered.set(s, (answered.get(s) ?? 0) + n);
    console.log(
      `round ${round + 1}: idle mean ${idle.at(-1)?.mean.toFixed(3)} / p50 ${idle.at(-1)?.p50.toFixed(3)} / p99 ${idle.at(-1)?.p99.toFixed(2)} ms; flood mean ${flooded.mean.toFixed(3)} / p50 ${flooded.p50.toFixed(3)} / p99 ${flooded.p99.toFixed(2)} ms; spam sent in ${result.seconds.toFixed(1)} s`,
    );
  }
  const after = await approvedSnapshot();
  const stored = await (async () => {
    const db = openDb(dbUrl);
    try {
      const r = await db.kysely
        .selectFrom("comments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("author_email", "=", "spam@spam.test")
        .executeTakeFirstOrThrow();
      return Number(r.n);
    } finally {
      await db.close();
    }
  })();

  const row = (name: string, xs: Latency[]) =>
    `| ${name} | ${median(xs.map((x) => x.rps)).toFixed(0)} | ${median(xs.map((x) => x.mean)).toFixed(3)} | ${median(xs.map((x) => x.p50)).toFixed(3)} | ${median(xs.map((x) => x.p90)).toFixed(3)} | ${median(xs.map((x) => x.p99)).toFixed(2)} | ${xs.reduce((a, x) => a + x.errors, 0)} |`;
  console.log(
    "\n| readers | req/s | mean ms | p50 ms | p90 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|",
  );
  console.log(row("idle", idle));
  console.log(row("during the flood", busy));
  const ratio = (k: keyof Latency) => median(busy.map((x) => x[k])) / median(idle.map((x) => x[k]));
  console.log(
    `\nflood / idle: mean ${ratio("mean").toFixed(2)}, p50 ${ratio("p50").toFixed(2)}, p90 ${ratio("p90").toFixed(2)}, p99 ${ratio("p99").toFixed(2)}`,
  );
  console.log(
    `spam answers: ${[...answered].map(([s, n]) => `${s} x ${n}`).join(", ")}; spam comments stored: ${stored}`,
  );
  const unchanged = before.count === after.count && before.digest === after.digest;
  console.log(
    `approved comments: ${before.count} before, ${after.count} after, ${unchanged ? "unchanged" : "CHANGED"}`,
  );
  const pass = ratio("p50") <= 1.1 && ratio("mean") <= 1.1 && unchanged && stored <= 10;
  console.log(
    `\nreaders within 10% (p50 and mean), approved comments unchanged, spam throttled: ${pass ? "PASS" : "FAIL"}`,
  );
} finally {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([once(child, "exit"), sleep(15_000)]);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
