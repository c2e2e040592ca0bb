/**
 * @module Finds an email address in text however it was written: as typed, lower-cased, trimmed,
 * %-encoded, as HTML entities or JSON escapes, or as a plain (unkeyed) md5/sha1/sha256/sha512 digest in
 * hex, base64 or base64url. For the privacy test's sweep over pages, feeds, headers and logs.
 */
import { createHash } from "node:crypto";

const ALGORITHMS = ["md5", "sha1", "sha256", "sha512"] as const;

/** The spellings of `email` a careless system might keep: as typed, trimmed, lower-cased, both. */
export function addressForms(email: string): string[] {
  return [...new Set([email, email.trim(), email.toLowerCase(), email.trim().toLowerCase()])];
}

export interface Needle {
  /** What it is, for the failure message ("sha256 base64 of ann@..."). */
  label: string;
  text: string;
  /** Hex digests and addresses are matched ignoring case; base64 is not. */
  caseless: boolean;
}

/** Every address form and every plain digest of each, as needles. */
export function needlesFor(email: string): Needle[] {
  const needles: Needle[] = [];
  for (const form of addressForms(email)) {
    needles.push({ label: `address ${JSON.stringify(form)}`, text: form.trim(), caseless: true });
    for (const algo of ALGORITHMS) {
      const digest = createHash(algo).update(form).digest();
      needles.push({
        label: `${algo} hex of ${JSON.stringify(form)}`,
        text: digest.toString("hex"),
        caseless: true,
      });
      for (const enc of ["base64", "base64url"] as const) {
        // Padding may be dropped where a digest is printed; the unpadded form is inside the padded one.
        const text = digest.toString(enc).replace(/=+$/, "");
        needles.push({ label: `${algo} ${enc} of ${JSON.stringify(form)}`, text, caseless: false });
      }
    }
  }
  return needles;
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  commat: "@",
  plus: "+",
  period: ".",
  lowbar: "_",
  hyphen: "-",
  dash: "-",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const decodePercent = (s: string) =>
  s.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
const decodeJson = (s: string) =>
  s
    .replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\\//g, "/");

/** The text as written and with entities, %-escapes and JSON escapes undone (twice, for double encoding). */
export function decodedViews(text: string): string[] {
  const once = [text, decodeEntities(text), decodePercent(text), decodeJson(text)];
  const twice = once.flatMap((t) => [decodeEntities(t), decodePercent(t), decodeJson(t)]);
  return [...new Set([...once, ...twice])];
}

/** The needles of `emails` found in `text` (any view of it), as labels; empty when it is clean. */
export function findLeaks(text: string, emails: string[]): string[] {
  const views = decodedViews(text);
  const lowerViews = views.map((v) => v.toLowerCase());
  const found: string[] = [];
  for (const email of emails) {
    for (const n of needlesFor(email)) {
      const hit = n.caseless
        ? lowerViews.some((v) => v.includes(n.text.toLowerCase()))
        : views.some((v) => v.includes(n.text));
      if (hit) found.push(n.label);
    }
  }
  return [...new Set(found)];
}
