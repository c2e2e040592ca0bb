/** @module Politeness: at most N requests in flight per host, and a minimum gap between their starts. */

interface HostState {
  active: number;
  lastStart: number;
  waiting: Array<() => void>;
}

export interface HostLimiter {
  /** Waits for a slot on `host`; call the returned function when the request is done. */
  acquire(host: string): Promise<() => void>;
  /** Hosts with requests in flight or queued (for tests and metrics). */
  size(): number;
}

/**
 * A limiter keyed by host name. `concurrency` requests may run at once per host, and each start is
 * at least `minIntervalMs` after the previous start on that host. Idle hosts are forgotten.
 */
export function createHostLimiter(concurrency: number, minIntervalMs: number): HostLimiter {
  const hosts = new Map<string, HostState>();

  const release = (host: string, state: HostState) => {
    state.active--;
    const next = state.waiting.shift();
    if (next) next();
    else if (state.active === 0) {
      // Keep the entry just long enough to enforce the gap, then drop it.
      const idleFor = Math.max(0, state.lastStart + minIntervalMs - Date.now());
      setTimeout(() => {
        if (state.active === 0 && state.waiting.length === 0 && hosts.get(host) === state) hosts.delete(host);
      }, idleFor).unref();
    }
  };

  return {
    async acquire(host) {
      let state = hosts.get(host);
      if (!state) {
        state = { active: 0, lastStart: 0, waiting: [] };
        hosts.set(host, state);
      }
      const s = state;
      if (s.active >= concurrency) await new Promise<void>((resolve) => s.waiting.push(resolve));
      s.active++;
      // Reserve this start time before sleeping, so concurrent waiters space themselves out.
      const startAt = Math.max(Date.now(), s.lastStart + minIntervalMs);
      s.lastStart = startAt;
      const wait = startAt - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(host, s);
      };
    },
    size: () => hosts.size,
  };
}
