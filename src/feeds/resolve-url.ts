/** @module Relative-to-absolute URL resolution for feed links; only web links survive. */

/**
 * `href` resolved against `base`, or null when it is not a URL at all or not http(s): a feed
 * that links to `javascript:` or `data:` gets no link rather than a dangerous one.
 */
export function resolveUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    // An absolute link is kept as the publisher wrote it (host case and all), if it needs no repair.
    return /^https?:\/\/[^\s<>"]+$/i.test(trimmed) ? trimmed : url.toString();
  } catch {
    return null;
  }
}
