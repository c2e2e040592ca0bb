/** @module The source number a command takes: a positive integer, or a clear error before anything runs. */
import { InvalidArgumentError } from "commander";

/** Commander argument parser for a source's number (as `newsdesk sources` lists them). */
export function parseSourceId(value: string): number {
  const id = /^\d{1,15}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new InvalidArgumentError(
      `a source is named by its number (see \`newsdesk sources\`), not "${value}"`,
    );
  return id;
}

/** A source as `edit-source` takes it: its number, or the feed URL it was added with. */
export type SourceRef = { id: number } | { url: string };

export function parseSourceRef(value: string): SourceRef {
  if (/^\s*\d+\s*$/.test(value)) return { id: parseSourceId(value) };
  if (/^https?:\/\//i.test(value.trim())) return { url: value.trim() };
  throw new InvalidArgumentError(
    `a source is named by its number or its feed URL (see \`newsdesk sources\`), not "${value}"`,
  );
}
