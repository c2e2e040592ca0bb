/** @module Dates as publishers write them (ISO 8601/W3CDTF, RFC 822 and its variants, "December 31, 2003") to ISO-8601 UTC; shared by feeds/ and extract/. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** RFC 822 zone names and the US abbreviations feeds use, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ast: -240,
  adt: -180,
  akst: -540,
  akdt: -480,
  hst: -600,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  bst: 60,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

/** Minutes east of UTC for "Z", "+05:30", "-0800", "+5", "EST", military letters; null if unknown. */
function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.trim().toLowerCase();
  if (z in ZONES) return ZONES[z]!;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m) return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  // Military single letters: RFC 822 got their signs backwards, so they are unreliable; treat as UTC.
  if (/^[a-ik-y]$/.test(z)) return 0;
  return null;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 61) return null;
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as written.
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  // Reject impossible days such as 31 February rather than rolling them over.
  if (Number.isNaN(day.getTime()) || day.getUTCDate() !== d) return null;
  const date = new Date(day.getTime() + ((h * 60 + mi - offset) * 60 + Math.min(s, 59)) * 1000 + ms);
  // Only four-digit years: a zone offset can push 9999-12-31 into year 10000, whose ISO form
  // ("+010000-...") would not sort as text with the others.
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) return null;
  return date.toISOString();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[Tt\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;
const RFC822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:\(?([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}:?\d{2})\)?)?$/;
/** "Dec 19 2004 19:30:22 GMT", "Sun Dec 19 19:30:22 2004", "December 19, 2004". */
const MONTH_FIRST =
  /^(?:[A-Za-z]{2,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4})\s*)?(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*(\d{4})?$/;

/** Returns an ISO-8601 UTC string, or null when `raw` is empty or not a date we can trust. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const s = raw?.replace(/\s+/g, " ").trim();
  if (!s) return null;
  let m = ISO.exec(s);
  if (m) {
    const offset = zoneOffset(m[8]);
    if (offset === null) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(
      Number(m[1]),
      Number(m[2] ?? 1),
      Number(m[3] ?? 1),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      ms,
      offset,
    );
  }
  m = RFC822.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const offset = zoneOffset(m[7]);
    if (!month || offset === null) return null;
    return build(
      fullYear(m[3]!),
      month,
      Number(m[1]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      0,
      offset,
    );
  }
  m = MONTH_FIRST.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    const year = m[3] ?? m[8];
    const offset = zoneOffset(m[7]);
    if (!month || !year || offset === null) return null;
    return build(
      Number(year),
      month,
      Number(m[2]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      0,
      offset,
    );
  }
  return null;
}
