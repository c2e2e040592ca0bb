/**
 * @module `serve` over several processes: web workers sharing the port (node:cluster), and the
 * primary, which alone fetches sources and runs the demo newsroom, restarts crashed workers and
 * stops them all on SIGINT/SIGTERM.
 */
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "../log.ts";

/** A worker that dies sooner than this after starting is restarted only after a pause, so a crash loop cannot spin. */
const QUICK_CRASH_MS = 5_000;
/** How long workers get to finish their requests before they are killed. */
const STOP_GRACE_MS = 10_000;

export interface WebWorkers {
  /** Resolves with the port once the first worker listens. */
  listening: Promise<number>;
  /** Stops every worker (SIGTERM, then SIGKILL after the grace period) and restarts none. */
  stop(): Promise<void>;
}

/** Forks `count` web workers running this same command; they see `cluster.isWorker` and only serve. */
export function startWebWorkers(count: number, log: Logger): WebWorkers {
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    // A restart scheduled just before stop() must not start a worker nobody will stop.
    if (!stopping) startedAt.set(cluster.fork(), Date.now());
  };
  let listened = false;
  let resolveListening: (port: number) => void = () => {};
  let rejectListening: (err: Error) => void = () => {};
  const listening = new Promise<number>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  cluster.on("listening", (_worker, address) => {
    listened = true;
    resolveListening(address.port);
  });
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    // A worker that dies before any listens (the port is taken, the address is wrong) would only die
    // again: stop them all and say so, rather than restart forever.
    if (!listened) {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      rejectListening(
        new Error(
          `the web server could not start (a web worker exited with ${signal ?? `code ${code}`} before listening; its error is printed above)`,
        ),
      );
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, "web worker died; starting another");
    setTimeout(fork, lived < QUICK_CRASH_MS ? 1_000 : 0).unref();
  });
  for (let i = 0; i < count; i++) fork();
  return {
    listening,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const kill = setTimeout(() => w.process.kill("SIGKILL"), STOP_GRACE_MS);
              w.once("exit", () => {
                clearTimeout(kill);
                resolve();
              });
              w.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
