/**
 * @module Benchmark: article metadata (headline, bylines, agency, published and modified times) against
 * truth written by hand (bench/extract-metadata/truth.json: pages of the shared extraction dev set,
 * and the project's own extraction fixtures), for Newsdesk and Readability-on-linkedom in one run.
 *
 *   node --import tsx bench/extract-metadata.ts [--misses] [--only newsdesk]
 *
 * Rules (bench/README.md "extract-metadata"): a title is right when it equals the truth after Unicode
 * normalization, whitespace, quote and dash folding and case; bylines when the set of names is the
 * same (case and "By" prefixes aside); agency likewise; a published time when it is the same instant
 * within a minute, or, where the truth is a day only (the page shows no time or no zone), any instant
 * of that day in some time zone (UTC-12 to UTC+14); a month only, any instant of that month. A page whose truth says "none" is right only
 * when the extractor says none too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SHARED = join(ROOT, "../shared");
const DEV = join(SHARED, "datasets/extraction-dev/snippets/eval");
const FIXTURES = join(ROOT, "test/fixtures/extract");

export interface Truth {
  /** "extraction-dev/<file>" (the shared dev set) or "fixture/<name>" (test/fixtures/extract). */
  page: string;
  url: string;
  title: string;
  bylines: string[];
  agency: string | null;
  /** ISO-8601 instant with offset, or a day "YYYY-MM-DD", or null (the page gives none). */
  published: string | null;
  modified?: string | null;
  notes?: string;
}

export interface Output {
  path: string;
  title?: string | null;
  byline?: string | null;
  bylines?: string[];
  agency?: string | null;
  published?: string | null;
  modified?: string | null;
  error?: string;
}

export function loadTruth(): Truth[] {
  const dev = JSON.parse(readFileSync(join(import.meta.dirname, "extract-metadata/truth.json"), "utf8")) as {
    pages: Truth[];
  };
  const fixtures: Truth[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const file = join(FIXTURES, name, "expected.json");
    if (!existsSync(file)) continue;
    const e = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    // Fixtures written to test one thing state the metadata they test; only complete ones are scored.
    if (typeof e.title !== "string" || !("byline" in e) || !("published" in e)) continue;
    fixtures.push({
      page: `fixture/${name}`,
      url: String(e.url),
      title: e.title,
      bylines: splitNames(typeof e.byline === "string" ? e.byline : null),
      agency: typeof e.agency === "string" ? e.agency : null,
      published: typeof e.published === "string" ? e.published : null,
    });
  }
  return [...dev.pages, ...fixtures];
}

export function pathOf(t: Truth): string {
  const [set, ...rest] = t.page.split("/");
  const name = rest.join("/");
  return set === "fixture" ? join(FIXTURES, name, "source.html") : join(DEV, name);
}

/** Names out of a byline string, the same way for every extractor. */
function splitNames(byline: string | null | undefined): string[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*(by|von|par|por|di|door|av|af)\s+/i, "")
    .split(/\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

const fold = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const nameKey = (s: string) =>
  fold(s)
    .replace(/^(by|von|par|por)\s+/, "")
    .replace(/[.]$/, "");

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a.map(nameKey))].sort();
  const y = [...new Set(b.map(nameKey))].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const HOUR = 3_600_000;

/** Same instant within a minute; a day-only truth takes any instant of that day in some zone. */
export function sameTime(truth: string | null | undefined, got: string | null | undefined): boolean {
  if (!truth) return !got;
  if (!got) return false;
  const g = Date.parse(got);
  if (Number.isNaN(g)) return false;
  if (MONTH.test(truth)) {
    const start = Date.parse(`${truth}-01T00:00:00Z`);
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 1);
    return g >= start - 14 * HOUR && g < end.getTime() + 12 * HOUR;
  }
  if (DAY.test(truth)) {
    const start = Date.parse(`${truth}T00:00:00Z`);
    // Day D in zone UTC+z covers [D 00:00 - z, D 24:00 - z) in UTC, for z from -12 to +14 hours.
    return g >= start - 14 * HOUR && g < start + 36 * HOUR;
  }
  return Math.abs(Date.parse(truth) - g) <= 60_000;
}

export interface Marks {
  title: boolean;
  bylines: boolean;
  agency: boolean;
  published: boolean;
  modified: boolean | null;
}

export function mark(t: Truth, o: Output | undefined): Marks {
  const bylines = o?.bylines ?? splitNames(o?.byline);
  return {
    title: !!o?.title && fold(o.title) === fold(t.title),
    bylines: sameNames(t.bylines, bylines),
    agency: fold(t.agency ?? "") === fold(o?.agency ?? ""),
    published: sameTime(t.published, o?.published),
    modified: t.modified === undefined ? null : sameTime(t.modified, o?.modified),
  };
}

