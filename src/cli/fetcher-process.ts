/**
 * @module `serve`'s background work (fetching and ingesting sources, sending queued email,
 * housekeeping) in a process of its own, so the process that accepts connections never parses a feed
 * or extracts a page: a hostile or huge feed slows the fetcher, never the site. The serving process
 * forks it with the same command and NEWSDESK_PROCESS_ROLE=fetcher, restarts it if it dies, and stops
 * it on shutdown; the fetcher stops by itself when the serving process is gone.
 */
import { type ChildProcess, fork } from "node:child_process";
import { setPriority } from "node:os";
import type { Logger } from "../log.ts";

/** The environment variable that makes a forked `serve` the fetcher. */
export const PROCESS_ROLE_ENV = "NEWSDESK_PROCESS_ROLE";
/** A fetcher that dies sooner than this after starting is restarted after a pause, so a crash loop cannot spin. */
const QUICK_CRASH_MS = 5_000;
/**
 * The fetcher's scheduling priority (nice value): it parses and writes in bursts that can take a core
 * for seconds, and readers come first. On two cores, at the same priority, its bursts pushed the
 * front page's p99 from under 30 ms to over 150 ms.
 */
const FETCHER_NICENESS = 10;
/** How long the fetcher gets to finish its current write before it is killed. */
const STOP_GRACE_MS = 10_000;

export interface FetcherProcess {
  /** Stops the fetcher (SIGTERM, then SIGKILL after the grace period) and restarts it no more. */
  stop(): Promise<void>;
}

/** Whether this process is the fetcher a serving process forked. */
export function isFetcherProcess(): boolean {
  return process.env[PROCESS_ROLE_ENV] === "fetcher";
}

/** Forks the fetcher: this same command (`serve` with its options), with `env` added. */
export function startFetcherProcess(log: Logger, env: Record<string, string>): FetcherProcess {
  let child: ChildProcess | null = null;
  let stopping = false;
  const start = () => {
    if (stopping) return;
    const startedAt = Date.now();
    const script = process.argv[1] ?? "";
    const proc = fork(script, process.argv.slice(2), {
      execArgv: process.execArgv,
      env: { ...process.env, ...env, [PROCESS_ROLE_ENV]: "fetcher" },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child = proc;
    try {
      if (proc.pid !== undefined) setPriority(proc.pid, FETCHER_NICENESS);
    } catch (err) {
      // Not permitted everywhere (some containers); the fetcher then runs at the serve's priority.
      log.warn({ error: String(err) }, "could not lower the fetcher's priority");
    }
    let replaced = false;
    const replace = () => {
      if (stopping || replaced) return;
      replaced = true;
      setTimeout(start, Date.now() - startedAt < QUICK_CRASH_MS ? 1_000 : 0).unref();
    };
    proc.once("exit", (code, signal) => {
      if (!stopping) log.error({ pid: proc.pid, code, signal }, "fetcher process died; starting another");
      replace();
    });
    // A fork that fails (no memory, no process slots) emits 'error', maybe without 'exit'; unheard, it
    // would take down the serving process.
    proc.on("error", (err) => {
      if (!stopping) log.error({ error: String(err) }, "fetcher process failed; starting another");
      replace();
    });
  };
  start();
  return {
    async stop() {
      stopping = true;
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => proc.kill("SIGKILL"), STOP_GRACE_MS);
        proc.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        proc.kill("SIGTERM");
      });
    },
  };
}
