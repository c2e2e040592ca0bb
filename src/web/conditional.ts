/** @module HTTP negotiation for cached pages: which encoding a client takes, and when 304 answers it. */

/** The encodings cached pages are stored in, best first. */
export type Encoding = "br" | "gzip" | "identity";

const encodingMemo = new Map<string, Encoding>();

/**
 * The best encoding `accept` (an Accept-Encoding header) allows: br, then gzip, else identity.
 * Clients send a handful of distinct headers, so answers are memoized (bounded).
 */
export function preferredEncoding(accept: string | undefined): Encoding {
  if (!accept) return "identity";
  const known = encodingMemo.get(accept);
  if (known) return known;
  const allowed = new Set<string>();
  for (const part of accept.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    allowed.add(name);
  }
  const star = allowed.has("*");
  const best: Encoding = allowed.has("br") || star ? "br" : allowed.has("gzip") ? "gzip" : "identity";
  if (encodingMemo.size > 256) encodingMemo.clear();
  encodingMemo.set(accept, best);
  return best;
}

/** The strong ETag of one stored form: the body's hash, marked per encoding (RFC 9110 8.8.3). */
export function etagFor(hash: string, encoding: Encoding): string {
  return encoding === "identity" ? `"${hash}"` : `"${hash}-${encoding}"`;
}

/**
 * Whether the client's copy is current (RFC 9110 13.1): If-None-Match, compared weakly and ignoring
 * the encoding mark since every form holds the same page, wins over If-Modified-Since (one-second
 * resolution; `lastModifiedMs` is already whole seconds).
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  hash: string,
  lastModifiedMs: number,
): boolean {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === "*") return true;
    for (const raw of ifNoneMatch.split(",")) {
      const tag = raw.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
      if (tag === hash || tag === `${hash}-br` || tag === `${hash}-gzip`) return true;
    }
    return false;
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && lastModifiedMs <= since;
  }
  return false;
}
