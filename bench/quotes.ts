/**
 * @module Benchmark: what attribution (`extractStatements`, the function ingest runs) costs per article,
 * over the articles of the attribution dev sets. Prints median, p95 and max milliseconds per article and
 * the statements found, per set. Quality is the shared scorer's job (bench/README.md, "quotes-quality").
 *
 *   node --import tsx bench/quotes.ts [--rounds N]
 *
 * Each article is extracted once to warm up, then timed `rounds` times (default 5); an article's time is
 * the fastest of its rounds, so a garbage-collection pause or another process on the machine does not
 * count as its cost. The table's median and p95 are over articles.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractStatements } from "../src/quotes/extract-statements.ts";

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1] ?? 0) || 5;
const shared = join(import.meta.dirname, "..", "..", "shared", "datasets");

interface Article {
  id: string;
  outlet?: string | null;
  body: string;
}

function load(set: string): Article[] {
  const dir = join(shared, set, "articles");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Article);
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? 0;
}

console.log(
  `# extractStatements per article, fastest of ${rounds} rounds after a warm-up; Node ${process.version}`,
);
console.log("| set | articles | mean words | statements | median ms | p95 ms | max ms |");
console.log("|---|---|---|---|---|---|---|");
for (const set of ["stories-dev", "polnear-dev"]) {
  const articles = load(set);
  let statements = 0;
  let words = 0;
  for (const a of articles) {
    statements += extractStatements({ body: a.body, outlet: a.outlet ?? null }).length;
    words += a.body.split(/\s+/u).length;
  }
  const perArticle: number[] = [];
  for (const a of articles) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      extractStatements({ body: a.body, outlet: a.outlet ?? null });
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    perArticle.push(times[0] ?? 0);
  }
  perArticle.sort((x, y) => x - y);
  const f = (x: number) => x.toFixed(2);
  console.log(
    `| ${set} | ${articles.length} | ${Math.round(words / articles.length)} | ${statements} | ${f(quantile(perArticle, 0.5))} | ${f(quantile(perArticle, 0.95))} | ${f(perArticle[perArticle.length - 1] ?? 0)} |`,
  );
}
