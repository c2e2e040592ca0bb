/** @module The `--jsonl` commands' input: one JSON object per line with an "id" string, read with a clear error per bad line. */
import { createInterface } from "node:readline";

/** The object on line `n`, which must carry a non-empty "id" string; `command` names the command in errors. */
export function parseIdLine<T extends { id: string }>(
  command: string,
  line: string,
  n: number,
): Partial<T> & { id: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`${command}: line ${n} is not JSON (${(err as Error).message})`);
  }
  const a = value as Partial<T> | null;
  if (!a || typeof a !== "object" || typeof a.id !== "string" || !a.id) {
    throw new Error(`${command}: line ${n} has no "id" string`);
  }
  return a as Partial<T> & { id: string };
}

/** The non-blank lines of stdin with their 1-based line numbers, as they arrive. */
export async function* stdinLines(): AsyncGenerator<[line: string, n: number]> {
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (line.trim()) yield [line, n];
  }
}
