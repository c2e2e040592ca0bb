/** @module The `--jsonl` commands' input: one JSON object per line with an "id" string, read with a clear error per bad line. */

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
