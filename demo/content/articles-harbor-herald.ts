/** @module Articles of The Harbor Herald, Port Alder's (fictional) city daily. */
import { article, figure, h2, p, quote, ul } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

const outletSlug = "harbor-herald";

export const harborHeraldArticles: DemoArticle[] = [
  article({
    slug: "fire-guts-ticket-hall-at-calloway-street-ferry-terminal",
    outletSlug,
    eventId: "ferry-terminal-fire",
    headline: "Fire guts ticket hall at Calloway Street ferry terminal",
    author: "Priya Castellanos",
    published: "2026-11-03T07:05:00-08:00",
    updated: "2026-11-03T11:30:00-08:00",
    section: "news",
    summary:
      "No one was hurt in the pre-dawn blaze, but the downtown terminal will stay closed for at least two weeks while investigators look for the cause.",
    leadImage: {
      name: "calloway-terminal-fire",
      alt: "Firefighters spray water on the smoking roof of a low ferry terminal building at dawn",
      caption: "Port Alder firefighters work on the roof of the terminal’s ticket hall early Tuesday.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 675,
    },
    body: [
      p(
        "A fire that broke out before dawn on Tuesday destroyed the ticket hall at the Calloway Street ferry terminal, shutting Port Alder’s busiest waterfront crossing and sending thousands of morning commuters looking for another way across Alder Sound.",
      ),
      p(
        "Crews were called at 4:42 a.m. after a security guard reported smoke coming from the ceiling above the ticket counters, according to the Port Alder Fire Department. The first engine arrived four minutes later to find flames through the roof. The fire was declared under control at 6:15 a.m.",
      ),
      p(
        "No one was injured. The guard and two cleaning staff left the building on their own before firefighters arrived, and no ferries were docked at the time.",
      ),
      h2("Cause still unknown"),
      p(
        "Fire Chief Marcus Tillery said it was too early to say how the fire started. “The damage is heaviest in the ceiling space over the counters, so that is where our investigators will start,” he told reporters at the scene. “We are not treating it as suspicious at this point, but we are not ruling anything out.”",
      ),
      p(
        "The 1974 building had been scheduled for a $9 million renovation next spring. City records show its sprinkler system covered the waiting room but not the older ticketing wing, a gap that a 2023 inspection flagged.",
      ),
      h2("What riders need to know"),
      ul(
        "Sailings from Calloway Street are cancelled until further notice.",
        "Sound Crossing Ferries is running a reduced schedule from the Gull Point terminal, about six miles north.",
        "Free shuttle buses to Gull Point leave from the Calloway Street transit plaza every 20 minutes from 5 a.m.",
        "Monthly pass holders can ride the shuttle and the Route 3 bus at no charge.",
      ),
      p(
        "Mayor Ines Varga, who visited the site at mid-morning, said the city would ask the state for emergency help with the rebuilding costs. “This terminal is the front door of our downtown,” she said. “We will get it open again, and we will not just patch it.”",
      ),
      p(
        "The terminal’s steel passenger walkway and the car-loading ramps appeared undamaged. Officials said they hoped to reopen the walkway for foot passengers with a temporary ticket booth within two weeks.",
      ),
    ],
    tags: ["ferries", "fire", "Calloway Street", "transportation"],
  }),
  article({
    slug: "wick-lane-bakery-turns-100",
    outletSlug,
    eventId: null,
    headline: "Wick Lane Bakery turns 100, still feeding its first sourdough starter",
    author: "Owen Marsh",
    published: "2026-11-05T09:00:00-08:00",
    section: "features",
    summary:
      "Four generations of the Ambrose family have run the corner bakery. The starter, they say, is older than the building.",
    leadImage: {
      name: "wick-lane-bakery-window",
      alt: "Loaves of round bread stacked in a bakery window with painted gold lettering",
      caption: "Morning loaves in the window of Wick Lane Bakery.",
      credit: "Courtesy of Wick Lane Bakery",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "At 3:30 every morning, Elsie Ambrose takes a stoneware crock out of the walk-in cooler at Wick Lane Bakery, lifts the cloth and feeds the sourdough starter that her great-grandfather brought to Port Alder in 1926.",
      ),
      p(
        "“People ask if it is really the same starter,” she said. “It is as much the same as a river is the same river. It has been fed every day for a hundred years.”",
      ),
      p(
        "The bakery marks its centennial this Saturday with free bread for the first 100 customers and a display of old photographs in the front window.",
      ),
      h2("Four generations"),
      p(
        "Albert Ambrose opened the shop with one oven and a delivery bicycle. His son added the cake counter in the 1950s. His granddaughter Ruth, Elsie’s mother, kept the doors open through the lean years of the early 1980s by selling bread from the back door at night to dockworkers coming off shift.",
      ),
      p(
        "Elsie took over in 2015. She has added a rye and a seeded spelt loaf, but the bestseller is still the one her great-grandfather made: a plain, dark-crusted sourdough sold by the half loaf.",
      ),
      quote(
        "We do not really do trends. We do bread, and we try to do it the same way on a bad day as on a good one.",
        "Elsie Ambrose",
      ),
      p(
        "Regulars lined up on Wednesday to put in orders for Saturday. “I have been coming since I was six,” said Walt Fenwick, 81. “My mother sent me with a coin and a note.”",
      ),
    ],
    tags: ["food", "small business", "history"],
  }),
  article({
    slug: "council-votes-to-replace-cedar-street-bridge",
    outletSlug,
    eventId: "cedar-street-bridge-vote",
    headline: "Council votes 6–3 to replace Cedar Street Bridge, bringing a 30-month closure",
    author: "Dana Whitlock",
    published: "2026-11-10T22:15:00-08:00",
    section: "city-hall",
    summary:
      "The $212 million plan swaps the 1958 drawbridge for a fixed span with wider sidewalks and protected bike lanes. Critics warned of the toll on east-side businesses.",
    leadImage: {
      name: "cedar-street-bridge-dusk",
      alt: "An old steel drawbridge with raised counterweights over a river at dusk",
      caption:
        "The Cedar Street Bridge, built in 1958, has been stuck in the open position three times since 2024.",
      credit: "Dana Whitlock/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "After nearly four hours of public comment, the Port Alder City Council voted 6–3 late Tuesday to tear down the Cedar Street Bridge and replace it with a fixed concrete span, ending a debate that has run through three mayors and two failed bond measures.",
      ),
      p(
        "The $212 million project will close the bridge to all traffic for about 30 months starting in the summer of 2027. Drivers will be sent to the Harbor Avenue and Tern Parkway crossings, and a temporary foot and bike ferry will run between the two riverbanks during daylight hours.",
      ),
      h2("Why now"),
      p(
        "The 1958 drawbridge has failed to close after opening for river traffic three times since 2024, once stranding drivers for nine hours. A state inspection last year rated its deck “poor” and its lift machinery “serious.”",
      ),
      p(
        "“We can keep paying to nurse this bridge along, or we can build one that will still be standing when our grandchildren are driving over it,” said Councilmember Ruth Amsel, who chairs the transportation committee.",
      ),
      h2("The opposition"),
      p(
        "Councilmembers Dev Okonkwo-Hale, Pat Greer and Yusuf Brandt voted no. Okonkwo-Hale, whose district includes the shops along East Cedar, argued for a cheaper rehabilitation that would have kept one lane open during the work.",
      ),
      p("“Thirty months is not a construction schedule for a corner café. It is a death sentence,” he said."),
      p(
        "The approved plan includes a $4 million fund for businesses within half a mile of the bridge, to be paid out as grants of up to $40,000 each. About 60% of the cost will come from state and federal grants, with the rest from the city’s capital budget.",
      ),
      p(
        "Final designs are due next spring. The new bridge will have two traffic lanes, a protected bike lane in each direction and sidewalks twice as wide as today’s.",
      ),
    ],
    tags: ["city council", "Cedar Street Bridge", "transportation", "budget"],
  }),
  article({
    slug: "retired-teacher-discovers-comet-from-lantern-hill",
    outletSlug,
    eventId: "comet-okafor",
    headline: "Retired Port Alder teacher discovers a comet from Lantern Hill",
    author: "Lena Hoffmann",
    published: "2026-11-13T14:45:00-08:00",
    section: "science",
    summary:
      "Halima Okafor spent 28 years searching the sky from the astronomy club’s hilltop dome. Now a comet bears her name.",
    leadImage: {
      name: "halima-okafor-observatory-dome",
      alt: "A woman in a wool hat stands beside a white observatory dome at twilight",
      caption: "Halima Okafor outside the Lantern Hill Observatory dome on Friday.",
      credit: "Owen Marsh/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "For 28 years, Halima Okafor has driven up the gravel road to the Lantern Hill Observatory on clear nights, unlocked the dome and gone looking for something no one had seen before. On Friday, the international body that tracks small solar system objects confirmed that she had finally found it.",
      ),
      p(
        "The comet, now officially C/2026 V2 (Okafor), is the first discovered from the Tern Valley since the Port Alder Astronomical Society built the observatory in 1987.",
      ),
      p(
        "“I screamed, and then I checked it four more times, and then I screamed again,” said Okafor, 67, who taught physics at Alder Sound High School until she retired in 2021. “My husband came out in his pajamas to see what was wrong.”",
      ),
      h2("A night like any other"),
      p(
        "She spotted it on Monday night while running a search for near-Earth asteroids, a project the club contributes to with its 40-centimeter telescope. A faint smudge appeared in the same part of the sky in a string of images, moving just a little each time.",
      ),
      p("Within hours, observers in Chile and Spain had confirmed the find, she said."),
      quote(
        "What Halima did is exactly how a lot of comets are still found: patience, good habits and a willingness to look at the same dull-looking images night after night.",
        "Dr. Tomasz Wren, Tern Valley University",
      ),
      p(
        "Astronomers say the comet could become visible through binoculars next April, though first-time visitors from the outer solar system are known for disappointing. The society plans public viewing nights at Lantern Hill if it brightens as hoped.",
      ),
      p(
        "Several of Okafor’s former students sent messages after the news spread. “One of them wrote, ‘You always said to check your work twice,’” she said. “I told him I checked it five times.”",
      ),
    ],
    tags: ["astronomy", "comet", "Lantern Hill", "people"],
  }),
  article({
    slug: "old-millbrook-paper-mill-to-become-battery-factory",
    outletSlug,
    eventId: "kestrel-battery-plant",
    headline: "Old Millbrook paper mill to become a battery factory, promising 1,100 jobs",
    author: "Nell Achterberg",
    published: "2026-11-16T16:10:00-08:00",
    section: "business",
    summary:
      "Seven years after the mill’s last shift, a Port Alder company plans to build sodium-ion batteries on the site. Local leaders called it the best news the valley has had in a generation.",
    leadImage: {
      name: "millbrook-mill-smokestack",
      alt: "A tall brick smokestack rising behind a chain-link fence at an abandoned industrial site",
      caption:
        "The brick smokestack of the former Millbrook paper mill, which the developer says it will keep.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "The smokestack will stay. Almost everything else on the 210-acre site of the old Millbrook paper mill will come down to make way for a $1.4 billion battery factory, Port Alder-based Kestrel Cells announced Monday.",
      ),
      p(
        "The company says the plant will employ about 1,100 people once it is running at full capacity in 2031, more than the mill did in its final decade. Construction is expected to start next summer.",
      ),
      p(
        "“My dad worked at that mill for 34 years. When it closed, a lot of people here figured that was the end of Millbrook,” said County Commissioner Alma Reyes, who helped negotiate the deal. “Today is the day we stop talking about this valley in the past tense.”",
      ),
      h2("Training, and a promise"),
      p(
        "Under its agreement with the state, Kestrel must fill at least 40% of its jobs with Tern Valley residents to keep its full tax credit. Tern Valley Community College will start a battery technician certificate in the fall of 2027, with the company paying tuition for the first 200 students.",
      ),
      p("Starting pay for production technicians will be about $27 an hour, Kestrel said."),
      p(
        "Not everyone was ready to celebrate. Several residents at an evening briefing in the Millbrook Grange hall asked about truck traffic on Mill Road and how much water the plant would draw from the Tern River. Company officials said they would present a traffic study and a water plan before construction begins.",
      ),
      p(
        "Kestrel, founded in 2020 in a rented warehouse on Port Alder’s Foundry Street, currently employs 180 people.",
      ),
    ],
    tags: ["jobs", "Millbrook", "Kestrel Cells", "manufacturing"],
  }),
  article({
    slug: "windstorm-topples-trees-closes-schools",
    outletSlug,
    eventId: "november-windstorm",
    headline: "Windstorm topples trees, closes schools across Port Alder",
    author: "Priya Castellanos",
    published: "2026-11-19T07:30:00-08:00",
    updated: "2026-11-19T10:05:00-08:00",
    section: "news",
    summary:
      "Gusts up to 71 mph knocked out power to about 48,000 homes and businesses overnight. All Port Alder public schools are closed Thursday.",
    leadImage: {
      name: "fallen-maple-on-linden-avenue",
      alt: "A large uprooted maple tree lying across a residential street and a crushed parked car",
      caption:
        "A maple tree uprooted by the wind blocks Linden Avenue near Bayview Park on Thursday morning.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "A fast-moving windstorm tore through Port Alder overnight, uprooting trees, tearing down power lines and leaving about 48,000 homes and businesses in the dark at its peak early Thursday, according to Tern Valley Power & Light.",
      ),
      p(
        "The National Weather Service recorded a gust of 71 mph at the Port Alder airport at 1:52 a.m., the strongest there since 2017. Gusts above 60 mph were reported at the harbor and on Lantern Hill.",
      ),
      p(
        "Port Alder Public Schools canceled classes Thursday at all 31 of its schools, citing blocked roads and outages at nine buildings. Superintendent Carmen Ruiz said a decision about Friday would be made by 6 p.m.",
      ),
      h2("Trees and roads"),
      p(
        "City crews had received more than 220 reports of fallen trees by 6 a.m., Public Works Director Sean Kavanagh said. At least 14 streets were fully blocked, including stretches of Linden Avenue, Harbor Avenue near the marina and Old Mill Road.",
      ),
      figure({
        name: "harbor-avenue-power-crew",
        alt: "Utility workers in a bucket truck repair power lines above a wet street",
        caption: "A Tern Valley Power & Light crew repairs lines on Harbor Avenue.",
        credit: "Sam Ferreira/Harbor Herald",
        width: 1000,
        height: 667,
      }),
      p(
        "“Please treat every downed line as live, and please stay off the roads this morning if you can,” Kavanagh said.",
      ),
      p(
        "No serious injuries had been reported by Thursday morning. Firefighters freed a driver whose car was pinned by a fallen cedar on Old Mill Road; she was taken to St. Brendan’s Hospital as a precaution.",
      ),
      h2("Where to get help"),
      ul(
        "Warming and charging centers are open at the Central Library and the Eastside Community Center until 9 p.m.",
        "Report downed lines to Tern Valley Power & Light’s emergency line, not to 911, unless someone is in danger.",
        "Yard debris can be left at the curb; city crews will begin pickup on Monday.",
      ),
    ],
    tags: ["weather", "power outages", "schools", "storm"],
  }),
  article({
    slug: "alder-sound-high-wins-state-soccer-title",
    outletSlug,
    eventId: null,
    headline: "Alder Sound High wins first state soccer title in penalty shootout",
    author: "Jamal Ortiz",
    published: "2026-11-22T21:40:00-08:00",
    section: "sports",
    summary:
      "Goalkeeper Mina Saelee saved two penalties as the Gulls beat Riverside Prep to claim the Class 3A girls championship.",
    leadImage: {
      name: "gulls-celebrate-state-title",
      alt: "High school soccer players in blue jerseys pile on their goalkeeper on a floodlit field",
      caption: "Alder Sound players mob goalkeeper Mina Saelee after her second save in the shootout.",
      credit: "Jamal Ortiz/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "Mina Saelee had never faced a penalty shootout in a real game. By the end of Sunday night, she had won one for a state title.",
      ),
      p(
        "The Alder Sound High junior saved two of Riverside Prep’s five spot kicks as the Gulls won the Class 3A girls soccer championship 4–3 on penalties after a 1–1 draw, the school’s first state title in any soccer program.",
      ),
      p(
        "“I just picked a side and believed it,” Saelee said, still wearing her gloves on the podium. “Coach told me to be big and be patient.”",
      ),
      h2("How it happened"),
      p(
        "Riverside Prep took the lead in the 23rd minute when forward Kayla Dunn curled a free kick over the wall. Alder Sound equalized early in the second half, when senior captain Rosa Ibáñez headed in a corner from Priya Natarajan.",
      ),
      p(
        "Neither side found a winner through two periods of extra time on a cold, wet field at Tern Valley Stadium. In the shootout, Saelee dove right to stop Riverside’s second attempt and left to stop the fifth, and Ibáñez converted the decisive kick.",
      ),
      p(
        "Coach Lorraine Pruitt has led the program since 2014. Her teams lost in the semifinals in each of the last two seasons.",
      ),
      p("“These girls remembered those nights,” Pruitt said. “They did not want to feel that again.”"),
    ],
    tags: ["high school sports", "soccer", "Alder Sound High"],
  }),
];
