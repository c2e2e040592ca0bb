/** @module The "older" link's keyset cursor, `?before=<sortAt>_<id>`: made from a row, checked before use. */
import type { PageCursor } from "../../storage/articles.ts";

/** Stored times are always `toISOString()` form; storage compares them as text, so only that form is a cursor. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,15})$/;

/** True when `s` is exactly how a real instant prints: no rolled-over days (2026-02-31) or hours. */
function isCanonicalTime(s: string): boolean {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
}

/** The cursor that continues after `row`, as the query value of the next page's link. */
export function formatCursor(row: { sort_at: string; id: number }): string {
  return `${row.sort_at}_${row.id}`;
}

/**
 * The cursor in `raw`, undefined when there is none (the first page), or null when it is malformed,
 * so the handler can answer 400 instead of guessing.
 */
export function parseCursor(raw: unknown): PageCursor | undefined | null {
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string") return null;
  const m = CURSOR.exec(raw);
  if (!m?.[1] || !m[2] || !isCanonicalTime(m[1])) return null;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) ? { sortAt: m[1], id } : null;
}

/** `path?before=...` for the next (older) page, or null when this page was the last. */
export function olderLink(path: string, rows: ReadonlyArray<{ sort_at: string; id: number }>, more: boolean) {
  const last = rows[rows.length - 1];
  return more && last ? `${path}?before=${encodeURIComponent(formatCursor(last))}` : null;
}
