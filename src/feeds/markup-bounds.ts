/**
 * @module A bound on how much markup a feed may make a parser build, checked in one pass over the text
 * before any parser runs: an element carrying hundreds of thousands of attributes fits under the body
 * cap (a 10 MB feed held 946,443) yet makes both XML parsers build hundreds of megabytes of objects.
 * Such a feed is refused with a clear error instead. Pure.
 */

/** Attributes one element may carry: real feeds use a handful; generous for namespaced media markup. */
export const MAX_ATTRIBUTES_PER_ELEMENT = 1_000;

/**
 * The most attributes any one tag of `text` carries, counted as the "=" signs between a "<" and its
 * ">", outside quoted values; comments, CDATA sections and processing instructions are skipped.
 * Stops counting once `limit` is passed.
 */
export function mostAttributesInATag(text: string, limit = Number.POSITIVE_INFINITY): number {
  let most = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    if (lt < 0) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    let count = 0;
    let quote = "";
    let j = lt + 1;
    for (; j < n; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "=") {
        count++;
        if (count > limit) return count;
      } else if (c === ">" || c === "<") break;
    }
    if (count > most) most = count;
    i = j;
  }
  return most;
}
