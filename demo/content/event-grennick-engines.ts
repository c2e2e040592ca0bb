/**
 * @module Velland detains a freighter carrying Port Alder-built marine engines it says were bound for Kaskara
 * (Nov 27): the wire original (dense attribution: Kaskara's state news agency, its leader through the agency,
 * Velland's intelligence service briefing lawmakers, the foreign ministry and its spokeswoman, the foreign
 * minister, an anonymous official, a denial, a "declined to comment"), The Valley Dispatch's rerun of it, and
 * TVPR's own report from the engine maker's home town. Velland, Kaskara and Sarrant are fictional countries.
 */
import { article, h2, p } from "./blocks.ts";
import { reprint } from "./reprint.ts";
import type { DemoArticle } from "./types.ts";

export const grennickEnginesWire: DemoArticle = article({
  slug: "velland-detains-freighter-with-port-alder-engines-over-kaskara-sanctions",
  outletSlug: "meridian-wire",
  eventId: "grennick-engine-seizure",
  headline:
    "Velland detains freighter carrying $38 million of Port Alder engines it says were bound for Kaskara",
  author: "Ilsa Marwick",
  published: "2026-11-27T07:10:00-08:00",
  section: "economy",
  summary:
    "Velland says 14 marine diesel engines made by Tern Diesel Works were to be moved onto a Kaskaran vessel at sea in breach of its sanctions; Kaskara calls the seizure piracy.",
  leadImage: {
    name: "saltmarsh-wren-at-grennick-quay",
    alt: "A rust-streaked cargo ship moored at a grey concrete quay, with customs vans parked beside it",
    caption:
      "The Saltmarsh Wren at the port of Grennick, Velland, where customs officers detained it on Tuesday.",
    credit: "Sten Ahlgard/Meridian Photo",
    width: 960,
    height: 640,
  },
  body: [
    p(
      "HALVIK, Nov 27 (MBW) - Velland has detained a freighter carrying 14 marine diesel engines built in Port Alder, and its foreign ministry said in a statement on Friday that the $38 million cargo was bound for Kaskara in breach of Velland's sanctions on that country.",
    ),
    p(
      "Customs officers stopped the Sarrant-flagged Saltmarsh Wren on Tuesday while it was refuelling in the port of Grennick. Its papers named a fishing cooperative in Sarrant as the buyer, but the engines were to be moved onto a Kaskaran vessel at sea, ministry spokeswoman Annika Sollund said.",
    ),
    p(
      'Kaskara\'s state news agency Voskra reported that the ship was carrying spare parts for the country\'s fishing fleet. Chairman Kasimir Dravan said Kaskara would answer "this act of piracy" with firmness, according to Voskra. Dravan praised the 11 Kaskaran sailors aboard as "true sons of the nation," the agency reported.',
    ),
    p(
      "Velland's Foreign Intelligence Directorate told lawmakers in a closed-door briefing on Thursday that the engines were meant for two patrol boats being built at the Kessrin naval yard on Kaskara's north coast, according to lawmaker Jens Heddal, who attended. \"These engines were never going anywhere near a fishing boat,\" Heddal told reporters afterwards.",
    ),
    p(
      'Foreign Minister Helena Marsk said the cargo would stay in Grennick until investigators had finished their work. "We have no quarrel with the people of Kaskara," she said, "but no government will use our harbours to rearm." The minister said Velland had asked Sarrant to explain how the export papers were approved, and Marsk told parliament she expected an answer within a week.',
    ),
    p(
      "The Cawdrey Bay Fishers' Cooperative, the buyer named on the papers, denied that it had ordered any engines. The engines had been paid for through three shell companies registered in Sarrant, said a Velland customs official who spoke on condition of anonymity because the investigation is continuing.",
    ),
    p(
      'Tern Diesel Works, the Port Alder company that built the engines, said it had sold them in September to a dealer in Sarrant with every export licence required. "We are cooperating fully with the authorities in Velland," Chief Executive Carla Mossgrove said. Ness Point Shipping, the vessel\'s operator, declined to comment.',
    ),
    p(
      "Shares of Tern Diesel fell 4.2% to $11.80 in early trading. Insurers have raised war-risk premiums for ships calling at Kaskaran ports by about a quarter since October, according to Pemberly Shipbrokers in Halvik.",
    ),
    p("(Reporting by Ilsa Marwick in Halvik and Gideon Pike in Port Alder; Editing by Harriet Vance)"),
  ],
  tags: ["Tern Diesel Works", "sanctions", "shipping", "Velland", "Kaskara"],
});

