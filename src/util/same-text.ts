/** @module Whether two texts say the same: an edit that only moves whitespace (a reflowed paragraph, a line break between tags) is no edit. */

/** The text with every whitespace character removed and Unicode composed (NFC), for comparison only. */
export function textFingerprint(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, "");
}

export function sameText(a: string, b: string): boolean {
  return textFingerprint(a) === textFingerprint(b);
}
