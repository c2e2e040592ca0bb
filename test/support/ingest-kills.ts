/**
 * @module `newsdesk fetch` killed with SIGKILL at random moments while it ingests the growing
 * newsroom, then run again: the rounds the ingest fault test and bench/faults-kill.ts share. Each
 * round adds items, starts a fetch, kills it a random time after it asks for its first article page
 * (the feeds are fetched and parsed, storing begins), and checks the database; a last fetch runs to the
 * end. The time is uniform over how long the latest whole fetch of one round's items took; every tenth
 * round runs to its end to measure that again, as the feeds grow and the machine's load changes.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../../src/config/config.ts";
import { sweepClustering } from "../../src/jobs/clustering-sweep.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { articleFingerprints, ingestProblems, lostArticles, unfiledArticles } from "./ingest-invariants.ts";
import { type IngestNewsroom, startIngestNewsroom } from "./ingest-newsroom.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");

/** The environment of a fetch over `databaseUrl` that may reach the newsroom, quickly and quietly. */
export function fetchEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // The newsroom is on loopback, which only an explicit allow-list lets Newsdesk reach.
    NEWSDESK_ALLOW_NETWORKS: "127.0.0.1/32",
    NEWSDESK_HOST_INTERVAL_MS: "0",
    NEWSDESK_HOST_CONCURRENCY: "4",
    NEWSDESK_PAGE_CONCURRENCY: "4",
    LOG_LEVEL: "silent",
  };
}

