/**
 * @module Benchmark (issue 15): the soak. `newsdesk serve` (its primary, web workers and fetcher, as
 * `bin/newsdesk serve` runs them) on a fresh database for `--minutes`, while readers read the public
 * site at a steady rate, commenters post through the real form, a moderator works the queue, and a
 * local newsroom keeps publishing and correcting reports that the fetcher ingests. Prints each
 * process's memory (start, peak, end, and its slope after a minute's warm-up), the latency of every
 * route, and what was posted and ingested. It asserts no timings; it exits 1 only when the run itself
 * broke (a request or comment failed, a process died, serve did not stop cleanly).
 *
 *   node --import tsx bench/soak.ts [--minutes 10] [--db sqlite|postgres] [--rate 200] [--commenters 3]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDb } from "../src/storage/db.ts";
import { readSiteVersion } from "../src/storage/site-version.ts";
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from "../test/support/databases.ts";
import { type DemoServe, startServeCommand } from "../test/support/serve-command.ts";
import { runJsonChild } from "./support/json-child.ts";
import { type ProcessMemory, sampleProcessTree, slopePerMinute } from "./support/process-tree-memory.ts";
import { commenter, moderator, newTally } from "./support/soak-commenters.ts";
import { type SoakNewsroom, startSoakNewsroom } from "./support/soak-newsroom.ts";
import type { Figures, ReadersReport } from "./support/soak-readers.ts";

function option(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
}
const MINUTES = Number(option("minutes", "10"));
const DB = option("db", "sqlite");
/** Readers' requests per second, over READER_CONNECTIONS keep-alive connections. */
const RATE = Number(option("rate", "200"));
const READER_CONNECTIONS = 16;
const COMMENTERS = Number(option("commenters", "3"));
/** A report every 3 s (every third also covered by a second outlet), a correction every 15 s. */
const NEWSROOM = { newEveryMs: 3_000, editEveryMs: 15_000 };
/** Each commenter: a few seconds to read and type, a pause, then the next comment (about one in 10 s). */
const COMMENTING = { addresses: 3, typingMs: 4_000, pauseMs: 3_000 };
/** The moderator opens the queue this often. */
const MODERATE_EVERY_MS = 20_000;
/** Memory is sampled this often; the slope is fitted from WARMUP_MS on. */
const SAMPLE_MS = 5_000;
const WARMUP_MS = 60_000;
const root = join(import.meta.dirname, "..");
const BIN = join(root, "bin/newsdesk");
const MODERATOR = { email: "moderator@soak.example", password: "a soak moderator's long passphrase" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (x: number) => x.toFixed(1);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

async function counts(url: string) {
  const db = openDb(url);
  try {
    const n = async (table: "articles" | "article_revisions" | "stories") =>
      Number(
        (await db.kysely.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n,
      );
    const comments = await db.kysely
      .selectFrom("comments")
      .select(["status", sql<number>`count(*)`.as("n")])
      .groupBy("status")
      .execute();
    return {
      articles: await n("articles"),
      revisions: await n("article_revisions"),
      stories: await n("stories"),
      comments: Object.fromEntries(comments.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
      // Every write to what pages show moves it, and each web process drops its whole page cache then.
      version: (await readSiteVersion(db.kysely)).version,
    };
  } finally {
    await db.close();
  }
}

/**
 * `bin/newsdesk <args>` with `env` added, stdin given; throws on failure. Not execFileSync: the
 * newsroom it may fetch from runs in this process's event loop.
 */
async function cli(args: string[], env: Record<string, string>, stdin = ""): Promise<void> {
  const child = spawn(BIN, args, { env: { ...process.env, ...env }, stdio: ["pipe", "ignore", "inherit"] });
  child.stdin.end(stdin);
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`newsdesk ${args.join(" ")} exited with ${code}`);
}

/** Readers for `seconds`, in their own process; resolves with their figures. */
function runReaders(site: string, seconds: number): Promise<ReadersReport> {
  return runJsonChild<ReadersReport>(join(root, "bench/support/soak-readers.ts"), [
    site,
    String(RATE),
    String(seconds),
    String(READER_CONNECTIONS),
  ]);
}

function memoryTable(processes: ProcessMemory[]): string[] {
  const rows = [
    "| process | pid | start MB | peak MB | end MB | slope MB/min | anon slope MB/min | CPU % |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const row = (name: string, pid: string, samples: ProcessMemory["samples"]) => {
    const rss = samples.map((s) => s.rss);
    const [first, last] = [samples[0], samples.at(-1)];
    const cpu = first && last ? ((last.cpu - first.cpu) / ((last.t - first.t) / 1000)) * 100 : Number.NaN;
    rows.push(
      `| ${name} | ${pid} | ${mb(rss[0] ?? Number.NaN)} | ${mb(Math.max(...rss))} | ${mb(rss.at(-1) ?? Number.NaN)} | ${slopePerMinute(samples, WARMUP_MS, (s) => s.rss).toFixed(2)} | ${slopePerMinute(samples, WARMUP_MS, (s) => s.anon).toFixed(2)} | ${cpu.toFixed(0)} |`,
    );
  };
  for (const p of processes) row(p.goneAt !== null ? `${p.role} (GONE)` : p.role, String(p.pid), p.samples);
  // The whole tree at each sampling time: the sum over the processes sampled then.
  const times = [...new Set(processes.flatMap((p) => p.samples.map((s) => s.t)))].sort((a, b) => a - b);
  const total = times.map((t) => {
    const at = processes.flatMap((p) => p.samples.filter((s) => s.t === t));
    const sum = (k: "rss" | "anon" | "cpu") => at.reduce((a, s) => a + s[k], 0);
    return { t, rss: sum("rss"), anon: sum("anon"), cpu: sum("cpu") };
  });
  row("**all of serve**", "", total);
  return rows;
}

/** CPU the web workers used over the run, per reader request they answered, in ms. */
function webCpuPerRequest(processes: ProcessMemory[], readers: ReadersReport): number {
  const cpu = processes
    .filter((p) => p.role.startsWith("web worker"))
    .reduce((a, p) => a + ((p.samples.at(-1)?.cpu ?? 0) - (p.samples[0]?.cpu ?? 0)), 0);
  const answered = Object.values(readers.routes).reduce((n, f) => n + f.count - f.errors, 0);
  return (cpu * 1000) / answered;
}

function routeTable(report: ReadersReport): string[] {
  const rows = [
    "| route | requests | errors | redirects | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const [route, f] of Object.entries(report.routes) as Array<[string, Figures]>)
    rows.push(
      `| ${route} | ${f.count} | ${f.errors} | ${f.redirects} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} |`,
    );
  return rows;
}

/** serve's log lines on stderr (JSON), counted by level, with the first few warnings and errors. */
function logSummary(stderr: string): { byLevel: Record<string, number>; samples: string[] } {
  const byLevel: Record<string, number> = {};
  const samples: string[] = [];
  for (const line of stderr.split("\n").filter((l) => l.trim())) {
    let level = "text";
    try {
      level = String((JSON.parse(line) as { level?: number }).level ?? "text");
    } catch {
      // Not a log line (a stack trace, a warning from Node): counted as text.
    }
    byLevel[level] = (byLevel[level] ?? 0) + 1;
    if (samples.length < 5) samples.push(line.slice(0, 300));
  }
  return { byLevel, samples };
}

let tdb: TestDatabase | undefined;
let server: DemoServe | undefined;
let newsroom: SoakNewsroom | undefined;
let failed = false;
try {
  console.log(
    `soak: ${MINUTES} min on ${DB}; machine ${cpus().length} x ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `load: readers ${RATE} req/s; ${COMMENTERS} commenters (each: read, type ${COMMENTING.typingMs / 1000} s, post, pause ${COMMENTING.pauseMs / 1000} s); a moderator every ${MODERATE_EVERY_MS / 1000} s; a new report every ${NEWSROOM.newEveryMs / 1000} s and a correction every ${NEWSROOM.editEveryMs / 1000} s, each source polled once a minute`,
  );
  if (DB === "postgres") {
    process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
    tdb = await postgresTestDatabase();
  } else if (DB === "sqlite") tdb = sqliteTestDatabase();
  else throw new Error(`--db is sqlite or postgres, not ${DB}`);
  const dbUrl = tdb.url;

  const news = await startSoakNewsroom(NEWSROOM);
  const env = {
    DATABASE_URL: dbUrl,
    LOG_LEVEL: "warn",
    // The newsroom is on loopback, which the address guard refuses unless allowed; no politeness gap.
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
    // Every source once a minute (the shortest allowed). The interval learned from a feed's dates
    // would be hours: 25 items a feed is a slow week's rate, however recent they are.
    NEWSDESK_POLL_MIN_MINUTES: "1",
    NEWSDESK_POLL_MAX_MINUTES: "1",
    // The commenters are a few addresses on one IP: the per-IP and per-email limits would refuse them.
    NEWSDESK_COMMENT_RATE_PER_IP: "10000",
    NEWSDESK_COMMENT_RATE_PER_EMAIL: "10000",
  };
  for (const feed of news.feeds) await cli(["add", feed], env);
  await cli(
    ["user", "add", "--moderator", "--email", MODERATOR.email, "--name", "Soak Moderator"],
    env,
    `${MODERATOR.password}\n`,
  );

  const serve = await startServeCommand(dbUrl, ["serve"], env);
  server = serve;
  const pid = serve.child.pid as number;
  console.log(`serve: pid ${pid} at ${serve.site}; newsroom feeds: ${news.feeds.length}`);
  // The first poll ingests each outlet's backlog before the clock starts.
  const backlog = news.counts().published;
  for (const deadline = Date.now() + 120_000; (await counts(dbUrl)).articles < backlog; await sleep(1_000))
    if (Date.now() > deadline)
      throw new Error(`the first poll did not store ${backlog} articles in 2 minutes`);
  const before = await counts(dbUrl);
  console.log(`first poll done: ${before.articles} articles, ${before.stories} stories`);

  const sampler = sampleProcessTree(pid, SAMPLE_MS);
  news.start();
  const tally = newTally();
  let stopped = false;
  const stop = () => stopped;
  const loads: number[] = [];
  const progress = setInterval(() => {
    loads.push(loadavg()[0] ?? 0);
    const live = sampler.processes().filter((p) => p.goneAt === null);
    console.log(
      `memory: ${live.map((p) => `${p.role} ${mb(p.samples.at(-1)?.rss ?? 0)}`).join(", ")} MB; comments ${tally.acknowledged} acknowledged; newsroom ${news.counts().published} reports; load average ${loads.at(-1)?.toFixed(2)}`,
    );
  }, 60_000);
  const commenting = Promise.all(
    Array.from({ length: COMMENTERS }, (_, n) => commenter(serve.site, n, COMMENTING, tally, stop)),
  );
  const moderating = moderator(serve.site, MODERATOR, MODERATE_EVERY_MS, tally, stop);
  const readers = await runReaders(serve.site, MINUTES * 60);
  // Memory is measured while the load runs: not over the commenters' last posts or the shutdown.
  const processes = sampler.stop();
  stopped = true;
  clearInterval(progress);
  await Promise.all([commenting, moderating]);
  const fixture = news.counts();
  const exitCode = await serve.stop();
  server = undefined;
  const after = await counts(dbUrl);
  const logs = logSummary(serve.stderr());

  const out: string[] = [];
  out.push(
    "",
    `### Memory (RSS, sampled every ${SAMPLE_MS / 1000} s; slope fitted after ${WARMUP_MS / 1000} s)`,
    "",
  );
  out.push(...memoryTable(processes));
  out.push(
    "",
    `### Readers (${RATE} req/s for ${readers.seconds.toFixed(0)} s over ${READER_CONNECTIONS} connections)`,
    "",
  );
  out.push(...routeTable(readers));
  out.push(
    "",
    `article page p99 by minute (ms): ${readers.articleByMinute.map((f) => ms(f.p99)).join(", ")}`,
    `article page max by minute (ms): ${readers.articleByMinute.map((f) => ms(f.max)).join(", ")}`,
    `machine load average (1 min) by minute: ${loads.map((l) => l.toFixed(2)).join(", ")}`,
    `web workers' CPU per reader request answered: ${webCpuPerRequest(processes, readers).toFixed(2)} ms (all of their CPU, commenters' and the moderator's requests included)`,
    `readers' process: ${(readers.cpuShare * 100).toFixed(0)}% of a core, worst lag behind schedule ${ms(readers.lagMax)} ms; links known at the end: ${readers.links.articles} articles, ${readers.links.stories} stories, ${readers.links.sources} sources`,
  );
  const refused = [...tally.refused].map(([k, v]) => `${k} x ${v}`).join(", ") || "none";
  out.push(
    "",
    "### Comments",
    "",
    `posted ${tally.posted}, acknowledged ${tally.acknowledged} (${tally.approvedAtOnce} shown at once, ${tally.held} held), refused: ${refused}`,
    `moderator: ${tally.moderated.rounds} rounds, approved ${tally.moderated.approved}, trashed ${tally.moderated.trashed}`,
    `stored: ${JSON.stringify(after.comments)}`,
    "",
    "### Ingest",
    "",
    `articles ${before.articles} -> ${after.articles} (+${after.articles - before.articles} during the run), revisions ${before.revisions} -> ${after.revisions}, stories ${before.stories} -> ${after.stories}`,
    `the data version moved ${after.version - before.version} times (${((after.version - before.version) / (readers.seconds / 60)).toFixed(0)} a minute); each web process checks it every 500 ms and drops every cached page when it moved`,
    `newsroom: ${fixture.published} reports published (${fixture.published - backlog} during the run), ${fixture.edits} edits; served ${fixture.feedPolls} feed polls and ${fixture.pageFetches} article pages`,
    "",
    `serve exited with ${exitCode}; its log lines by level: ${JSON.stringify(logs.byLevel)}`,
    ...logs.samples.map((l) => `  ${l}`),
  );
  console.log(out.join("\n"));

  const readerErrors = Object.values(readers.routes).reduce((n, f) => n + f.errors, 0);
  const died = processes.filter((p) => p.goneAt !== null);
  const storedComments = Object.values(after.comments).reduce((a, b) => a + b, 0);
  const problems = [
    readerErrors > 0
      ? `${readerErrors} reader requests failed: ${readers.errorSamples.slice(0, 5).join("; ")}`
      : "",
    tally.refused.size > 0 ? `comments refused: ${refused}` : "",
    storedComments !== tally.acknowledged
      ? `${tally.acknowledged} comments acknowledged but ${storedComments} stored`
      : "",
    died.length > 0
      ? `processes gone during the run: ${died.map((p) => `${p.role} ${p.pid}`).join(", ")}`
      : "",
    exitCode !== 0 ? `serve exited with ${exitCode}` : "",
  ].filter(Boolean);
  for (const p of problems) console.log(`RUN BROKE: ${p}`);
  failed = problems.length > 0;
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  if (server) await server.stop();
  await newsroom?.close();
  await tdb?.drop();
}
process.exit(failed ? 1 : 0);
