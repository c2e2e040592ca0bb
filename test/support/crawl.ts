/**
 * @module Crawls a running site on 127.0.0.1 from seed paths, following every same-origin link it finds
 * in pages, feeds, sitemaps and JSON, and returns what each address answered. For tests that must see
 * everything a visitor or a robot can (the privacy test).
 */

export interface CrawledResponse {
  url: string;
  status: number;
  contentType: string;
  /** Response headers, joined as "name: value" lines (emails must not hide there either). */
  headers: string;
  body: string;
}

/** Same-origin addresses mentioned in a body: href/src attributes, <loc>/<link> elements, JSON strings, bare URLs. */
export function linksIn(body: string, base: string): string[] {
  const origin = new URL(base).origin;
  const found = new Set<string>();
  const candidates = [
    ...body.matchAll(/(?:href|src|action)\s*=\s*["']([^"']+)["']/gi),
    ...body.matchAll(/<(?:loc|link|id|guid|comments)[^>]*>\s*([^<\s]+)\s*</gi),
    ...body.matchAll(/"(?:url|id|home_page_url|feed_url|external_url)"\s*:\s*"([^"]+)"/g),
    ...body.matchAll(/https?:\/\/127\.0\.0\.1:\d+[^\s"'<>)]*/g),
  ].map((m) => m[1] ?? m[0]);
  for (const raw of candidates) {
    const text = raw.replaceAll("&amp;", "&");
    let url: URL;
    try {
      url = new URL(text, base);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    url.hash = "";
    found.add(url.toString());
  }
  return [...found];
}

/** Fetches `seeds` and every same-origin address reachable from them, up to `maxPages`, GET only. */
export async function crawlSite(base: string, seeds: string[], maxPages = 500): Promise<CrawledResponse[]> {
  const queue = seeds.map((s) => new URL(s, base).toString());
  const seen = new Set(queue);
  const out: CrawledResponse[] = [];
  while (queue.length > 0 && out.length < maxPages) {
    const url = queue.shift() as string;
    const res = await fetch(url, { redirect: "manual", headers: { "accept-encoding": "identity" } });
    const body = await res.text();
    const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
    out.push({ url, status: res.status, contentType: res.headers.get("content-type") ?? "", headers, body });
    const next = [...linksIn(body, base)];
    const location = res.headers.get("location");
    if (location) next.push(new URL(location, url).toString());
    for (const link of next) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return out;
}
