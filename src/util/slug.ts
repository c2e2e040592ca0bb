/** @module URL-safe slugs of headlines and topic names, in any script. */

/** Lower-case words joined by "-", accents dropped, letters of every script kept; at most 80 characters. */
export function slugify(text: string, fallback = "article"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}
