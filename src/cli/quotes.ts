/**
 * @module `newsdesk quotes --jsonl`: who said what, as a standalone tool and the stories bench's
 * attribution adapter (../shared/bench/stories/README.md). Each article read as a JSON line goes through
 * `extractStatements`, the same function ingest runs, and gives one line `{id, statements}`.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { extractStatements } from "../quotes/extract-statements.ts";

/** One input line of the contract (other fields are read by other tools and ignored here). */
interface InputArticle {
  id: string;
  outlet?: string | null;
  body: string;
}

function parseLine(line: string, n: number): InputArticle {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`quotes: line ${n} is not JSON (${(err as Error).message})`);
  }
  const a = value as Partial<InputArticle> | null;
  if (!a || typeof a !== "object" || typeof a.id !== "string" || !a.id) {
    throw new Error(`quotes: line ${n} has no "id" string`);
  }
  if (typeof a.body !== "string") throw new Error(`quotes: line ${n} (${a.id}) needs a "body" string`);
  return a as InputArticle;
}

export function registerQuotes(program: Command): void {
  program
    .command("quotes")
    .description(
      "extract attributed statements (who said what) from articles read as JSON lines on stdin; prints one JSON line per article",
    )
    .requiredOption(
      "--jsonl",
      "read {id, outlet, body} lines; print {id, statements: [{source, mentions, statement, start, end, kind, verb, affiliation?}]} lines",
    )
    .action(async () => {
      let n = 0;
      for await (const line of createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        n++;
        if (!line.trim()) continue;
        const a = parseLine(line, n);
        const statements = extractStatements({ body: a.body, outlet: a.outlet ?? null });
        process.stdout.write(`${JSON.stringify({ id: a.id, statements })}\n`);
      }
    });
}
