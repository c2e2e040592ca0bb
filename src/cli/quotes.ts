/**
 * @module `newsdesk quotes --jsonl`: who said what, as a standalone tool and the stories bench's
 * attribution adapter (../shared/bench/stories/README.md). Each article read as a JSON line goes through
 * `extractStatements`, the same function ingest runs, and gives one line `{id, statements}`.
 */
import type { Command } from "commander";
import { extractStatements } from "../quotes/extract-statements.ts";
import { parseIdLine, stdinLines } from "./json-lines.ts";
import { runQuotesBackfill } from "./quotes-backfill.ts";

/** One input line of the contract (other fields are read by other tools and ignored here). */
interface InputArticle {
  id: string;
  outlet?: string | null;
  body: string;
}

function parseLine(line: string, n: number): InputArticle {
  const a = parseIdLine<InputArticle>("quotes", line, n);
  if (typeof a.body !== "string") throw new Error(`quotes: line ${n} (${a.id}) needs a "body" string`);
  return a as InputArticle;
}

export function registerQuotes(program: Command): void {
  program
    .command("quotes")
    .description(
      "who said what: extract attributed statements from JSON lines on stdin (--jsonl), or for stored articles (--backfill)",
    )
    .option(
      "--jsonl",
      "read {id, outlet, body} lines; print {id, statements: [{source, mentions, statement, start, end, kind, verb, affiliation?}]} lines",
    )
    .option("--backfill", "extract and store the statements of stored articles that have none yet")
    .option("--all", "with --backfill: every stored article, replacing its statements (after an upgrade)")
    .action(async (opts: { jsonl?: boolean; backfill?: boolean; all?: boolean }) => {
      if (opts.backfill) return runQuotesBackfill({ all: opts.all });
      if (!opts.jsonl)
        throw new Error("quotes: give --jsonl (JSON lines on stdin) or --backfill (stored articles)");
      for await (const [line, n] of stdinLines()) {
        const a = parseLine(line, n);
        const statements = extractStatements({ body: a.body, outlet: a.outlet ?? null });
        process.stdout.write(`${JSON.stringify({ id: a.id, statements })}\n`);
      }
    });
}