export const grennickEnginesArticles: DemoArticle[] = [
  grennickEnginesWire,
  reprint(grennickEnginesWire, {
    outletSlug: "valley-dispatch",
    slug: "velland-holds-ship-carrying-port-alder-engines",
    headline: "Velland holds ship carrying Port Alder engines, says they were headed for Kaskara",
    published: "2026-11-27T09:05:00-08:00",
    section: "wire",
    summary: "Fourteen engines made by Tern Diesel Works are stuck in a foreign port in a sanctions dispute.",
    leadImage: {
      name: "dispatch-freighter-at-grennick",
      alt: "A cargo ship tied up at a concrete quay with customs vans beside it",
      caption: "The Saltmarsh Wren in the port of Grennick.",
      credit: "Meridian Business Wire",
      width: 800,
      height: 533,
    },
    tags: ["business", "Tern Diesel Works", "wire"],
    edits: [
      ["said in a statement on Friday", "said in a statement Friday"],
      ["Chief Executive Carla Mossgrove", "CEO Carla Mossgrove"],
    ],
    sourceLine: "Source: Meridian Business Wire",
  }),
  article({
    slug: "tern-diesel-engines-caught-in-sanctions-fight-overseas",
    outletSlug: "tvpr",
    eventId: "grennick-engine-seizure",
    headline: "Engines built in Port Alder are stuck in a foreign port, at the center of a sanctions fight",
    author: "Theo Adeyemi",
    published: "2026-11-27T15:30:00-08:00",
    section: "news",
    summary:
      "Velland says the Tern Diesel engines on a detained freighter were headed for Kaskara’s navy. The company says it followed the rules; its workers are waiting to hear what happens next.",
    leadImage: {
      name: "tern-diesel-works-test-bay",
      alt: "A large green marine engine on a steel test stand inside a factory hall, with two workers in ear protection",
      caption: "A marine diesel engine on the test stand at Tern Diesel Works in Port Alder on Friday.",
      credit: "Rosa Lindqvist/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "The 14 engines left the Tern Diesel Works loading dock on Ash Street in October, crated and bolted to flatbed trailers. On Friday they were sitting in the hold of a cargo ship half a world away, under guard, in the middle of a diplomatic quarrel between two countries most people in Port Alder could not find on a map.",
      ),
      p(
        "Customs officers in Velland have held the freighter, the Saltmarsh Wren, since Tuesday. Velland’s government says the engines were never meant for the Sarrant fishing cooperative listed as their buyer. Its foreign ministry says they were headed for Kaskara, a country under Velland sanctions, and were to be transferred to a Kaskaran ship at sea.",
      ),
      p(
        "Velland’s foreign minister, Helena Marsk, told the country’s parliament that the engines would not leave the port of Grennick until the investigation is over. “No government will use our harbours to rearm,” Marsk said.",
      ),
      h2("Two accounts of one cargo"),
      p(
        "Kaskara’s government tells a different story. Its state news agency, Voskra, says the ship carried spare parts for fishing boats, and Kaskaran leader Kasimir Dravan called the seizure “an act of piracy.” A member of Velland’s parliament, Jens Heddal, said intelligence officials had told lawmakers the engines were bound for a navy yard building patrol boats.",
      ),
      p(
        "At Tern Diesel, chief executive Carla Mossgrove told TVPR the company had sold the engines to a licensed dealer in Sarrant and had checked every permit. “We did what the law asks of an exporter,” Mossgrove said. “If someone lied to us down the line, we want to know as much as anyone.”",
      ),
      p(
        "Gary Tolliver, who has assembled fuel systems at the plant for 19 years and is a steward for the machinists’ local, said the order had kept the second shift busy all summer. “Guys are asking whether we get in trouble for this,” he said. “Nobody here knew where those engines were going after the truck left.”",
      ),
      p(
        "Export-control lawyer Denise Faraway said manufacturers are rarely punished when a buyer re-exports goods behind their back, as long as the paperwork was honest. Tern Diesel’s shares fell about 4% on Friday.",
      ),
    ],
    tags: ["Tern Diesel Works", "manufacturing", "sanctions", "jobs"],
  }),
];
