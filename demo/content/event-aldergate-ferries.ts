/**
 * @module Sound Crossing Ferries orders two battery-hybrid ferries from Aldergate Shipyard (Nov 24): the wire
 * original, The Harbor Herald's story (whose headline is corrected later, see `revision`) and The Circuit
 * Ledger's explainer. The Valley Dispatch's rerun of the wire copy is in reprints-valley-dispatch.ts.
 */
import { article, h2, p, ul } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

export const aldergateFerriesWire: DemoArticle = article({
  slug: "sound-crossing-orders-two-hybrid-ferries-from-aldergate",
  outletSlug: "meridian-wire",
  eventId: "aldergate-hybrid-ferries",
  headline: "Sound Crossing Ferries orders two battery-hybrid vessels from Aldergate in $301 million deal",
  author: "Gideon Pike",
  published: "2026-11-24T06:30:00-08:00",
  section: "transport",
  summary:
    "The ferry operator will replace its two oldest boats with hybrid vessels built in Port Alder, backed by a $90 million state grant; deliveries are due in 2029 and 2030.",
  leadImage: {
    name: "aldergate-shipyard-dry-dock",
    alt: "A large empty dry dock at a shipyard with cranes and a steel hull section on blocks",
    caption: "The main dry dock at Aldergate Shipyard in Port Alder, where the two ferries will be built.",
    credit: "Ellis Grant/Meridian Photo",
    width: 960,
    height: 640,
  },
  body: [
    p(
      "PORT ALDER, Nov 24 (MBW) - Sound Crossing Ferries said on Tuesday it had ordered two battery-hybrid ferries from Aldergate Shipyard for a combined $301 million, the largest shipbuilding contract awarded in Port Alder in more than 20 years.",
    ),
    p(
      "The vessels, each carrying up to 1,200 passengers and 120 cars, will replace the Tern Queen and the Pell Islander, both built in 1979. The first is due to enter service in mid-2029 and the second a year later, the companies said.",
    ),
    p(
      "A $90 million grant from the state's clean ferries fund will cover part of the cost. Sound Crossing will finance the rest with a bank loan and cash on hand, Chief Financial Officer Howard Lim said on a call with reporters.",
    ),
    p(
      "Each ferry will carry a 6.4 megawatt-hour battery and is designed to make the 35-minute Harrow Island crossing on electric power alone, with diesel generators kept as a backup. The operator said the pair would cut its fuel use by about 40%.",
    ),
    p(
      'Aldergate, privately held and employing about 900 people, said the order would add roughly 350 jobs at its yard on the Tern River. "This keeps our dry docks full into 2030," yard President Mikel Osterhout said.',
    ),
    p(
      "The order comes three weeks after a fire destroyed the ticket hall at Sound Crossing's Calloway Street terminal in Port Alder. The company said shore chargers for the new ferries would be built into the terminal's reconstruction.",
    ),
    p(
      "Shares of Alder Marine Holdings, which owns 30% of Sound Crossing, rose 1.6% to $19.34 in morning trading.",
    ),
    p("(Reporting by Gideon Pike; Editing by Harriet Vance)"),
  ],
  tags: ["Sound Crossing Ferries", "Aldergate Shipyard", "shipbuilding", "transport"],
});

