/**
 * @module The memory of a process and everything it forked, read from /proc (Linux): for tests and
 * benches that bound per-process memory of `newsdesk serve` (primary, web workers, fetcher).
 */
import { readdirSync, readFileSync } from "node:fs";

/** `pid` and its descendants, found through the parent pid in /proc/<pid>/stat. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    // The command name (2nd field) is in parentheses and may hold spaces; the ppid follows the state.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = parents.get(ppid) ?? [];
    list.push(Number(name));
    parents.set(ppid, list);
  }
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...(parents.get(p) ?? []));
  }
  return out;
}

/** Resident memory of `pid` in MB (VmRSS), or null once it has exited. */
export function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * What a process is: "fetcher", "web worker" or "primary" for a Node process of the serve (from its
 * environment), else its program's name (tsx's esbuild service, say).
 */
export function roleOf(pid: number): string {
  try {
    const program = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    if (program !== "node" && program !== "MainThread") return program;
    const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    if (env.includes("NEWSDESK_PROCESS_ROLE=fetcher")) return "fetcher";
    if (env.some((e) => e.startsWith("NODE_UNIQUE_ID="))) return "web worker";
    return "primary";
  } catch {
    return "exited";
  }
}

/** Samples the peak resident memory of every process in `pid`'s tree until stopped. */
export function watchPeakMemory(pid: number, everyMs = 100) {
  const peaks = new Map<number, { role: string; peakMb: number }>();
  const sample = () => {
    for (const p of processTree(pid)) {
      const mb = residentMb(p);
      if (mb === null) continue;
      const seen = peaks.get(p) ?? { role: roleOf(p), peakMb: 0 };
      seen.peakMb = Math.max(seen.peakMb, mb);
      peaks.set(p, seen);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Stops sampling; the peak of each process seen, by pid. */
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
