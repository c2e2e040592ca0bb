/**
 * @module Resident memory of a process and all its descendants, read from /proc (Linux), sampled on a
 * timer; each process named by its role in `serve` (primary, web worker, fetcher) and its growth fitted
 * as a least-squares slope. A process that disappears while sampling is reported as gone: in a soak
 * that means it died (or was restarted under a new pid).
 */
import { readdirSync, readFileSync } from "node:fs";

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

/** pid and its descendants, found through every process's parent in /proc/<pid>/stat. */
/** The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number | string): string[] {
  const stat = read(`/proc/${pid}/stat`) ?? "";
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Clock ticks per second of utime and stime: 100 on Linux. */
const TICKS = 100;

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = Number(statFields(name)[1]);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

/** What the process is in serve: cluster workers carry NODE_UNIQUE_ID, the fetcher its role variable. */
function roleOf(pid: number, root: number): string {
  if (pid === root) return "primary";
  const env = (read(`/proc/${pid}/environ`) ?? "").split("\0");
  if (env.includes("NEWSDESK_PROCESS_ROLE=fetcher")) return "fetcher";
  const worker = env.find((v) => v.startsWith("NODE_UNIQUE_ID="));
  if (worker) return `web worker ${worker.slice("NODE_UNIQUE_ID=".length)}`;
  return (read(`/proc/${pid}/comm`) ?? "other").trim();
}

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
  const sample = () => {
    const t = Date.now() - started;
    const seen = new Set<number>();
    for (const pid of processTree(root)) {
      const status = read(`/proc/${pid}/status`);
      if (!status) continue;
      seen.add(pid);
      let p = byPid.get(pid);
      if (!p) {
        p = { pid, role: roleOf(pid, root), samples: [], goneAt: null };
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
