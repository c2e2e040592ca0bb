/**
 * @module Stopping a child process in a test without waiting forever: `once(child, "exit")` never
 * settles for a child that has already exited (its "exit" event is gone), and a child that ignores
 * or hangs on SIGTERM would hold the whole test run until CI's limit.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the child did not exit within the grace period and was killed with SIGKILL. */
  killed: boolean;
}

/** How the child ended, at once if it already has, else when it exits. */
function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
}

/**
 * Sends `signal` (unless the child has exited already) and waits up to `graceMs` for it to exit,
 * then kills it with SIGKILL; `killed` tells the test that the graceful stop did not happen.
 */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
  graceMs = 30_000,
): Promise<ChildExit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return { ...(await exitOf(child)), killed: false };
  const exited = exitOf(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((r) => {
    timer = setTimeout(() => r("late"), graceMs);
  });
  const first = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (first !== "late") return { ...first, killed: false };
  child.kill("SIGKILL");
  return { ...(await exited), killed: true };
}
