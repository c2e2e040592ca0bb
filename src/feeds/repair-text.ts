/** @module Repairs two classic publishing accidents in feed text: C1 "smart quotes" and UTF-8 read as Latin-1. */
import { TextDecoder } from "node:util";

/** Windows-1252's characters for bytes 0x80-0x9F, which Latin-1 would read as invisible C1 controls. */
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const CP1252_BYTE = new Map<string, number>([...CP1252_C1].map((ch, i) => [ch, 0x80 + i]));

/** A lead byte of a multi-byte UTF-8 sequence followed by a continuation byte, as Latin-1/1252 shows them. */
const MOJIBAKE = /[\u00C2-\u00F4][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * "â€¦" back to "…": only when the whole string, taken back to the bytes Latin-1/Windows-1252 made
 * of it, is valid UTF-8, which ordinary text almost never is.
 */
function undoDoubleEncoding(s: string): string {
  if (!MOJIBAKE.test(s)) return s;
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else {
      const b = CP1252_BYTE.get(ch);
      if (b === undefined) return s;
      bytes.push(b);
    }
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return s;
  }
}

/** Text as the publisher meant it: mojibake undone, then stray C1 controls read as Windows-1252 (as browsers do). */
export function repairText(s: string): string {
  const fixed = undoDoubleEncoding(s);
  return /[\u0080-\u009F]/.test(fixed)
    ? fixed.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c)
    : fixed;
}
