/** @module Date formatting for the demo: RFC 822, RFC 3339, HTTP dates and human-readable local dates. */

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const monthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthsLong = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (n: number): string => String(n).padStart(2, "0");

/** Offset of an ISO 8601 timestamp from UTC, in minutes ("Z" = 0). */
export function offsetMinutes(iso: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

export interface LocalParts {
  year: string;
  month: string;
  day: string;
  monthIndex: number;
  dayOfMonth: number;
  weekday: number;
  hour: number;
  minute: number;
}

/** Calendar fields of a timestamp in its own (written) time zone. */
export function localParts(iso: string): LocalParts {
  const d = new Date(Date.parse(iso) + offsetMinutes(iso) * 60_000);
  return {
    year: String(d.getUTCFullYear()),
    month: pad(d.getUTCMonth() + 1),
    day: pad(d.getUTCDate()),
    monthIndex: d.getUTCMonth(),
    dayOfMonth: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** RFC 822 date, either in UTC ("+0000", as WordPress writes it) or in the timestamp's own offset. */
export function rfc822(iso: string, zone: "utc" | "local"): string {
  const minutes = zone === "utc" ? 0 : offsetMinutes(iso);
  const d = new Date(Date.parse(iso) + minutes * 60_000);
  const date = `${weekdays[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${monthsShort[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time} ${offsetText(minutes, "")}`;
}

/** RFC 3339 timestamp, either in UTC ("Z") or in the timestamp's own offset. */
export function rfc3339(iso: string, zone: "utc" | "local"): string {
  if (zone === "utc") return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
  const p = localParts(iso);
  const seconds = pad(new Date(iso).getUTCSeconds());
  const offset = offsetMinutes(iso);
  const suffix = offset === 0 ? "Z" : offsetText(offset, ":");
  return `${p.year}-${p.month}-${p.day}T${pad(p.hour)}:${pad(p.minute)}:${seconds}${suffix}`;
}

/** "November 3, 2026" */
export function longDate(iso: string): string {
  const p = localParts(iso);
  return `${monthsLong[p.monthIndex]} ${p.dayOfMonth}, ${p.year}`;
}

/** "Nov 3, 2026" */
export function shortDate(iso: string): string {
  const p = localParts(iso);
  return `${monthsShort[p.monthIndex]} ${p.dayOfMonth}, ${p.year}`;
}

/** Time of day: "7:05 a.m." (newsroom style) or "7:05 AM" (plain). */
export function timeOfDay(iso: string, style: "ap" | "plain"): string {
  const { hour, minute } = localParts(iso);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const am = hour < 12;
  const suffix = style === "ap" ? (am ? "a.m." : "p.m.") : am ? "AM" : "PM";
  return `${h12}:${pad(minute)} ${suffix}`;
}

/** "Tue Nov 3, 2026" */
export function weekdayDate(iso: string): string {
  const p = localParts(iso);
  return `${weekdays[p.weekday]} ${monthsShort[p.monthIndex]} ${p.dayOfMonth}, ${p.year}`;
}

/** Short zone label for the demo's fixed offsets. */
export function zoneLabel(iso: string): string {
  const offset = offsetMinutes(iso);
  if (offset === -480) return "PST";
  if (offset === 0) return "UTC";
  return `UTC${offsetText(offset, ":")}`;
}

/** HTTP-date (RFC 9110 IMF-fixdate) for Last-Modified headers. */
export function httpDate(date: Date): string {
  return date.toUTCString();
}
