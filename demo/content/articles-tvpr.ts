/** @module Articles of Tern Valley Public Radio (TVPR), the (fictional) regional broadcaster. */
import { article, h2, p, quote } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

const outletSlug = "tvpr";

export const tvprArticles: DemoArticle[] = [
  article({
    slug: "ferry-riders-scramble-after-terminal-fire",
    outletSlug,
    eventId: "ferry-terminal-fire",
    headline: "Ferry riders scramble for alternatives after terminal fire",
    author: "Theo Adeyemi",
    published: "2026-11-03T12:40:00-08:00",
    section: "news",
    summary:
      "With Calloway Street closed, commuters from the islands faced long shuttle rides and missed shifts. The ferry operator says a temporary fix could take two weeks.",
    leadImage: {
      name: "gull-point-shuttle-queue",
      alt: "A long line of commuters with backpacks waits beside a white shuttle bus at a ferry dock",
      caption: "Commuters line up for shuttle buses at the Gull Point terminal on Tuesday.",
      credit: "Rosa Lindqvist/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "By 7 a.m. Tuesday, the line for the shuttle bus at Gull Point stretched past the parking lot and onto the shoulder of Ferry Road. Many of the people in it had planned to walk off a boat into downtown Port Alder. Instead, a fire had closed the Calloway Street terminal hours earlier, and their ferry was landing six miles to the north.",
      ),
      p(
        "“I left the house at five like always, and I still missed the start of my shift,” said Leanne Oduya, a nursing assistant who commutes from Harrow Island to St. Brendan’s Hospital. “Nobody on the boat knew where the buses were going to be.”",
      ),
      p(
        "Sound Crossing Ferries moved all of its Harrow Island and Pell Island sailings to Gull Point after the fire destroyed the ticket hall at Calloway Street early Tuesday. Nobody was hurt. The company said it was running about two-thirds of its usual weekday schedule because Gull Point has only two loading berths.",
      ),
      h2("Longer days for island families"),
      p(
        "For island residents, the change adds roughly 40 minutes each way. Parents at Harrow Island Elementary said they were rearranging pick-ups, and several downtown employers told staff they could start late for the rest of the week.",
      ),
      quote(
        "We are asking people to be patient with us and with each other. The crews are doing everything they can with a terminal that was never meant to carry this many people.",
        "Carla Nyquist, Sound Crossing Ferries",
      ),
      p(
        "The company hopes to reopen the steel walkway at Calloway Street to foot passengers within two weeks, using a temporary ticket booth. Cars will keep loading at Gull Point until engineers have inspected the ramps.",
      ),
      p(
        "Transit officials added extra Route 3 buses between Gull Point and downtown and said monthly ferry pass holders would ride free. Fire investigators had not named a cause by Tuesday afternoon.",
      ),
    ],
    tags: ["ferries", "commuting", "Harrow Island"],
  }),
  article({
    slug: "highway-14-lane-closures-near-millbrook",
    outletSlug,
    eventId: null,
    headline: "Highway 14 lane closures planned near Millbrook this weekend",
    author: "Maren Solberg",
    published: "2026-11-05T15:00:00-08:00",
    section: "news",
    summary:
      "Expect delays of up to 20 minutes between Fernhill and Millbrook as crews repave the highway on Saturday and Sunday.",
    leadImage: {
      name: "highway-14-paving-cones",
      alt: "Orange traffic cones lining one lane of a two-lane highway through farmland",
      caption: "Crews set out cones on Highway 14 ahead of the weekend paving work.",
      credit: "Tern Valley Department of Transportation",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "Drivers on Highway 14 should expect delays of up to 20 minutes this weekend as crews repave a four-mile stretch between Fernhill and Millbrook. One lane will be closed in each direction from 7 a.m. to 6 p.m. on Saturday and Sunday, with flaggers directing traffic at the Mill Road junction.",
      ),
      p(
        "The state transportation department said the work could move to the following weekend if it rains. Trucks longer than 40 feet are asked to use the Tern Parkway instead.",
      ),
    ],
    tags: ["traffic", "Highway 14", "Millbrook"],
  }),
  article({
    slug: "autumn-festival-brings-communities-together",
    outletSlug,
    eventId: null,
    headline: "مهرجان الخريف يجمع سكان بورت ألدر من كل الثقافات",
    author: "كريم حداد",
    published: "2026-11-08T11:00:00-08:00",
    section: "arabic",
    summary:
      "أكثر من ثلاثة آلاف زائر شاركوا في مهرجان الخريف السنوي في حديقة بايفيو، حيث امتزجت الأطباق والموسيقى من أكثر من عشرين جالية.",
    leadImage: {
      name: "autumn-festival-bayview-park",
      alt: "عائلات تتجول بين أكشاك طعام ملونة تحت أشجار ذات أوراق صفراء",
      caption: "زوار يتجولون بين أكشاك الطعام في حديقة بايفيو يوم السبت.",
      credit: "كريم حداد/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "امتلأت حديقة بايفيو في بورت ألدر يوم السبت بروائح الخبز الطازج والقهوة المحمصة، حين توافد أكثر من ثلاثة آلاف زائر على مهرجان الخريف السنوي الذي تنظمه جمعيات الجاليات في المدينة.",
      ),
      p(
        "وشاركت في المهرجان هذا العام أكثر من عشرين جالية، قدمت أطباقاً وحلويات تقليدية وعروضاً موسيقية على مسرح صغير نُصب قرب البحيرة. وكان كشك المعمول والقهوة العربية من أكثر الأكشاك ازدحاماً طوال اليوم.",
      ),
      p(
        "وقالت سلمى الخطيب، إحدى المنظمات: «أردنا أن يكون المهرجان مكاناً يتعرف فيه الجيران على بعضهم. كثيرون هنا يعيشون في الشارع نفسه منذ سنوات ولم يتحدثوا مع بعضهم قط».",
      ),
      h2("فعاليات للأطفال"),
      p(
        "وخصص المنظمون ركناً للأطفال ضم ورشاً للرسم والخط العربي وحكايات شعبية من بلدان مختلفة، فيما تطوع طلاب من جامعة وادي تيرن لترجمة اللافتات إلى ست لغات.",
      ),
      p("وأعلنت بلدية بورت ألدر أنها ستدعم المهرجان في العام المقبل بمنحة تسمح بتمديده إلى يومين."),
    ],
    tags: ["مجتمع", "مهرجانات", "بورت ألدر"],
    language: "ar",
    direction: "rtl",
  }),
  article({
    slug: "cedar-street-businesses-brace-for-bridge-detour",
    outletSlug,
    eventId: "cedar-street-bridge-vote",
    headline: "East Cedar shop owners brace for years of detours after bridge vote",
    author: "Maren Solberg",
    published: "2026-11-11T08:30:00-08:00",
    section: "politics",
    summary:
      "Port Alder’s council chose a full replacement of the Cedar Street Bridge. For the shops at its east end, the next question is how to survive 30 months without through traffic.",
    leadImage: {
      name: "east-cedar-storefronts",
      alt: "A row of small brick storefronts with awnings along a quiet street near a bridge approach",
      caption: "Storefronts along East Cedar Street, a few blocks from the bridge.",
      credit: "Maren Solberg/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "The morning after the vote, Tomás Beltrán unlocked Beltrán Hardware at the foot of the Cedar Street Bridge and taped a hand-lettered sign to the door: “Still here. Still open.”",
      ),
      p(
        "“Half of my customers come over that bridge from the west side,” he said, nodding at the green steel span. “When it closes, they are not going to drive twenty minutes around to buy a box of screws.”",
      ),
      p(
        "Port Alder’s City Council voted 6–3 on Tuesday night to replace the 68-year-old drawbridge rather than repair it. Work is expected to begin in mid-2027, and the crossing will be closed for roughly two and a half years.",
      ),
      h2("A relief fund, and doubts about it"),
      p(
        "The plan sets aside $4 million in grants for businesses near the bridge. Owners on East Cedar said they welcomed the money but worried that a cap of $40,000 per business would cover only a few months of lost sales.",
      ),
      p(
        "Councilmember Ruth Amsel, who led the push for replacement, said the city would also pay for detour signs pointing drivers to the east-side shops and would look at free parking along Cedar during construction. “We heard the business owners, and we are not going to close the bridge and walk away,” she said in an interview.",
      ),
      p(
        "For commuters, the change means longer trips. City traffic engineers estimate the Harbor Avenue crossing will carry about 40% more cars once Cedar Street closes. A temporary foot and bike ferry is planned across the Tern River.",
      ),
      p(
        "Back at the hardware store, Beltrán said he would apply for a grant and start a delivery service. “We have survived two recessions,” he said. “We will figure out a bridge.”",
      ),
    ],
    tags: ["Cedar Street Bridge", "small business", "Port Alder City Council"],
  }),
  article({
    slug: "comet-named-for-local-stargazer-could-be-visible-next-spring",
    outletSlug,
    eventId: "comet-okafor",
    headline: "A comet named for a local stargazer could be visible next spring",
    author: "Rosa Lindqvist",
    published: "2026-11-14T08:50:00-08:00",
    section: "science",
    summary:
      "The astronomy club at Lantern Hill hopes Comet Okafor will draw a new generation to the night sky. Here is what skywatchers should, and should not, expect.",
    leadImage: {
      name: "lantern-hill-night-sky",
      alt: "A starry night sky over a dark hill with a small lit observatory",
      caption: "The Lantern Hill Observatory, run by volunteers of the Port Alder Astronomical Society.",
      credit: "Port Alder Astronomical Society",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "The Port Alder Astronomical Society’s phone has not stopped ringing since Friday, when one of its longest-serving members learned that the comet she spotted this week will carry her name.",
      ),
      p(
        "“We have had school teachers, a retirement home and a man who wants to propose under the comet,” said club president Gus Marchetti. “We are telling everybody the same thing: come out, but be patient.”",
      ),
      p(
        "Comet C/2026 V2 (Okafor) was found on Nov. 9 by Halima Okafor, a retired high school physics teacher, using the club’s telescope at Lantern Hill. Right now it is far too faint to see without a large telescope.",
      ),
      h2("What to expect"),
      p(
        "Astronomers expect the comet to be at its brightest around late April 2027, when it swings closest to the Sun. Forecasts suggest it could be visible with ordinary binoculars from dark places away from city lights, low in the western sky after sunset.",
      ),
      p(
        "But Tern Valley University astronomer Tomasz Wren cautions that forecasts for comets making their first visit to the inner solar system are often too optimistic. “It could be lovely. It could fizzle. Either way, people will learn something,” he said.",
      ),
      p(
        "The club plans monthly open nights at Lantern Hill from January, weather permitting, and is raising money to make the observatory path wheelchair accessible before spring.",
      ),
      p(
        "Okafor says she will be at every one of them. “I want kids to see that you do not need to be a professional to find something new up there,” she said.",
      ),
    ],
    tags: ["astronomy", "comet", "stargazing"],
  }),
  article({
    slug: "millbrook-residents-weigh-jobs-against-water-worries",
    outletSlug,
    eventId: "kestrel-battery-plant",
    headline: "Millbrook residents weigh jobs against water worries at planned battery plant",
    author: "Theo Adeyemi",
    published: "2026-11-17T09:00:00-08:00",
    section: "environment",
    summary:
      "At a packed meeting in the Grange hall, residents welcomed the promise of work but pressed the company on how much water its factory would take from the Tern River.",
    leadImage: {
      name: "millbrook-grange-hall-meeting",
      alt: "Residents sit on folding chairs in a wooden hall facing a presenter and a projection screen",
      caption:
        "Residents listen to a presentation about the planned battery plant at the Millbrook Grange hall on Monday evening.",
      credit: "Theo Adeyemi/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "There were not enough folding chairs at the Millbrook Grange hall on Monday night. Around 300 people came to hear Kestrel Cells explain its plans for the old paper mill down the road, and many stood along the walls for two hours.",
      ),
      p(
        "The mood was hopeful, but the questions were pointed. The one that came up most often was about the Tern River.",
      ),
      p(
        "“The mill took our water and gave it back dirty for eighty years,” said Corinne Vail, who runs a fly-fishing guide business downstream. “I want to believe this is different. I want to see the numbers.”",
      ),
      h2("What the company says"),
      p(
        "Kestrel’s head of operations, David Oyelaran, told the crowd the plant would use about 1.2 million gallons of water a day at full production, mostly for cooling and for cleaning electrode coatings, and that about 70% would be recycled on site. That is roughly a fifth of what the paper mill drew at its peak, he said.",
      ),
      p(
        "The company has not yet applied for a water permit. State environmental regulators said the application would include a public comment period.",
      ),
      h2("The case for the plant"),
      p(
        "Others in the room said the jobs outweighed the risk. Millbrook has lost a quarter of its population since 2000, and the elementary school now shares a principal with a school in the next town.",
      ),
      p(
        "“My kids moved to the city because there was nothing here,” said Ray Dunford, a retired millwright. “If there is a chance they can come back, I am for it, as long as somebody is watching the river.”",
      ),
      p(
        "Kestrel says it will publish a water management plan early next year and hold another public meeting before construction begins.",
      ),
    ],
    tags: ["Tern River", "water", "Millbrook", "Kestrel Cells"],
  }),
  article({
    slug: "rural-tern-valley-could-be-without-power-into-weekend",
    outletSlug,
    eventId: "november-windstorm",
    headline: "Thousands in rural Tern Valley could be without power into the weekend",
    author: "Rosa Lindqvist",
    published: "2026-11-19T17:45:00-08:00",
    section: "news",
    summary:
      "Power is back for most of Port Alder, but the utility warns that outlying areas with long lines through forest may wait until Saturday.",
    leadImage: {
      name: "snapped-pole-on-ridge-road",
      alt: "A snapped wooden utility pole leaning over a rural road lined with fir trees",
      caption: "A broken utility pole on Ridge Road outside Millbrook on Thursday.",
      credit: "Rosa Lindqvist/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "By Thursday evening, the lights were back on in most of Port Alder. Out on Ridge Road, twenty minutes up the valley, Barb Lindgren was boiling water on a camp stove and listening to the radio by flashlight.",
      ),
      p(
        "“We are used to this out here, but this one is bad,” she said. “Three poles down between us and the highway.”",
      ),
      p(
        "Tern Valley Power & Light said about 11,000 customers were still without power at 5 p.m. Thursday, down from roughly 48,000 at the height of Wednesday night’s windstorm. Nearly all of those still waiting are outside the city, in places like Millbrook, Fernhill and the upper valley.",
      ),
      h2("Why rural repairs take longer"),
      p(
        "Utility spokesperson Andre Whitfield said rural lines run for miles through forest, where a single fallen tree can take down several spans of wire. Crews often have to clear the trees before they can even reach the damage.",
      ),
      p(
        "“In the city, one crew can restore a thousand customers in an afternoon. Up the valley, the same crew might work all day to bring back forty,” he said. The utility has brought in 60 extra crews from neighboring states and expects to restore most remaining customers by Saturday night.",
      ),
      h2("Help for those still in the dark"),
      p(
        "The county has opened warming centers at the Millbrook Grange hall and the Fernhill fire station, with cots, hot meals and places to charge phones. Public health officials reminded residents never to run generators or camp stoves indoors because of the risk of carbon monoxide poisoning.",
      ),
      p(
        "Lindgren said she would stay put. “I have got wood for the stove and a freezer full of food that I am going to have to cook,” she said. “The neighbors are coming over.”",
      ),
    ],
    tags: ["storm", "power outages", "rural", "Tern Valley Power & Light"],
  }),
];
