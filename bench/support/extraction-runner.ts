/** @module Runs the shared extraction bench (../shared/bench/extraction/run.mjs) for one command and reads its result. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SHARED = join(import.meta.dirname, "../../../shared");
const RUNNER = join(SHARED, "bench/extraction/run.mjs");

export interface BenchResult {
  timing: {
    pages: number;
    errors: number;
    median_ms?: number;
    p90_ms?: number;
    pages_per_s_in_process?: number;
  };
  score: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
}

/** Scores `cmd` on the dev set (the first `limit` pages when given), exactly as run.mjs does. */
export function runExtractionBench(name: string, cmd: string, limit = 0): BenchResult {
  if (!existsSync(RUNNER)) throw new Error(`the shared extraction bench is missing: ${RUNNER}`);
  const out = mkdtempSync(join(tmpdir(), `newsdesk-extract-${name}-`));
  try {
    const args = [RUNNER, "--cmd", cmd, "--name", name, "--out", out];
    if (limit > 0) args.push("--limit", String(limit));
    const run = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`run.mjs failed for ${name}: ${run.stderr || run.stdout}`);
    return JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as BenchResult;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
