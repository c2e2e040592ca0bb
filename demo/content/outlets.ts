/** @module The five fictional outlets of the demo newsroom. */
import type { DemoOutlet } from "./types.ts";

export const harborHerald: DemoOutlet = {
  slug: "harbor-herald",
  name: "The Harbor Herald",
  shortName: "Harbor Herald",
  kind: "city daily",
  tagline: "Port Alder’s daily newspaper since 1889",
  style: "wordpress",
  feed: { format: "rss", path: "/harbor-herald/feed/" },
  language: "en-US",
  idAuthority: "harbor-herald.example",
  sectionFeeds: [
    {
      section: "science",
      path: "/harbor-herald/category/science/feed/",
      title: "The Harbor Herald » Science",
      linkQuery: "utm_source=rss&utm_medium=feed",
    },
  ],
  sections: [
    { slug: "news", name: "News" },
    { slug: "city-hall", name: "City Hall" },
    { slug: "business", name: "Business" },
    { slug: "science", name: "Science" },
    { slug: "sports", name: "Sports" },
    { slug: "features", name: "Features" },
  ],
};

export const tvpr: DemoOutlet = {
  slug: "tvpr",
  name: "Tern Valley Public Radio",
  shortName: "TVPR News",
  kind: "regional public broadcaster",
  tagline: "News and conversation for the Tern Valley",
  style: "bem",
  feed: { format: "atom", path: "/tvpr/news/atom.xml" },
  language: "en-US",
  idAuthority: "tvpr.example",
  sectionFeeds: [],
  sections: [
    { slug: "news", name: "News" },
    { slug: "politics", name: "Politics" },
    { slug: "environment", name: "Environment" },
    { slug: "science", name: "Science" },
    { slug: "arts", name: "Arts & Culture" },
    { slug: "arabic", name: "العربية" },
  ],
};

export const circuitLedger: DemoOutlet = {
  slug: "circuit-ledger",
  name: "The Circuit Ledger",
  shortName: "Circuit Ledger",
  kind: "science and technology site",
  tagline: "Science, technology and the things we build",
  style: "jsonld",
  feed: { format: "atom", path: "/circuit-ledger/feed.atom" },
  language: "en",
  idAuthority: "circuit-ledger.example",
  sectionFeeds: [],
  sections: [
    { slug: "science", name: "Science" },
    { slug: "space", name: "Space" },
    { slug: "energy", name: "Energy" },
    { slug: "gadgets", name: "Gadgets" },
    { slug: "reviews", name: "Reviews" },
  ],
};

export const meridianWire: DemoOutlet = {
  slug: "meridian-wire",
  name: "Meridian Business Wire",
  shortName: "Meridian",
  kind: "business news wire",
  tagline: "Markets, companies and the regional economy",
  style: "legacy",
  feed: { format: "rss", path: "/meridian-wire/rss/latest.xml" },
  language: "en-US",
  idAuthority: "meridian-wire.example",
  sectionFeeds: [],
  sections: [
    { slug: "markets", name: "Markets" },
    { slug: "companies", name: "Companies" },
    { slug: "economy", name: "Economy" },
    { slug: "energy", name: "Energy" },
    { slug: "transport", name: "Transport" },
  ],
};

export const valleyDispatch: DemoOutlet = {
  slug: "valley-dispatch",
  name: "The Valley Dispatch",
  shortName: "Valley Dispatch",
  kind: "small regional news site that reruns wire copy",
  tagline: "Tern Valley news, briefly",
  style: "hentry",
  feed: { format: "json", path: "/valley-dispatch/feed.json" },
  language: "en-US",
  idAuthority: "valley-dispatch.example",
  sectionFeeds: [],
  sections: [
    { slug: "local", name: "Local" },
    { slug: "business", name: "Business" },
    { slug: "wire", name: "From the wire" },
  ],
};

export const outletList: DemoOutlet[] = [harborHerald, tvpr, circuitLedger, meridianWire, valleyDispatch];
