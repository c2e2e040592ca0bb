/**
 * @module How much of a feed the tree builders build. Under the 10 MiB body cap a feed can still hold
 * millions of elements (a 10 MB flood of `<x/>` cost 678 MB and 4.5 s to build) or tens of thousands
 * of items (58,775 items cost 307 MB). Items past MAX_FEED_ITEMS are skipped unbuilt; a document that
 * would build more than MAX_ELEMENTS elements is refused. Both bounds are counted, not timed, so a
 * feed is read the same way on any machine.
 */

/**
 * Items (RSS/RDF `<item>`, Atom `<entry>`) read from one feed; later ones are skipped unbuilt. Feeds
 * list newest first, and an aggregator polls often, so the first 5,000 hold everything new: the
 * largest real feeds we know of (podcast and archive feeds) carry a few thousand.
 */
export const MAX_FEED_ITEMS = 5_000;

/**
 * Elements one feed document may build: 5,000 items of 40 elements each (namespaced podcast and
 * media markup included). Skipped items do not count. About 80 MB of tree at most.
 */
export const MAX_ELEMENTS = 200_000;

/**
 * Open elements at which a document is refused. Past MAX_DEPTH (xml-tree.ts) nothing is built
 * anyway, but the tolerant parser's own bookkeeping (htmlparser2 unshifts each open tag onto an
 * array) grows with the square of the nesting: 100,000 levels took 10 to 17 s.
 */
export const MAX_NESTING = 10_000;

/** The document passes a bound: parseFeed turns it into feed.too_complex. */
export class TreeTooLargeError extends Error {}

export const tooManyElements = () =>
  new TreeTooLargeError(
    `more than ${MAX_ELEMENTS.toLocaleString("en")} elements; a feed needs far fewer, so it was not read`,
  );

export const nestedTooDeep = () =>
  new TreeTooLargeError(
    `elements nested more than ${MAX_NESTING.toLocaleString("en")} levels deep; a feed needs a few, so it was not read`,
  );

/** One document's count, kept by a tree builder while it reads. */
export class TreeBudget {
  private elements = 0;
  private items = 0;
  /** Items seen past MAX_FEED_ITEMS and not built. */
  skippedItems = 0;

  /**
   * Called for each element as it opens, with how many elements enclose it (the document counts
   * one): "skip" for an item past the limit (its subtree is not built); throws TreeTooLargeError
   * past MAX_ELEMENTS.
   */
  open(local: string, enclosing: number): "build" | "skip" {
    // Items sit under the root (RDF, Atom) or under <channel> (RSS): three levels at most.
    if (enclosing <= 3 && /^(item|entry)$/i.test(local)) {
      if (this.items >= MAX_FEED_ITEMS) {
        this.skippedItems++;
        return "skip";
      }
      this.items++;
    }
    if (++this.elements > MAX_ELEMENTS) throw tooManyElements();
    return "build";
  }
}
