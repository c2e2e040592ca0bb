/**
 * @module Control characters out of text taken in from feeds and pages: NUL and the other C0 and C1
 * controls (tab, line feed and carriage return kept) and the noncharacters U+FFFE/U+FFFF. They mean
 * nothing in news text, break XML output and PostgreSQL (NUL), and can disguise a title. Removed on
 * the way in, so storage never holds them.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

export function withoutControlChars(text: string): string;
export function withoutControlChars(text: string | null): string | null;
export function withoutControlChars(text: string | null): string | null {
  return text === null ? null : text.replace(CONTROL, "");
}
