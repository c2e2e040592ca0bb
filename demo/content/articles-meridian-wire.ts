/** @module Articles of Meridian Business Wire, a (fictional) regional business news wire. */
import { article, h2, p, ul } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

const outletSlug = "meridian-wire";

export const meridianWireArticles: DemoArticle[] = [
  article({
    slug: "sound-crossing-ferries-shifts-sailings-after-terminal-blaze",
    outletSlug,
    eventId: "ferry-terminal-fire",
    headline:
      "Sound Crossing Ferries shifts sailings to Gull Point after terminal blaze; damage estimate pending",
    author: "Gideon Pike",
    published: "2026-11-03T15:20:00-08:00",
    section: "companies",
    summary:
      "The ferry operator expects fare revenue to dip while its main Port Alder terminal is closed and says the building is insured, though its deductible could reach $2 million.",
    leadImage: {
      name: "sound-crossing-vessel-berth",
      alt: "A blue and white passenger ferry tied up at a concrete berth under grey skies",
      caption:
        "A Sound Crossing Ferries vessel at the Gull Point terminal, where the company moved its sailings on Tuesday.",
      credit: "Ellis Grant/Meridian Photo",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "PORT ALDER, Nov 3 (MBW) - Sound Crossing Ferries said on Tuesday it had moved its Port Alder sailings to its smaller Gull Point terminal after a fire destroyed the ticket hall at its downtown Calloway Street site, and warned that fare revenue would fall while the main terminal remains closed.",
      ),
      p(
        "The privately held operator, which carries about 4.2 million passengers a year across Alder Sound, said it was running roughly 65% of its normal weekday timetable. Calloway Street handles around 70% of the company's foot-passenger traffic, according to its most recent annual report.",
      ),
      p(
        '"The building is insured and we have business-interruption cover, but there will be a deductible and there will be a lag," Chief Financial Officer Howard Lim said in a telephone interview. He put the deductible at "up to $2 million" and said it was too early to estimate total damage.',
      ),
      p(
        "The terminal is owned by the city and leased to the operator under a 25-year agreement signed in 2019. Under the lease, the city is responsible for structural repairs, while Sound Crossing pays for fixtures and equipment, Lim said.",
      ),
      p(
        "Shares of Alder Marine Holdings, which owns 30% of Sound Crossing, fell 2.4% to $18.61 in afternoon trading.",
      ),
      p(
        'Analyst Joanna Petrakis of Birchfield Securities said a two-week disruption would cost the operator about $1.1 million in lost fares, "manageable for a company of this size, but not if the closure drags into the holiday season."',
      ),
      p(
        "No injuries were reported in the fire, which started around 4:40 a.m. Fire officials have not determined the cause.",
      ),
      p("(Reporting by Gideon Pike; Editing by Nadia Qureshi)"),
    ],
    tags: ["Sound Crossing Ferries", "Alder Marine Holdings", "insurance", "transport"],
  }),
  article({
    slug: "harbor-grocers-lifts-dividend-as-profit-climbs",
    outletSlug,
    eventId: "harbor-grocers-results",
    headline: "Harbor Grocers lifts dividend as third-quarter profit climbs 11%",
    author: "Harriet Vance",
    published: "2026-11-06T05:45:00-08:00",
    section: "companies",
    summary:
      "The regional supermarket chain credited its store-brand range and lower delivery costs, and raised its quarterly payout by 2 cents.",
    leadImage: {
      name: "harbor-grocers-storefront",
      alt: "A supermarket entrance with shopping carts lined up under a green awning",
      caption: "A Harbor Grocers store on Tern Parkway in Port Alder.",
      credit: "Ellis Grant/Meridian Photo",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "PORT ALDER, Nov 6 (MBW) - Harbor Grocers Co, the Tern Valley's largest supermarket chain, on Friday reported an 11% rise in third-quarter profit and raised its dividend, as shoppers shifted to its cheaper store-brand products and delivery costs fell.",
      ),
      p(
        "Net income rose to $24.6 million, or 61 cents a share, for the quarter ended Sept. 30, from $22.2 million, or 55 cents, a year earlier. Analysts had on average expected 58 cents a share. Revenue rose 4% to $812 million.",
      ),
      p(
        "Sales at stores open at least a year, a key measure for retailers, rose 3.1%. The company said its Harbor Pantry store brand now makes up 27% of grocery sales, up from 23% a year ago.",
      ),
      p(
        '"Customers are still watching every dollar, and they are trading down within the store, not leaving the store," Chief Executive Lorna Faraday said in a statement.',
      ),
      p("The board raised the quarterly dividend to 24 cents a share from 22 cents, payable on Dec. 15."),
      p(
        "Harbor Grocers runs 64 stores in the region. It said it planned to open two more in 2027, including its first in Millbrook, and kept its full-year profit forecast unchanged.",
      ),
      p("(Reporting by Harriet Vance; Editing by Nadia Qureshi)"),
    ],
    tags: ["Harbor Grocers", "earnings", "dividends", "retail"],
  }),
  article({
    slug: "port-alder-to-borrow-for-cedar-street-bridge",
    outletSlug,
    eventId: "cedar-street-bridge-vote",
    headline: "Port Alder plans $85 million bond sale after vote to replace Cedar Street Bridge",
    author: "Nadia Qureshi",
    published: "2026-11-11T07:40:00-08:00",
    section: "economy",
    summary:
      "The city will borrow its share of the $212 million project in 2027; three contractors are expected to bid for a job that closes a key river crossing for 30 months.",
    leadImage: {
      name: "port-alder-city-hall-columns",
      alt: "The stone columns and steps of a city hall building on an overcast morning",
      caption: "Port Alder City Hall, where the council approved the bridge plan on Tuesday night.",
      credit: "Ellis Grant/Meridian Photo",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "PORT ALDER, Nov 11 (MBW) - Port Alder expects to sell about $85 million of general obligation bonds next year to pay its share of replacing the Cedar Street Bridge, the city's finance director said on Wednesday, after the city council approved the $212 million project in a 6-3 vote.",
      ),
      p(
        "State and federal grants are set to cover about 60% of the cost. The remainder will come from the city's capital budget, financed mostly by the bond sale planned for the second quarter of 2027, Finance Director Leonard Abiodun said.",
      ),
      p(
        '"We have room under our debt limit, and we would rather lock in rates before construction starts than chase them during it," Abiodun said. The city carries an AA rating from Crestline Ratings, which said in a note that the borrowing was "manageable" and left the rating unchanged.',
      ),
      h2("Contractors line up"),
      p(
        "Halvard Construction, Pacific Span Builders and a joint venture led by Orrin Civil have told the city they intend to bid, according to procurement filings. Bids are due in March, and the council is expected to award the contract by June.",
      ),
      p(
        "The bridge will close to traffic for roughly 30 months from the summer of 2027. The plan includes a $4 million grant fund for businesses near the crossing, which local merchants say carries about a fifth of the traffic reaching the east-side shopping district.",
      ),
      p(
        "Freight operators also expect costs to rise. The Tern Valley Truckers Association estimated detours would add 15 to 25 minutes to deliveries between the port and the eastern industrial park.",
      ),
      p("(Reporting by Nadia Qureshi; Editing by Gideon Pike)"),
    ],
    tags: ["Port Alder", "municipal bonds", "infrastructure", "Cedar Street Bridge"],
  }),
  article({
    slug: "port-of-alder-container-volumes-slip-in-october",
    outletSlug,
    eventId: null,
    headline: "Port of Alder container volumes slip 6% in October",
    author: "Gideon Pike",
    published: "2026-11-13T09:00:00-08:00",
    section: "transport",
    summary:
      "Imports fell for a second month as retailers finished stocking up for the holidays early, while exports of farm goods rose.",
    leadImage: {
      name: "port-of-alder-cranes",
      alt: "Tall container cranes above stacks of colorful shipping containers at a port",
      caption: "Container cranes at the Port of Alder's Terminal 4.",
      credit: "Port of Alder",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "PORT ALDER, Nov 13 (MBW) - Container volumes at the Port of Alder fell 6.2% in October from a year earlier, the port authority said on Friday, as imports declined for a second straight month.",
      ),
      p(
        "The port handled 118,400 twenty-foot equivalent units (TEUs) last month. Officials said many retailers had brought in holiday inventory in August and September to avoid possible congestion, pulling volumes forward.",
      ),
      h2("October at a glance"),
      ul(
        "Loaded imports: 61,900 TEUs, down 9.8%",
        "Loaded exports: 38,200 TEUs, up 3.4%",
        "Empty containers: 18,300 TEUs, down 9.1%",
        "Year to date: 1.21 million TEUs, up 1.7%",
      ),
      p(
        "Exports rose on strong shipments of apples, hay and frozen vegetables from the Tern Valley, the port said.",
      ),
      p(
        '"We are not worried about one soft month. The year is still ahead of last year, and our export customers are having a very good autumn," port executive director Samuel Achebe said.',
      ),
      p("(Reporting by Gideon Pike; Editing by Harriet Vance)"),
    ],
    tags: ["Port of Alder", "shipping", "trade"],
  }),
  article({
    slug: "kestrel-cells-to-build-sodium-ion-battery-plant-in-tern-valley",
    outletSlug,
    eventId: "kestrel-battery-plant",
    headline: "Kestrel Cells to build $1.4 billion sodium-ion battery plant in Tern Valley",
    author: "Harriet Vance",
    published: "2026-11-16T06:00:00-08:00",
    section: "energy",
    summary:
      "The battery maker will convert the former Millbrook paper mill into a plant making cells for grid storage, with output starting in 2029 and about 1,100 permanent jobs.",
    leadImage: {
      name: "millbrook-mill-site-aerial",
      alt: "Aerial view of a disused paper mill with rusted roofs beside a river bend",
      caption:
        "The former Millbrook paper mill site, closed since 2019, where Kestrel plans to build its plant.",
      credit: "Kestrel Cells",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "MILLBROOK, Nov 16 (MBW) - Kestrel Cells Inc said on Monday it would invest $1.4 billion in a sodium-ion battery factory on the site of a shuttered paper mill in the Tern Valley, its first large-scale plant and one of the biggest industrial investments in the region in decades.",
      ),
      p(
        "The plant is expected to start production in the first half of 2029 and reach an annual capacity of 8 gigawatt-hours by 2031, the company said. It will employ about 1,100 people when fully running, with around 2,000 construction jobs at the peak of building.",
      ),
      h2("Financing"),
      p(
        "Kestrel said the project would be financed with $600 million of equity raised over the past year, a $450 million loan package led by Harbor National Bank and about $350 million in state tax credits and grants tied to hiring targets.",
      ),
      p(
        '"Grid storage is the fastest-growing market for batteries, and it is a market where cost per cycle matters more than weight," Chief Executive Renata Solis told analysts on a call. "That is exactly where sodium wins."',
      ),
      h2("Key figures"),
      ul(
        "Investment: $1.4 billion",
        "Site: former Millbrook paper mill, 210 acres",
        "Start of production: first half of 2029",
        "Planned capacity: 8 GWh a year by 2031",
        "Permanent jobs: about 1,100",
      ),
      p(
        "The Millbrook mill, once the valley's largest employer, closed in 2019 with the loss of 640 jobs. The county has owned the site since 2022.",
      ),
      p(
        "Kestrel, founded in 2020 and based in Port Alder, is privately held. Its backers include the venture firm Tidewater Capital and the utility Tern Valley Power & Light, which has agreed to buy storage systems from the plant's first two years of output.",
      ),
      p("(Reporting by Harriet Vance; Editing by Gideon Pike)"),
    ],
    tags: ["Kestrel Cells", "batteries", "investment", "manufacturing"],
  }),
  article({
    slug: "tern-valley-power-and-light-storm-costs",
    outletSlug,
    eventId: "november-windstorm",
    headline: "Tern Valley Power & Light sees storm costs of up to $38 million",
    author: "Nadia Qureshi",
    published: "2026-11-20T11:10:00-08:00",
    section: "energy",
    summary:
      "The utility estimated repair costs from this week's windstorm at $31 million to $38 million and said it would seek to recover part of them from customers.",
    leadImage: {
      name: "tvpl-substation-repairs",
      alt: "Workers in hard hats walking between transformers at an electrical substation",
      caption: "Workers at a Tern Valley Power & Light substation in Fernhill on Friday.",
      credit: "Ellis Grant/Meridian Photo",
      width: 960,
      height: 640,
    },
    body: [
      p(
        "PORT ALDER, Nov 20 (MBW) - Tern Valley Power & Light (TVP&L) said on Friday that repairs from this week's windstorm would cost between $31 million and $38 million, making it the utility's most expensive storm since 2017.",
      ),
      p(
        "The company said about 2,400 customers remained without power on Friday morning, down from a peak of roughly 48,000 late on Wednesday. Crews had replaced 146 poles and more than 30 miles of line.",
      ),
      p(
        'Chief Financial Officer Marguerite Osei said the company expected to ask state regulators to let it recover most of the cost through a storm surcharge spread over three years. "We carry a storm reserve for exactly this, but a storm of this size will exceed it," she said on a call with investors.',
      ),
      p(
        "TVP&L's storm reserve stood at $19 million at the end of September, according to its quarterly filing.",
      ),
      p(
        'Shares fell 1.8% to $42.17 in morning trading. Analysts at Birchfield Securities said the cost was "within the range of prior major storms" and left their earnings forecast for the year unchanged, noting that regulators have approved similar requests in the past.',
      ),
      p(
        "Insurance adjusters in the region said early claims were mostly for roof damage and fallen trees. The Tern Valley Insurance Council estimated insured property losses at $55 million to $70 million, a figure it said could rise as claims come in.",
      ),
      p("(Reporting by Nadia Qureshi; Editing by Harriet Vance)"),
    ],
    tags: ["Tern Valley Power & Light", "utilities", "storm", "insurance"],
  }),
];
