/** @module Reads an HTTP Link header (RFC 8288): the URLs that carry a given relation. */

/** One link: `<url>` and its parameters, up to the next link (parameters never contain "<" in practice). */
const LINK = /<([^>]*)>([^<]*)/g;
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i;

/** The absolute http(s) URLs in `header` whose rel includes `rel`, in order, resolved against `baseUrl`. */
export function linksWithRel(header: string | null, rel: string, baseUrl: string): string[] {
  const out: string[] = [];
  for (const [, target, params] of (header ?? "").matchAll(LINK)) {
    const m = REL.exec(params ?? "");
    const rels = (m?.[1] ?? m?.[2] ?? "").toLowerCase().split(/\s+/);
    if (!rels.includes(rel.toLowerCase())) continue;
    try {
      const url = new URL(target?.trim() ?? "", baseUrl);
      if (url.protocol === "http:" || url.protocol === "https:") out.push(url.toString());
    } catch {
      // An unreadable link is no link.
    }
  }
  return out;
}
