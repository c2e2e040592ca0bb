/** @module Feed dates (RFC 822 and ISO 8601) to ISO-8601 UTC strings. */

/** Returns an ISO-8601 UTC string, or null when `raw` is empty or not a date. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}