/** Runs an extractor command of the shared bench contract: "path\tURL" lines in, JSON lines out. */
export function runCommand(cmd: string, truth: Truth[]): Map<string, Output> {
  const input = truth.map((t) => `${pathOf(t)}\t${t.url}`).join("\n");
  const run = spawnSync("bash", ["-c", cmd], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${cmd} failed: ${run.stderr}`);
  const out = new Map<string, Output>();
  for (const line of run.stdout.split("\n")) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Output;
    out.set(o.path, o);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const showMisses = args.includes("--misses");
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const truth = loadTruth();
  const deps = join(tmpdir(), "newsdesk-bench-deps");
  const runs: Array<[string, string]> = [["newsdesk", `${join(ROOT, "bin/newsdesk")} extract --jsonl`]];
  if (only !== "newsdesk") {
    if (!existsSync(join(deps, "node_modules/@mozilla/readability"))) {
      mkdirSync(deps, { recursive: true });
      spawnSync("npm", ["install", "--prefix", deps, "--no-save", "@mozilla/readability@0.6", "linkedom"], {
        stdio: "inherit",
      });
    }
    runs.push([
      "readability-linkedom",
      `DEPS_DIR=${deps} node ${join(SHARED, "bench/extraction/baselines/readability-linkedom.mjs")}`,
    ]);
  }
  const groups = ["all", "extraction-dev", "fixture"] as const;
  console.log(
    `# ${truth.length} pages: ${truth.filter((t) => t.page.startsWith("extraction-dev/")).length} of the shared dev set, ${truth.filter((t) => t.page.startsWith("fixture/")).length} fixtures`,
  );
  console.log(
    "| extractor | pages | title | bylines | agency | published | modified (where the truth says) |",
  );
  console.log("|---|---|---|---|---|---|---|");
  const misses: string[] = [];
  for (const [name, cmd] of runs) {
    const out = runCommand(cmd, truth);
    for (const group of groups) {
      const set = truth.filter((t) => group === "all" || t.page.startsWith(`${group}/`));
      const marks = set.map((t) => [t, mark(t, out.get(pathOf(t)))] as const);
      // A field the extractor never outputs (Readability has no agency or modified time) is not scored.
      const gives = (k: keyof Marks) =>
        k === "title" ||
        k === "bylines" ||
        [...out.values()].some((o) => k in o && o[k as keyof Output] != null);
      const share = (k: keyof Marks) => {
        if (!gives(k)) return "-";
        const scored = marks.filter(([, m]) => m[k] !== null);
        const right = scored.filter(([, m]) => m[k] === true).length;
        return scored.length === 0
          ? "-"
          : `${(right / scored.length).toFixed(3)} (${right}/${scored.length})`;
      };
      console.log(
        `| ${name}${group === "all" ? "" : ` (${group})`} | ${set.length} | ${share("title")} | ${share("bylines")} | ${share("agency")} | ${share("published")} | ${share("modified")} |`,
      );
      if (group === "all" && name === "newsdesk" && showMisses) {
        for (const [t, m] of marks) {
          const o = out.get(pathOf(t));
          for (const k of ["title", "bylines", "agency", "published"] as const) {
            if (m[k]) continue;
            const want = k === "bylines" ? JSON.stringify(t.bylines) : JSON.stringify(t[k]);
            const got =
              k === "bylines"
                ? JSON.stringify(o?.bylines ?? splitNames(o?.byline))
                : JSON.stringify(o?.[k] ?? null);
            misses.push(`${k}\t${t.page}\twant ${want}\tgot ${got}${o?.error ? `\t(${o.error})` : ""}`);
          }
        }
      }
    }
  }
  if (showMisses) console.log(`\n${misses.sort().join("\n")}`);
}

/** Shares of pages right per field for `cmd` on the whole set (what the CI floor checks). */
export function scoreCommand(cmd: string): Record<"title" | "bylines" | "agency" | "published", number> & {
  pages: number;
} {
  const truth = loadTruth();
  const out = runCommand(cmd, truth);
  const marks = truth.map((t) => mark(t, out.get(pathOf(t))));
  const share = (k: "title" | "bylines" | "agency" | "published") =>
    marks.filter((m) => m[k]).length / marks.length;
  return {
    pages: truth.length,
    title: share("title"),
    bylines: share("bylines"),
    agency: share("agency"),
    published: share("published"),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
