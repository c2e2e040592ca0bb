/**
 * @module For the soak bench: a newsroom on 127.0.0.1 whose outlets keep publishing. Each outlet has a
 * feed (RSS or Atom, its latest items) and article pages; while it runs, a new report appears every
 * `newEveryMs` (sometimes covered by a second outlet too, so stories gather several reports) and
 * every `editEveryMs` a recent report gets a corrected headline or lead, so polls keep finding new
 * and edited items.
 */

import {
  type FixtureRoutes,
  type FixtureServer,
  startFixtureServer,
} from "../../test/support/fixture-server.ts";
import {
  articlePage,
  atomFeed,
  type FixtureItem,
  makeItems,
  rssFeed,
} from "../../test/support/news-fixtures.ts";

const OUTLETS = ["gazette", "courier", "herald", "tribune", "observer", "ledger"];
/** Items a feed lists: the newest, as a real feed does. */
const FEED_LENGTH = 25;
/** Reports each outlet has before the run starts. */
const BACKLOG = 8;
const SPEAKERS = ["Ana Ortiz, the mayor", "Tom Reed, a council member", "Lena Fischer, the city treasurer"];
const XML = { "content-type": "application/xml; charset=utf-8" };
const titled = (outlet: string) => `The ${outlet[0]?.toUpperCase()}${outlet.slice(1)}`;

export interface SoakNewsroom {
  /** One feed URL per outlet. */
  feeds: string[];
  /** Starts publishing and editing on timers. */
  start(): void;
  counts(): { published: number; edits: number; feedPolls: number; pageFetches: number };
  close(): Promise<void>;
}

export async function startSoakNewsroom(opts: {
  newEveryMs: number;
  editEveryMs: number;
}): Promise<SoakNewsroom> {
  // Texts that share no words with each other, so unrelated reports never look like one story.
  const texts = makeItems(4000, "soak");
  const routes: FixtureRoutes = {};
  const server: FixtureServer = await startFixtureServer(routes);
  const items = new Map<string, FixtureItem[]>(OUTLETS.map((o) => [o, []]));
  let events = 0;
  let edits = 0;

  const base = (outlet: string) => `${server.url}/${outlet}`;
  const publish = (outlet: string, text: FixtureItem, variant: FixtureItem | null) => {
    const n = events;
    const it: FixtureItem = {
      slug: `${outlet}-${n}`,
      title: variant ? `${text.title}, officials confirm` : text.title,
      published: new Date().toISOString(),
      author: variant ? "Staff" : "Dana Reyes",
      paragraphs: [
        ...(variant ? [text.paragraphs[0] ?? "", variant.paragraphs[1] ?? ""] : text.paragraphs),
        `"We will publish the full budget for plan ${n + 1} before the vote," said ${SPEAKERS[n % SPEAKERS.length]}.`,
      ],
    };
    items.get(outlet)?.unshift(it);
    routes[`/${outlet}/articles/${it.slug}`] = () => ({
      body: articlePage(base(outlet), it, titled(outlet)),
    });
  };
  // One event: a report by one outlet, and every third one a second outlet's version of it.
  const event = () => {
    const text = texts[events % texts.length] as FixtureItem;
    const first = OUTLETS[events % OUTLETS.length] as string;
    publish(first, text, null);
    if (events % 3 === 0)
      publish(
        OUTLETS[(events + 1) % OUTLETS.length] as string,
        text,
        texts[texts.length - 1 - events] ?? null,
      );
    events++;
  };
  const edit = () => {
    const outlet = OUTLETS[edits % OUTLETS.length] as string;
    const it = items.get(outlet)?.[1 + (edits % 5)];
    if (!it) return;
    // Headline corrections and lead edits in turn: the feed's text changes either way.
    if (edits % 2 === 0) it.title = `${it.title.replace(/ \(corrected \d+\)$/, "")} (corrected ${edits})`;
    else it.paragraphs[0] = `${it.paragraphs[0]} Update ${edits}: the vote was moved to Thursday.`;
    edits++;
  };
  for (const [i, outlet] of OUTLETS.entries()) {
    routes[`/${outlet}/feed.xml`] = () => {
      const list = (items.get(outlet) ?? []).slice(0, FEED_LENGTH);
      const xml =
        i % 2 === 0
          ? rssFeed(base(outlet), list, titled(outlet))
          : atomFeed(base(outlet), list, titled(outlet));
      // The feed's home link names the outlet's own site: outlets are told apart by that host, and
      // every outlet here shares 127.0.0.1.
      return {
        headers: XML,
        body: xml
          .replace(`${base(outlet)}/<`, `https://${outlet}.example/<`)
          .replace(`"${base(outlet)}/"`, `"https://${outlet}.example/"`),
      };
    };
  }
  for (let i = 0; i < BACKLOG * OUTLETS.length; i++) event();

  const timers: NodeJS.Timeout[] = [];
  return {
    feeds: OUTLETS.map((o) => `${base(o)}/feed.xml`),
    start() {
      timers.push(setInterval(event, opts.newEveryMs), setInterval(edit, opts.editEveryMs));
    },
    counts: () => ({
      published: [...items.values()].reduce((n, list) => n + list.length, 0),
      edits,
      feedPolls: server.requests.filter((p) => p.endsWith("/feed.xml")).length,
      pageFetches: server.requests.filter((p) => p.includes("/articles/")).length,
    }),
    async close() {
      for (const t of timers) clearInterval(t);
      await server.close();
    },
  };
}
