/**
 * @module Property tests of parseFeedDate (issue 15): it never throws, and what it returns is null or
 * an ISO-8601 UTC string that sorts as text (four-digit year), parses back to itself, and keeps the
 * year, month and day it was given when the date carries no zone offset.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzParams, hostileText } from "../../test/support/fuzz.ts";
import { parseFeedDate } from "./dates.ts";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function assertValid(raw: string, out: string | null): void {
  if (out === null) return;
  assert.match(out, ISO_UTC, `${JSON.stringify(raw)} gave ${out}`);
  assert.equal(new Date(Date.parse(out)).toISOString(), out, `${JSON.stringify(raw)}: round trip`);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Date-shaped strings with any numbers in them, valid or not, in the formats the parser reads. */
const dateShaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 62 }),
    fc.constantFrom("", "Z", "+00:00", "-0800", "+14:00", "+99", "-99:99", "EST", "GMT", "XYZ", "A", "J"),
    fc.nat(6),
  )
  .map(([y, mo, d, h, mi, s, zone, form]) => {
    const mon = MONTH_NAMES[(mo + 11) % 12]!;
    switch (form) {
      case 0:
        return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${zone}`;
      case 1:
        return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
      case 2:
        return `Tue, ${d} ${mon} ${y} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${zone}`;
      case 3:
        return `${d} ${mon} ${pad(y % 100, 2)} ${h}:${pad(mi, 2)} ${zone}`;
      case 4:
        return `${mon} ${d}, ${y}`;
      case 5:
        return `${pad(y, 4)}${pad(mo, 2)}${pad(d, 2)}T${pad(h, 2)}${pad(mi, 2)}${pad(s, 2)}.${s}${zone}`;
      default:
        return `Sun ${mon} ${d} ${h}:${pad(mi, 2)}:${pad(s, 2)} ${zone} ${y}`;
    }
  });

test("parseFeedDate never throws and gives null or a round-tripping four-digit-year ISO string", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        dateShaped,
        hostileText(40),
        fc.string({ maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 40 }),
      ),
      (raw) => assertValid(raw, parseFeedDate(raw)),
    ),
    fuzzParams(0xda7e, 4000),
  );
});

test("parseFeedDate keeps the day it was given: a zone-less W3CDTF date is that day at midnight UTC", () => {
  fc.assert(
    fc.property(
      fc.date({
        min: new Date("0001-01-01T00:00:00Z"),
        max: new Date("9999-12-31T00:00:00Z"),
        noInvalidDate: true,
      }),
      (d) => {
        const day = d.toISOString().slice(0, 10);
        assert.equal(parseFeedDate(day), `${day}T00:00:00.000Z`);
        const rfc = d.toUTCString(); // "Tue, 03 Nov 2026 09:30:00 GMT"
        assert.equal(parseFeedDate(rfc), `${d.toISOString().slice(0, 19)}.000Z`, rfc);
      },
    ),
    fuzzParams(0xda7f, 2000),
  );
});
