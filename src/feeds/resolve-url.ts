/** @module Relative-to-absolute URL resolution for feed links. */

/** `href` resolved against `base`, or null when it is not a URL at all. */
export function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return null;
  }
}
