/** @module Web links only: relative-to-absolute resolution that lets nothing but http(s) through; shared by feeds/ and extract/. */

/**
 * `href` resolved against `base`, or null when it is not a URL at all or not http(s): a page or
 * feed that links to `javascript:` or `data:` gets no link rather than a dangerous one. An absolute
 * link is kept as the publisher wrote it (host case and all) when it needs no repair.
 */
export function resolveWebUrl(href: string | null | undefined, base: string): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return /^https?:\/\/[^\s<>"]+$/i.test(trimmed) ? trimmed : url.toString();
  } catch {
    return null;
  }
}
