/**
 * @module Benchmark: a 50 MB feed. With the default 10 MiB body cap it is refused with a clear error;
 * with the cap lifted, it is parsed in a child process whose peak RSS is reported.
 *
 *   node --import tsx bench/feed-memory.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRss } from "./support/generate-feed.ts";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-feed-mem-"));
const file = join(dir, "50mb.xml");
// About 3.5 KB per item: 14,500 items make a 50 MB feed.
writeFileSync(file, generateRss(14_500, 16));
console.log(`# feed file: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);

const bin = join(import.meta.dirname, "../bin/newsdesk");
const refused = spawnSync(bin, ["parse-feed", file], { encoding: "utf8" });
console.log(`# default cap: exit ${refused.status}: ${refused.stderr.trim()}`);

const child = join(import.meta.dirname, "support/parse-file.ts");
const out = execFileSync(process.execPath, ["--import", "tsx", child, file], { encoding: "utf8" });
console.log(`# cap lifted, parsed in a child process: ${out.trim()}`);
rmSync(dir, { recursive: true, force: true });
