/** @module Relative-to-absolute URL resolution for feed links; only web links survive. */

/**
 * `href` resolved against `base`, or null when it is not a URL at all or not http(s): a feed
 * that links to `javascript:` or `data:` gets no link rather than a dangerous one.
 */
export function resolveUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