/** Runs `newsdesk <args>` to its end; its stdout, exit code, and ms from its first page request to exit. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  newsroom: IngestNewsroom,
  killAfterMs?: (startedMs: number) => Promise<void>,
  /** The exit status the run should end with (`fetch` exits 1 when a source failed). */
  expectCode = 0,
): Promise<{ stdout: string; code: number | null; signal: string | null; workMs: number }> {
  const asked = newsroom.requests.length;
  const child = spawn(BIN, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = once(child, "exit") as Promise<[number | null, string | null]>;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const askedForPage = () => newsroom.requests.slice(asked).some((p) => p.includes("/articles/"));
  while (!done && !askedForPage()) await sleep(2);
  const started = performance.now();
  if (killAfterMs && !done) {
    await killAfterMs(started);
    child.kill("SIGKILL");
  }
  const [code, signal] = await exited;
  if (code !== expectCode && signal === null)
    throw new Error(`newsdesk ${args.join(" ")} exited ${code}: ${stderr}`);
  return { stdout, code, signal, workMs: performance.now() - started };
}

export interface IngestKillFigures {
  kills: number;
  /** Kills that came while the fetch was storing (it added articles, and had not finished). */
  midIngest: number;
  /** Kills that came after the fetch had already finished (a moment past its end). */
  afterEnd: number;
  /** Kills that came before the fetch stored anything (its first pages still being fetched or extracted). */
  beforeFirstStore: number;
  /** Articles the killed fetches had stored, all told. */
  storedByKilled: number;
  /** Of those, articles a kill left stored but not yet filed into a story (the sweep filed them). */
  leftUnfiled: number;
  /** Broken rules after a kill, each prefixed with its round. */
  problems: string[];
  /** Articles seen committed just before a kill and gone or changed after it. */
  lost: number;
  /** ms a whole fetch of one round's items took, from its first page request to its exit (the latest kill window). */
  windowMs: number;
  /** After the last, unkilled fetch: articles the feeds list that are not stored / stored twice. */
  missingAtEnd: number;
  storedAtEnd: number;
  expectedAtEnd: number;
  seconds: number;
}

/** Items each desk gains per round. */
const PER_ROUND = 6;

export interface KillRoundOptions<F> {
  /** An empty database nobody else uses. */
  databaseUrl: string;
  rounds: number;
  /** Kill moments (and the newsroom's page delays) are drawn from it. */
  random: () => number;
  /** Called after each round, for a bench's progress line. */
  onRound?: (round: number, figures: F) => void;
}

/**
 * Starts the newsroom and follows its feeds on a migrated `databaseUrl`, then runs `rounds` killed
 * fetches, each after adding items to every desk, with kill moments drawn from `random`.
 */
export async function ingestKillRounds(
  opts: KillRoundOptions<IngestKillFigures>,
): Promise<IngestKillFigures> {
  const db = openDb(opts.databaseUrl);
  const newsroom = await startIngestNewsroom(0, () => 5 + Math.floor(opts.random() * 40));
  try {
    await migrateToLatest(db);
    return await killRounds(db, newsroom, opts);
  } finally {
    await newsroom.close();
    await db.close();
  }
}

async function killRounds(
  db: Db,
  newsroom: IngestNewsroom,
  opts: KillRoundOptions<IngestKillFigures>,
): Promise<IngestKillFigures> {
  const env = fetchEnv(opts.databaseUrl);
  const started = performance.now();
  // Followed through storage, as `add` would: a CLI start per feed would cost seconds and test nothing here.
  for (const feed of newsroom.feedUrls) await insertSource(db.kysely, feed, new Date().toISOString());
  // A whole round, unkilled: how long one takes is the window kill moments are drawn from.
  newsroom.grow(PER_ROUND);
  const clean = await runCli(["fetch"], env, newsroom);
  const figures: IngestKillFigures = {
    kills: 0,
    midIngest: 0,
    afterEnd: 0,
    beforeFirstStore: 0,
    storedByKilled: 0,
    leftUnfiled: 0,
    problems: [],
    lost: 0,
    windowMs: clean.workMs,
    missingAtEnd: 0,
    storedAtEnd: 0,
    expectedAtEnd: 0,
    seconds: 0,
  };
  for (let round = 1; round <= opts.rounds; round++) {
    if (round % 10 === 0) {
      newsroom.grow(PER_ROUND);
      figures.windowMs = (await runCli(["fetch"], env, newsroom)).workMs;
    }
    newsroom.grow(PER_ROUND);
    const before = await articleFingerprints(db);
    let seen = before;
    const run = await runCli(["fetch"], env, newsroom, async (t0) => {
      if (round % 2 === 1) {
        // Every other kill comes soon after this fetch's first store: on a loaded machine a fetch can
        // take twice the clean window, and kills drawn from that window alone all landed before the
        // first store in two full runs of the suite (four kills each).
        const limit = t0 + 10 * figures.windowMs;
        while (performance.now() < limit && (await articleCount(db)) === before.size) await sleep(5);
        await sleep(0.2 * opts.random() * figures.windowMs);
      } else {
        // Not in the window's first fifth: the fetch is still asking for pages there.
        const at = (0.2 + 0.8 * opts.random()) * figures.windowMs;
        await sleep(Math.max(0, t0 + at - performance.now()));
      }
      // What is committed at the kill's moment (read just before it): none of it may be lost.
      seen = await articleFingerprints(db);
    });
    const after = await articleFingerprints(db);
    figures.kills++;
    const added = after.size - before.size;
    figures.storedByKilled += added;
    if (run.signal === null) {
      figures.afterEnd++;
      // It finished and printed its summary: that acknowledges every item its feeds listed.
      const missing = await missingKeys(db, newsroom);
      if (missing > 0)
        figures.problems.push(`round ${round}: a finished fetch left ${missing} items unstored`);
    } else if (added > 0) figures.midIngest++;
    else figures.beforeFirstStore++;
    figures.lost += lostArticles(seen, after).length;
    for (const p of await sweptProblems(db, figures)) figures.problems.push(`round ${round}: ${p}`);
    for (const p of await ingestProblems(db, opts.databaseUrl, newsroom.lastWords))
      figures.problems.push(`round ${round}: ${p}`);
    opts.onRound?.(round, figures);
  }
  await runCli(["fetch"], env, newsroom);
  for (const p of await sweptProblems(db, figures)) figures.problems.push(`at the end: ${p}`);
  figures.storedAtEnd = Number(
    (
      await db.kysely
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  figures.expectedAtEnd = newsroom.expectedKeys().size;
  figures.missingAtEnd = await missingKeys(db, newsroom);
  for (const p of await ingestProblems(db, opts.databaseUrl, newsroom.lastWords))
    figures.problems.push(`at the end: ${p}`);
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/**
 * Articles a kill left stored but unfiled (between an insert's two transactions) must be whole apart
 * from their filing; the minute's sweep (run here at once, without its grace) must then file every one.
 * Counts them in `figures.leftUnfiled`; returns the broken rules.
 */
async function sweptProblems(db: Db, figures: IngestKillFigures): Promise<string[]> {
  const { ids, problems } = await unfiledArticles(db);
  figures.leftUnfiled += ids.length;
  if (ids.length === 0) return problems;
  const report = await sweepClustering({ db: db.kysely, config: loadConfig({}), log: quietLog }, 0);
  if (report.filed !== ids.length || report.failed > 0)
    problems.push(
      `the sweep filed ${report.filed} of ${ids.length} unfiled articles (${report.failed} failed)`,
    );
  return problems;
}

const quietLog = { warn: () => {} };

async function articleCount(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of the articles the newsroom's feeds list now are not stored. */
export async function missingKeys(db: Db, newsroom: IngestNewsroom): Promise<number> {
  const rows = await db.kysely.selectFrom("articles").select("url_key").execute();
  const stored = new Set(rows.map((r) => r.url_key));
  return [...newsroom.expectedKeys()].filter((k) => !stored.has(k)).length;
}
