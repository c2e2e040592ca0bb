/** @module A task run every so often in the background, never two runs at once, errors logged and survived. */
import type { Logger } from "../log.ts";

export interface Repeating {
  /** Runs the task now (or waits for the run in progress). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `everyMs`; a tick that comes while a run is in progress is skipped,
 * so runs never overlap however slow one is. The timer does not keep the process alive.
 */
export function repeatEvery(
  name: string,
  everyMs: number,
  task: () => Promise<void>,
  log: Logger,
): Repeating {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    running ??= task()
      .catch((err: unknown) => log.error({ job: name, error: String(err) }, "background job failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, everyMs);
  timer.unref();
  void run();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