export const aldergateFerriesArticles: DemoArticle[] = [
  aldergateFerriesWire,
  article({
    slug: "aldergate-yard-lands-hybrid-ferry-order",
    outletSlug: "harbor-herald",
    eventId: "aldergate-hybrid-ferries",
    headline: "Aldergate yard lands $310 million order for two hybrid ferries",
    author: "Nell Achterberg",
    published: "2026-11-24T11:20:00-08:00",
    section: "business",
    summary:
      "The new boats will replace the ferries many islanders grew up on, and keep hundreds of welders and fitters busy on the Tern River for years.",
    leadImage: {
      name: "tern-queen-ferry-at-dock",
      alt: "An old white ferry with rust streaks and a tall funnel tied up at a wooden pier",
      caption: "The Tern Queen, built in 1979, is one of the two ferries the new vessels will replace.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "The welders at Aldergate Shipyard learned the news the way most people on the Tern River waterfront did on Tuesday: from a handwritten note taped to the time clock. “Two ferries. Ours. Coffee’s on the company,” it read.",
      ),
      p(
        "Sound Crossing Ferries has ordered two battery-hybrid ferries from the Port Alder yard, worth $301 million together, to retire the Tern Queen and the Pell Islander. The two boats have carried islanders across Alder Sound since 1979, and their breakdowns have become a familiar excuse for being late to work.",
      ),
      p(
        "“My father fitted pipe on the Tern Queen,” said Dolores Vickery, a welder who has worked at Aldergate for 22 years. “Now I get to build the boat that replaces her. That is a nice way to close the circle.”",
      ),
      h2("Quieter, cleaner crossings"),
      p(
        "The new ferries will each hold 1,200 passengers and 120 cars and can run the Harrow Island route on battery power, charging at the dock between trips. For riders, that should mean less engine noise and no diesel smell on the car deck, said Sound Crossing’s chief executive, Beatrice Lund.",
      ),
      p(
        "The state is paying $90 million of the cost. The first boat should arrive in 2029 and the second in 2030.",
      ),
      p(
        "The yard says it will hire about 350 people for the job. Its apprenticeship program with Tern Valley Community College will double to 60 places next year.",
      ),
      p(
        "Lund said the chargers would go into the rebuilt Calloway Street terminal, whose ticket hall burned on Nov. 3. Foot passengers have been using a temporary booth there since mid-November.",
      ),
    ],
    tags: ["Aldergate Shipyard", "ferries", "jobs", "Sound Crossing Ferries"],
    revision: {
      headline: "Aldergate yard lands $301 million order for two hybrid ferries",
      updated: "2026-11-24T15:05:00-08:00",
      note: "Correction: An earlier version of this story’s headline misstated the value of the order. It is $301 million.",
    },
  }),
  article({
    slug: "how-a-hybrid-ferry-crosses-alder-sound-on-a-charge",
    outletSlug: "circuit-ledger",
    eventId: "aldergate-hybrid-ferries",
    headline: "Can a 120-car ferry run on batteries? Sound Crossing’s new order is a bet that it can",
    author: "Sunniva Okoro",
    published: "2026-11-25T09:15:00-08:00",
    section: "energy",
    summary:
      "The two hybrid ferries ordered from Aldergate will carry 6.4 MWh of batteries each and top up in the minutes they spend at the dock. Here is how the numbers work out.",
    leadImage: {
      name: "hybrid-ferry-charging-arm-render",
      alt: "Illustration of a ferry at a dock with a robotic charging arm reaching down to a socket on its side",
      caption:
        "An artist’s impression of the shore charging arm planned for the rebuilt Calloway Street terminal.",
      credit: "Aldergate Shipyard",
      width: 1200,
      height: 900,
    },
    body: [
      p(
        "A ferry crossing is close to an ideal job for a battery. The route is fixed, the distance is short and the boat stops at the same two docks dozens of times a day, each stop a chance to plug in.",
      ),
      p(
        "That is the logic behind the $301 million order Sound Crossing Ferries placed on Tuesday with Aldergate Shipyard for two battery-hybrid ferries. Each will carry a 6.4 megawatt-hour battery bank, sized to run the 35-minute Harrow Island crossing without starting its diesel generators.",
      ),
      h2("The energy budget"),
      p(
        "Naval architects at Aldergate estimate a one-way crossing will use about 1.9 MWh in calm weather and up to 2.6 MWh in a winter gale. Chargers at each end will deliver up to 5 megawatts during a 12-minute turnaround, adding roughly 1 MWh per stop.",
      ),
      ul(
        "Battery: 6.4 MWh per vessel, lithium iron phosphate",
        "Capacity: 1,200 passengers, 120 cars",
        "Shore charging: up to 5 MW, automated arm",
        "Backup: two diesel generators per vessel",
      ),
      p(
        "The arithmetic means the battery slowly drains over a day of sailings and is topped up fully overnight. Designers keep about 30% in reserve, because cells age faster when they are run close to empty.",
      ),
      p(
        "“People imagine the hard part is the battery. The hard part is the dock,” said Ingrid Solheim, a marine electrification consultant who reviewed the design for the state. “You need a grid connection the size of a small factory at a waterfront that was built for cars and bicycles.”",
      ),
      p(
        "The first ferry is due in 2029. Sound Crossing says the two boats will cut its fuel use by about 40%, with the old diesel Tern Queen and Pell Islander retired as they arrive.",
      ),
    ],
    tags: ["ferries", "batteries", "electrification", "shipbuilding"],
  }),
];
