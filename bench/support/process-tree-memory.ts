/**
 * @module Resident memory and CPU time of a process and all its descendants (the tree and the roles from
 * test/support/process-tree.ts), sampled from /proc (Linux) on a timer, and each process's growth
 * fitted as a least-squares slope. A process that disappears while sampling is reported as gone: in a soak
 * that means it died (or was restarted under a new pid).
 */
import { readFileSync } from "node:fs";
import { processTree, roleOf } from "../../test/support/process-tree.ts";

export interface MemorySample {
  /** ms since sampling started */
  t: number;
  /** VmRSS, MB */
  rss: number;
  /** RssAnon, MB: the heap and other private memory, without mapped files (the SQLite WAL index) */
  anon: number;
  /** CPU time used so far (user and system), seconds */
  cpu: number;
}

export interface ProcessMemory {
  pid: number;
  role: string;
  samples: MemorySample[];
  /** ms since sampling started when it was last seen, if it is gone */
  goneAt: number | null;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number): string[] {
  const stat = read(`/proc/${pid}/stat`) ?? "";
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Clock ticks per second of utime and stime: 100 on Linux. */
const TICKS = 100;

const kbToMb = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) / 1024;

export interface TreeSampler {
  processes(): ProcessMemory[];
  /** Takes one more sample now, then stops. */
  stop(): ProcessMemory[];
}

/** Samples `root`'s tree every `everyMs`, starting now. */
export function sampleProcessTree(root: number, everyMs: number): TreeSampler {
  const started = Date.now();
  const byPid = new Map<number, ProcessMemory>();
  // Web workers numbered in the order they were first seen, so the report tells them apart.
  let workers = 0;
  const name = (pid: number) => {
    const role = pid === root ? "primary" : roleOf(pid);
    return role === "web worker" ? `web worker ${++workers}` : role;
  };
  const sample = () => {
    const t = Date.now() - started;
    const seen = new Set<number>();
    for (const pid of processTree(root)) {
      const status = read(`/proc/${pid}/status`);
      if (!status) continue;
      seen.add(pid);
      let p = byPid.get(pid);
      if (!p) {
        p = { pid, role: name(pid), samples: [], goneAt: null };
        byPid.set(pid, p);
      }
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
      const f = statFields(pid);
      const cpu = (Number(f[11]) + Number(f[12])) / TICKS;
      p.samples.push({ t, rss: kbToMb(status, "VmRSS"), anon: kbToMb(status, "RssAnon"), cpu });
    }
    for (const p of byPid.values()) if (!seen.has(p.pid) && p.goneAt === null) p.goneAt = t;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    processes: () => [...byPid.values()],
    stop() {
      clearInterval(timer);
      sample();
      return [...byPid.values()];
    },
  };
}

/** Least-squares slope of `y` over time in MB per minute, over the samples from `fromMs` on. */
export function slopePerMinute(
  samples: MemorySample[],
  fromMs: number,
  y: (s: MemorySample) => number,
): number {
  const xs = samples.filter((s) => s.t >= fromMs);
  if (xs.length < 2) return Number.NaN;
  const n = xs.length;
  const mt = xs.reduce((a, s) => a + s.t, 0) / n;
  const my = xs.reduce((a, s) => a + y(s), 0) / n;
  const cov = xs.reduce((a, s) => a + (s.t - mt) * (y(s) - my), 0);
  const varT = xs.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  return (cov / varT) * 60_000;
}
