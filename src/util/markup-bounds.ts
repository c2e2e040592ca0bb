/**
 * @module A bound on how much markup a feed or a page may make a parser build, checked in one pass over
 * the text before any parser runs: an element carrying hundreds of thousands of attributes fits under
 * the body cap (a 10 MB feed held 946,443) yet makes the parsers build hundreds of megabytes of
 * objects. Such a document is refused with a clear reason instead. Pure; shared by feeds/ and extract/.
 */

/** Attributes one element may carry: real feeds use a handful; generous for namespaced media markup. */
export const MAX_ATTRIBUTES_PER_ELEMENT = 1_000;

/**
 * The most attributes any one tag of `text` carries, counted as the "=" signs between a "<" and its
 * ">", outside quoted values; comments, CDATA sections, processing instructions and the bodies of
 * script and style elements are skipped.
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
    // Script and style bodies are code, whose "<" and "=" are no markup.
    const first = text.charCodeAt(lt + 1) | 0x20;
    // Only a tag starting with "s" can be one (cheap test before the pattern).
    const raw = first === 0x73 ? /^<(script|style)\b/i.exec(text.slice(lt, lt + 8)) : null;
    if (raw) {
      const closer = new RegExp(`</${raw[1]}`, "ig");
      closer.lastIndex = lt + 7;
      const close = closer.exec(text)?.index ?? -1;
      const open = text.indexOf(">", lt);
      if (open >= 0 && close > open) {
        i = close;
        continue;
      }
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
