/**
 * @module Articles of The Valley Dispatch, a (fictional) small regional news site: a local brief of its own
 * and two Meridian Business Wire stories rerun nearly verbatim (its spinach-recall guide is in
 * event-harbor-grocers.ts).
 */
import { meridianWireArticles } from "./articles-meridian-wire.ts";
import { article, p } from "./blocks.ts";
import { aldergateFerriesWire } from "./event-aldergate-ferries.ts";
import { reprint } from "./reprint.ts";
import type { DemoArticle } from "./types.ts";

const outletSlug = "valley-dispatch";
const sourceLine = "Source: Meridian Business Wire";

function wire(slug: string): DemoArticle {
  const found = meridianWireArticles.find((a) => a.slug === slug);
  if (!found) throw new Error(`no Meridian article ${slug}`);
  return found;
}

export const valleyDispatchArticles: DemoArticle[] = [
  reprint(wire("harbor-grocers-lifts-dividend-as-profit-climbs"), {
    outletSlug,
    slug: "harbor-grocers-profit-up-dividend-raised",
    headline: "Harbor Grocers profit rises 11%; dividend goes up 2 cents",
    published: "2026-11-06T08:40:00-08:00",
    section: "wire",
    summary: "The Tern Valley’s biggest grocer beat forecasts as shoppers bought more of its own brands.",
    leadImage: {
      name: "dispatch-harbor-grocers-carts",
      alt: "A supermarket entrance with shopping carts lined up under a green awning",
      caption: "A Harbor Grocers store on Tern Parkway in Port Alder.",
      credit: "Meridian Business Wire",
      width: 800,
      height: 533,
    },
    tags: ["business", "Harbor Grocers", "wire"],
    edits: [["Chief Executive Lorna Faraday", "CEO Lorna Faraday"]],
    sourceLine,
  }),
  article({
    slug: "fernhill-library-reopens-after-roof-repair",
    outletSlug,
    eventId: null,
    headline: "Fernhill library reopens after six months of roof repairs",
    author: "June Halvorsen",
    published: "2026-11-17T12:30:00-08:00",
    section: "local",
    summary: "The branch is back with longer Saturday hours and a new teen room.",
    leadImage: {
      name: "fernhill-library-front-door",
      alt: "A small brick library with a new grey roof and a banner reading Welcome Back over the door",
      caption: "The Fernhill branch library on Tuesday, the day it reopened.",
      credit: "June Halvorsen/Valley Dispatch",
      width: 1000,
      height: 750,
    },
    body: [
      p(
        "The Fernhill branch of the Tern County Library opened its doors again on Tuesday after six months of repairs to a roof that had leaked onto the children’s shelves since last winter.",
      ),
      p(
        "The $1.3 million project replaced the roof, the heating system and the windows on the west side. While the branch was closed, a bookmobile parked outside the Fernhill fire station twice a week.",
      ),
      p(
        "Branch manager Ota Kristiansen said the library would now open until 5 p.m. on Saturdays, two hours later than before, and that a storage room had become a teen room with two computers and a games shelf.",
      ),
      p(
        "“People kept knocking on the door to ask when we would be back,” Kristiansen said. “It is nice to finally say: today.”",
      ),
    ],
    tags: ["Fernhill", "libraries", "community"],
  }),
  reprint(aldergateFerriesWire, {
    outletSlug,
    slug: "port-alder-shipyard-to-build-two-hybrid-ferries",
    headline: "Port Alder shipyard to build two hybrid ferries for Sound Crossing",
    published: "2026-11-24T08:05:00-08:00",
    section: "wire",
    summary: "Aldergate Shipyard wins a $301 million order that will add about 350 jobs.",
    leadImage: {
      name: "dispatch-aldergate-dry-dock",
      alt: "A large empty dry dock at a shipyard with cranes and a steel hull section on blocks",
      caption: "The main dry dock at Aldergate Shipyard in Port Alder, where the two ferries will be built.",
      credit: "Meridian Business Wire",
      width: 800,
      height: 533,
    },
    tags: ["business", "ferries", "wire"],
    edits: [
      ["said on Tuesday", "said Tuesday"],
      ["120 cars", "120 vehicles"],
    ],
    sourceLine,
  }),
];
