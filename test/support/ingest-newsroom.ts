/**
 * @module A newsroom on 127.0.0.1 whose feeds grow, for ingest killed at random moments: two desks
 * with items of their own, and a wire feed relisting desk A's articles under its own guids with a
 * tracking parameter, so one outlet reaches each of those pages through two sources. Pages answer
 * after a random short delay, so a fetch is spread over time and a kill finds it mid-work.
 */
import { urlKey } from "../../src/util/url-key.ts";
import { type FixtureRoutes, type FixtureServer, startFixtureServer } from "./fixture-server.ts";
import { articlePage, type FixtureItem, makeItems, rssFeed } from "./news-fixtures.ts";

export interface IngestNewsroom {
  url: string;
  /** The three feeds to follow: desk A, desk B, the wire. */
  feedUrls: string[];
  /** Paths requested so far, in order. */
  requests: string[];
  /** Adds `n` items to each desk (the wire relists desk A's). */
  grow(n: number): void;
  /** The url key of every distinct article the feeds list now: each must be stored exactly once. */
  expectedKeys(): Set<string>;
  /** Words every stored article's text ends with: an article without them was cut short. */
  lastWords: string;
  close(): Promise<void>;
}

const LAST_WORDS = "before the vote";

/** makeItems' items, each closing with a quoted statement, so who-said-what is written with them. */
function quotedItems(count: number, prefix: string): FixtureItem[] {
  return makeItems(count, prefix).map((it, i) => ({
    ...it,
    paragraphs: [
      ...it.paragraphs,
      `“We will publish every figure of plan ${i + 1},” said Ana Ruiz, the council spokeswoman, ${LAST_WORDS}.`,
    ],
  }));
}

/** Starts the newsroom with `initial` items per desk; `pageDelayMs()` is each page's delay. */
export async function startIngestNewsroom(
  initial: number,
  pageDelayMs: () => number,
): Promise<IngestNewsroom> {
  let count = initial;
  let base = "";
  const desk = (name: string) => quotedItems(count, name);
  const routes: FixtureRoutes = {
    "/desk-a/feed.xml": () => feedResponse(rssFeed(`${base}/desk-a`, desk("a"), "Desk A")),
    "/desk-b/feed.xml": () => feedResponse(rssFeed(`${base}/desk-b`, desk("b"), "Desk B")),
    // Newest first, as desk A lists them last: the wire and desk A race for the same pages.
    "/wire/feed.xml": () =>
      feedResponse(
        rssFeed(base, desk("a").reverse(), "Wire")
          .replace(/<guid isPermaLink="false">/g, '<guid isPermaLink="false">wire-')
          .replace(/<link>([^<]+)<\/link>/g, (_, link: string) => `<link>${wireLink(base, link)}</link>`),
      ),
  };
  // The server reads `routes` at each request, so pages added as the desks grow are served.
  const addPages = () => {
    for (const d of ["a", "b"])
      for (const item of desk(d))
        routes[`/desk-${d}/articles/${item.slug}`] ??= () => ({
          body: articlePage(`${base}/desk-${d}`, item),
          delayMs: pageDelayMs(),
        });
  };
  addPages();
  const server: FixtureServer = await startFixtureServer(routes);
  base = server.url;
  return {
    url: base,
    feedUrls: ["/desk-a/feed.xml", "/desk-b/feed.xml", "/wire/feed.xml"].map((p) => `${base}${p}`),
    requests: server.requests,
    grow(n) {
      count += n;
      addPages();
    },
    expectedKeys() {
      const keys = new Set<string>();
      for (const d of ["a", "b"])
        for (const it of desk(d)) keys.add(urlKey(`${base}/desk-${d}/articles/${it.slug}`) ?? it.slug);
      return keys;
    },
    lastWords: LAST_WORDS,
    close: () => server.close(),
  };
}

function feedResponse(body: string) {
  return { headers: { "content-type": "application/rss+xml" }, body };
}

/** The wire's link to a desk A page: the same page, with a campaign parameter the url key drops. */
function wireLink(base: string, link: string): string {
  const slug = /\/articles\/([ab]-\d+)$/.exec(link)?.[1] ?? "";
  return `${base}/desk-a/articles/${slug}?utm_source=wire`;
}
