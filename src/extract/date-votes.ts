/**
 * @module Which of a page's machine-readable publication times to believe when they disagree by a
 * time zone: a CMS plugin that writes the local clock time with "Z" (or the wrong offset) makes one
 * source hours off, while the page's other sources agree with each other. Pure.
 */

const MINUTE = 60_000;
/** Zones are whole quarter hours apart (India +05:30, Nepal +05:45). */
const QUARTER_HOUR = 15 * MINUTE;
const MAX_SHIFT = 14 * 60 * MINUTE;

/** A shift of a whole number of quarter hours, up to 14 hours: what a wrong zone does to an instant. */
function zoneShift(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  if (d <= MINUTE || d > MAX_SHIFT) return false;
  const off = d % QUARTER_HOUR;
  return off <= MINUTE || QUARTER_HOUR - off <= MINUTE;
}

/**
 * `chosen` (an ISO instant), or the instant more of the page's timed sources agree on when it is
 * `chosen` shifted by a zone. `instants`: every timed publication date the page states, one per source.
 */
export function agreedInstant(chosen: string | null, instants: readonly string[]): string | null {
  if (!chosen) return chosen;
  const times = instants.map((i) => Date.parse(i)).filter((t) => !Number.isNaN(t));
  const votes = (t: number) => times.filter((x) => Math.abs(x - t) <= MINUTE).length;
  const first = Date.parse(chosen);
  let best = { t: first, votes: votes(first) };
  for (const t of times) {
    if (!zoneShift(t, first)) continue;
    const v = votes(t);
    if (v > best.votes) best = { t, votes: v };
  }
  return best.t === first ? chosen : new Date(best.t).toISOString();
}
