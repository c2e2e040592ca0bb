/** @module Articles of The Circuit Ledger, a (fictional) science and technology site. */
import { article, figure, h2, ol, p, ul } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

const outletSlug = "circuit-ledger";

export const circuitLedgerArticles: DemoArticle[] = [
  article({
    slug: "citizen-scientists-wire-alder-sound-with-tide-sensors",
    outletSlug,
    eventId: null,
    headline: "Citizen scientists wire Alder Sound with low-cost tide sensors",
    author: "Sunniva Okoro",
    published: "2026-11-04T09:30:00-08:00",
    section: "science",
    summary:
      "Volunteers have built 23 solar-powered gauges from off-the-shelf parts. Their data is already showing how unevenly the water rises around the sound.",
    leadImage: {
      name: "tide-sensor-on-piling",
      alt: "A small white plastic box with a solar panel strapped to a wooden dock piling above the water",
      caption: "One of the network’s gauges, mounted on a piling at the Harrow Island dock.",
      credit: "Alder Sound Tide Watch",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "The box strapped to the piling at the end of the Harrow Island dock does not look like scientific equipment. It is about the size of a lunch box, with a small solar panel on top and a length of white pipe running down into the water. Inside are a $12 ultrasonic distance sensor, a microcontroller and a radio.",
      ),
      p(
        "It is one of 23 gauges built and installed by Alder Sound Tide Watch, a volunteer group that started in a community college electronics class in 2024. Every five minutes, each gauge measures the distance to the water’s surface and sends the reading to a shared server over a low-power radio network.",
      ),
      h2("Filling the gaps"),
      p(
        "Until the volunteers arrived, the whole sound was covered by two official tide stations, both near the port. That is enough for shipping forecasts, but not to see how water behaves in shallow bays and river mouths during storms.",
      ),
      p(
        "“The official gauges tell you what the tide did at the harbor. They do not tell you what it did at the end of my street,” said Jonah Whitcombe, a retired telecom technician who designed the group’s circuit board.",
      ),
      h2("What the data shows"),
      p(
        "After a year of readings, the network has found that peak water levels in the inner bays run up to 30 centimeters higher than at the port during strong southerly winds, a difference the group has shared with the county’s flood planners.",
      ),
      h2("Keeping the data honest"),
      ol(
        "Calibrate each gauge against a surveyed benchmark when it is installed.",
        "Compare readings with the official port station every week to catch drift.",
        "Flag readings during heavy rain, when spray can confuse the ultrasonic sensor.",
        "Publish raw and corrected data side by side.",
      ),
      p(
        "The group wrote that checklist after early readings were thrown off by gulls perching on the sensors. Tern Valley University oceanographer Ines Halvorsen called the data “surprisingly good” and said her students now use it in class.",
      ),
      p(
        "The group plans to add 15 gauges next year and to publish all of its designs under an open hardware license.",
      ),
    ],
    tags: ["citizen science", "sea level", "open hardware", "sensors"],
  }),
  article({
    slug: "comet-c-2026-v2-okafor-what-we-know",
    outletSlug,
    eventId: "comet-okafor",
    headline: "Amateur’s find confirmed: what we know about comet C/2026 V2 (Okafor)",
    author: "Ada Nakamura-Reyes",
    published: "2026-11-13T10:00:00-08:00",
    updated: "2026-11-13T16:20:00-08:00",
    section: "space",
    summary:
      "A long-period comet spotted from a club observatory in the Tern Valley is on its way into the inner solar system. It could reach binocular brightness next spring, if it holds together.",
    leadImage: {
      name: "comet-okafor-discovery-frame",
      alt: "A faint fuzzy greenish spot among stars in a telescope image, marked with two short lines",
      caption: "The discovery frame, taken on Nov. 9, with the comet marked between the tick lines.",
      credit: "Lantern Hill Observatory",
      width: 1200,
      height: 900,
    },
    body: [
      p(
        "A comet discovered on Monday night by a retired schoolteacher at a small club observatory has been confirmed by the Minor Planet Center and given the designation C/2026 V2 (Okafor), after its discoverer, Halima Okafor of Port Alder.",
      ),
      p(
        "Okafor picked up the object on the night of Nov. 9 in images she took with the Lantern Hill Observatory’s 40-centimeter telescope, as part of a routine search for near-Earth asteroids. It showed a small fuzzy coma, which asteroids lack, and it moved slightly from one frame to the next.",
      ),
      h2("Decoding the name"),
      p(
        "The “C/” marks a non-periodic comet, one that takes more than 200 years to go around the Sun or never comes back at all. The “2026 V” means it was reported in the first half of November 2026, and the “2” says it was the second such comet announced in that window.",
      ),
      h2("Where it is going"),
      p(
        "Early orbit solutions put the comet’s closest approach to the Sun, or perihelion, in late April 2027, at about 0.9 times Earth’s distance from the Sun. It will not come especially close to Earth, passing no nearer than roughly 120 million kilometers.",
      ),
      figure({
        name: "comet-okafor-orbit-diagram",
        alt: "Diagram of the inner solar system showing a long curved comet path crossing the orbits of Earth and Mars",
        caption:
          "A simplified sketch of the comet’s path through the inner solar system, based on early orbit solutions.",
        credit: "Circuit Ledger graphic",
        width: 1000,
        height: 700,
      }),
      p(
        "“The orbit looks like a very long, very old one,” said Tomasz Wren, an astronomer at Tern Valley University who helped refine the early measurements. “This is likely its first trip this close to the Sun in a very long time, maybe ever, and first-timers are notoriously hard to predict.”",
      ),
      h2("Will we see it?"),
      p(
        "That uncertainty is the honest answer. Comets on their first visit can brighten quickly as ices boil off, then stall or break apart. If it behaves, C/2026 V2 could reach about magnitude 7 in April, bright enough for binoculars from a dark site but not for the naked eye.",
      ),
      ul(
        "Whether the comet keeps brightening on schedule as it crosses the orbit of Mars in February.",
        "Sudden outbursts, which can signal that the nucleus is fragmenting.",
        "Refined orbits as more observatories add measurements, which will pin down the best viewing dates.",
      ),
      p(
        "Okafor, who taught physics at Alder Sound High School for 31 years, said she had been looking for a comet since 1998. “I had more or less decided it was never going to happen,” she said. “Then there it was, a little smudge that would not sit still.”",
      ),
    ],
    tags: ["comets", "astronomy", "amateur astronomy", "solar system"],
  }),
  article({
    slug: "why-kestrel-is-betting-on-sodium",
    outletSlug,
    eventId: "kestrel-battery-plant",
    headline: "Why Kestrel is betting on sodium, not lithium, for its new factory",
    author: "Felix Brandt",
    published: "2026-11-16T13:30:00-08:00",
    section: "energy",
    summary:
      "Sodium-ion cells are heavier and store less energy than lithium-ion. For batteries that sit in a shipping container next to a substation, that may not matter.",
    leadImage: {
      name: "sodium-ion-cell-cutaway",
      alt: "Illustrated cutaway of a cylindrical battery cell showing layered electrodes",
      caption:
        "A cutaway illustration of a cylindrical sodium-ion cell similar to the ones Kestrel plans to make.",
      credit: "Kestrel Cells",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "When Kestrel Cells announced on Monday that it would turn an old paper mill in the Tern Valley into a battery plant, the headline numbers were about money and jobs. The more interesting number for battery engineers was the chemistry: every cell made there will use sodium instead of lithium.",
      ),
      h2("The trade-off"),
      p(
        "Sodium sits directly below lithium in the periodic table and behaves in a similar way inside a battery, shuttling back and forth between the electrodes as the cell charges and discharges. But sodium ions are bigger and heavier, which means a sodium-ion cell stores less energy for its weight.",
      ),
      p(
        "Kestrel’s current cells store around 160 watt-hours per kilogram, the company says, compared with 250 or more for the lithium-ion cells in many electric cars. In a car, that gap means less range. In a steel box next to a solar farm, it mostly means a slightly bigger box.",
      ),
      h2("Why it might work anyway"),
      ul(
        "Cost: sodium is abundant and cheap to extract, and the cells can use aluminum rather than copper foil on both electrodes.",
        "Cold weather: sodium-ion cells keep more of their capacity below freezing, useful for outdoor storage in northern winters.",
        "Safety: the cells can be shipped fully discharged, which lowers fire risk in transport.",
        "Supply chains: no lithium, cobalt or nickel, which insulates the plant from swings in those markets.",
      ),
      p(
        "“For stationary storage, nobody is asking how much the battery weighs. They are asking how much each cycle costs over fifteen years,” said Priyanka Raman, who studies battery materials at Tern Valley University and is not involved with the company. “On that question sodium is very competitive, if the cells last as long as promised.”",
      ),
      p(
        "That “if” is the key open question. Kestrel says its cells keep 80% of their capacity after 6,000 full cycles in lab tests. Independent data from large deployments is still scarce, and the company’s first pilot systems have been running for only about 18 months.",
      ),
      p(
        "The factory, planned to reach 8 gigawatt-hours a year of capacity by 2031, would be one of the largest sodium-ion lines outside Asia if it is built on schedule.",
      ),
    ],
    tags: ["batteries", "sodium-ion", "grid storage", "Kestrel Cells"],
  }),
  article({
    slug: "review-quillbook-mini",
    outletSlug,
    eventId: null,
    headline: "Review: the Quillbook Mini is an e-reader for people who hate charging things",
    author: "Felix Brandt",
    published: "2026-11-24T08:00:00-08:00",
    section: "reviews",
    summary:
      "A six-inch screen, physical page buttons and a battery that lasted seven weeks in our testing. The software is the weak spot.",
    leadImage: {
      name: "quillbook-mini-on-desk",
      alt: "A small black e-reader with page-turn buttons lying on a wooden desk next to a mug",
      caption: "The Quillbook Mini weighs 162 grams and has physical page-turn buttons.",
      credit: "Felix Brandt/The Circuit Ledger",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "I stopped charging the Quillbook Mini as an experiment. Seven weeks and three novels later, it finally asked for a cable. That is the headline feature of this small, plain e-reader from Quill Devices, and for a certain kind of reader it is the only one that matters.",
      ),
      h2("The hardware"),
      p(
        "The Mini has a six-inch, 300-pixel-per-inch e-paper screen, a warm front light and two physical buttons on the right edge for turning pages. It weighs 162 grams and is rated to survive 30 minutes in fresh water, which I tested, briefly, in a sink.",
      ),
      p(
        "Battery life is the star. With the light at about a third and Wi-Fi off, I averaged a little over an hour of reading a day for 49 days before the low-battery warning appeared.",
      ),
      h2("The software"),
      p(
        "The library screen is slow, searching a large collection takes several seconds, and there is no way to sort books into collections on the device itself. Syncing notes and highlights requires the company’s desktop app, which feels several years old.",
      ),
      h2("What we liked"),
      ul(
        "Exceptional battery life",
        "Physical page buttons that work with either hand after a settings change",
        "Open file support, including EPUB without conversion",
      ),
      h2("What we did not"),
      ul(
        "Sluggish library and search",
        "No collections on the device",
        "Front light slightly uneven at the bottom edge",
      ),
      p(
        "At $119, the Quillbook Mini is not the cheapest reader around, and it is not the cleverest. But if you want a device that behaves more like a paperback than a phone, it comes closer than anything else I have used this year. Score: 8/10.",
      ),
    ],
    tags: ["e-readers", "reviews", "gadgets"],
  }),
];
