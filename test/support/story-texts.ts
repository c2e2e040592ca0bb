/**
 * @module Fictional news reports for story clustering tests: several outlets' own write-ups of a few
 * events (different wording, the same names, places and numbers, as real coverage has), and a wire
 * reprint made the way aggregators rerun copy (new headline, last paragraph trimmed, a credit line
 * added, a word changed). Every place, person and company here is made up.
 */
import type { NewArticle } from "../../src/storage/schema.ts";

export interface StoryText {
  /** A stable key: `<event>-<n>`. */
  key: string;
  /** Which event it reports on. */
  event: string;
  outlet: string;
  /** Hours after the test's T0. */
  hours: number;
  headline: string;
  /** Plain text, paragraphs separated by blank lines. */
  body: string;
}

const p = (...paragraphs: string[]) => paragraphs.join("\n\n");

/** A warehouse fire in Eastbrook, Tuesday night: three outlets. */
export const FIRE: StoryText[] = [
  {
    key: "fire-1",
    event: "fire",
    outlet: "Eastbrook Gazette",
    hours: 0,
    headline: "Fire destroys Calloway Logistics warehouse in Eastbrook",
    body: p(
      "A fire tore through a Calloway Logistics warehouse on Harbor Road in Eastbrook late Tuesday, injuring three firefighters and sending a column of black smoke over the town.",
      "Fire Chief Delia Marsh said the blaze was reported at 11:40 p.m. and that more than 40 firefighters from six departments fought it through the night. The three injured firefighters were treated for heat exhaustion at Eastbrook General Hospital and released.",
      "Marsh said the roof of the 120,000-square-foot building collapsed shortly after 1 a.m. No employees were inside at the time.",
      "Residents within half a mile were asked to keep windows closed because of the smoke. Harbor Road remained closed between Mill Street and Route 9 on Wednesday morning.",
      "The cause of the fire is under investigation by the state fire marshal's office. A Calloway spokesperson said the company was working with investigators and would keep paying its 85 warehouse workers while the site is closed.",
    ),
  },
  {
    key: "fire-2",
    event: "fire",
    outlet: "Valley Herald",
    hours: 2,
    headline: "Three firefighters hurt as Eastbrook warehouse burns",
    body: p(
      "Three firefighters were hurt battling an overnight blaze that gutted a warehouse owned by Calloway Logistics in Eastbrook, officials said Wednesday.",
      "Crews were called to the building on Harbor Road just before midnight and found flames coming through the roof, according to Eastbrook Fire Chief Delia Marsh. Firefighters from six towns were needed to bring it under control by dawn.",
      "\u201cIt was fully involved when our first engine got there,\u201d Marsh told reporters at the scene. The roof fell in around 1 a.m., she said.",
      "The injured firefighters suffered heat exhaustion and were released from Eastbrook General Hospital after treatment. Nobody was working in the warehouse when the fire started.",
      "State fire marshal investigators arrived Wednesday to determine the cause. Harbor Road is expected to stay closed through the afternoon.",
    ),
  },
  {
    key: "fire-3",
    event: "fire",
    outlet: "Coastal Times",
    hours: 5,
    headline: "Calloway warehouse fire: what we know",
    body: p(
      "Investigators were sifting through the charred remains of the Calloway Logistics warehouse in Eastbrook on Wednesday after a fire that burned for more than six hours.",
      "The alarm came in at 11:40 p.m. Tuesday. By the time engines reached Harbor Road, flames had spread across the roof, and Chief Delia Marsh called in help from neighboring departments.",
      "Three firefighters were taken to Eastbrook General Hospital with heat exhaustion. All three have since gone home. No workers were in the building.",
      "Calloway, which employs 85 people at the site, said it would keep paying staff. The state fire marshal has not said what caused the fire. Smoke warnings for nearby homes were lifted at noon.",
    ),
  },
];

/**
 * FIRE[0] rerun by a wire service three hours later: a new headline, the last paragraph dropped, a
 * credit line added, one word changed ("tore" to "swept").
 */
export const FIRE_REPRINT: StoryText = {
  key: "fire-reprint",
  event: "fire",
  outlet: "Metro Wire",
  hours: 3,
  headline: "Blaze guts warehouse, three firefighters treated",
  body: `${FIRE[0]!.body
    .split("\n\n")
    .slice(0, -1)
    .join("\n\n")
    .replace("A fire tore through", "A fire swept through")}\n\nSource: Eastbrook Gazette`,
};

/** A second aggregator reruns the Metro Wire copy (a copy of the copy): closer to it than to FIRE[0], which it still reprints. */
export const FIRE_REPRINT_OF_REPRINT: StoryText = {
  key: "fire-reprint-2",
  event: "fire",
  outlet: "Daily Digest",
  hours: 6,
  headline: "Eastbrook warehouse blaze: three firefighters treated",
  body: FIRE_REPRINT.body
    .replace("Source: Eastbrook Gazette", "Source: Metro Wire")
    .replace("sending a column of black smoke", "sending a plume of black smoke"),
};

/** A terse first flash of the fire, before any outlet had the details. */
export const FIRE_FLASH: StoryText = {
  key: "fire-flash",
  event: "fire",
  outlet: "Eastbrook Radio",
  hours: -0.5,
  headline: "Crews battle large fire at Calloway warehouse in Eastbrook",
  body: p(
    "Firefighters are battling a large fire at the Calloway Logistics warehouse on Harbor Road in Eastbrook.",
    "Fire Chief Delia Marsh asked people to stay away from the area. More to follow.",
  ),
};

/** Later write-ups of the same fire, two and four days on (for late-arrival and window cases). */
export const FIRE_LATER: StoryText[] = [
  {
    key: "fire-4",
    event: "fire",
    outlet: "Eastbrook Gazette",
    hours: 50,
    headline: "Calloway Logistics warehouse fire started in loading bay, Marsh says",
    body: p(
      "The fire that destroyed the Calloway Logistics warehouse on Harbor Road in Eastbrook late Tuesday started in a loading bay at the back of the building, Fire Chief Delia Marsh said Thursday.",
      "Marsh said investigators from the state fire marshal's office had ruled out arson but were still examining an electric forklift charger found near the spot where the flames began.",
      "Three firefighters were treated for heat exhaustion during the six-hour fight. The 120,000-square-foot building is a total loss, Calloway said, and its 85 workers will be paid while the company decides whether to rebuild.",
      "Harbor Road reopened to traffic on Thursday morning.",
    ),
  },
  {
    key: "fire-5",
    event: "fire",
    outlet: "Valley Herald",
    hours: 100,
    headline: "Calloway weighs rebuilding burned Eastbrook warehouse",
    body: p(
      "Calloway Logistics has not decided whether to rebuild its Eastbrook warehouse, which burned down late Tuesday in a fire that injured three firefighters, a company spokesperson said Saturday.",
      "Fire Chief Delia Marsh has said the fire began in a loading bay, and state investigators are examining a forklift charger. The blaze on Harbor Road took crews from six departments more than six hours to put out.",
      "The company said its 85 employees at the site would be paid through the end of the year.",
    ),
  },
];

/** The next evening, in the same town: the council votes on a bridge repair (names Mill Street and Route 9 too). */
export const BRIDGE: StoryText[] = [
  {
    key: "bridge-1",
    event: "bridge",
    outlet: "Eastbrook Gazette",
    hours: 26,
    headline: "Eastbrook council approves $2.4 million for Mill Street bridge",
    body: p(
      "The Eastbrook Town Council voted 5-2 on Wednesday evening to spend $2.4 million repairing the Mill Street bridge, which has carried weight limits since an inspection found cracked beams last spring.",
      "Council President Oren Whitfield said the work would start in March and take about eight months. Traffic will be detoured over the Route 9 overpass while crews replace the deck.",
      "Two council members voted against the plan, arguing the town should wait for a state grant. Town Manager Priya Okafor said the grant program would not open until 2028 and that the bridge could not safely wait that long.",
      "The money will come from the town's capital reserve fund.",
    ),
  },
  {
    key: "bridge-2",
    event: "bridge",
    outlet: "Valley Herald",
    hours: 28,
    headline: "Mill Street bridge repairs to begin in March after 5-2 vote",
    body: p(
      "Eastbrook will rebuild the deck of the aging Mill Street bridge next year after councilors narrowly backed a $2.4 million repair plan on Wednesday.",
      "The 5-2 vote followed months of debate over whether to wait for state money. Okafor, the town manager, told the council that a grant would not be available before 2028, and engineers have warned that the cracked beams found last spring are getting worse.",
      "Whitfield, the council president, said drivers should expect detours over Route 9 for most of the eight-month project.",
      "The town will draw the money from its reserves.",
    ),
  },
];

/**
 * The next morning, on the same road: a truck crash that names the fire's street, company, chief and
 * neighbouring streets, but reports a different happening (its score on names alone is above 0).
 */
export const CRASH: StoryText = {
  key: "crash-1",
  event: "crash",
  outlet: "Eastbrook Gazette",
  hours: 30,
  headline: "Truck crash on Harbor Road in Eastbrook knocks out power",
  body: p(
    "A delivery truck crashed into a utility pole on Harbor Road in Eastbrook on Thursday morning, cutting power to about 1,200 homes and closing the road between Mill Street and Route 9 again.",
    "Fire Chief Delia Marsh said the driver, who was not hurt, swerved to avoid a car pulling out of the Calloway Logistics lot. Crews from Eastbrook Electric replaced the pole by late afternoon.",
    "Marsh said the crash was unrelated to Tuesday's warehouse fire, a few hundred yards away.",
  ),
};

/** An unrelated event: a football match in another town, the same Tuesday night. */
export const MATCH: StoryText[] = [
  {
    key: "match-1",
    event: "match",
    outlet: "Northfield Courier",
    hours: 1,
    headline: "Northfield Otters edge Granite City 20-13 to reach final",
    body: p(
      "Jamal Okonkwo ran for two touchdowns as the Northfield Otters beat Granite City 20-13 on Tuesday night to reach the regional championship game for the first time since 2019.",
      "Okonkwo finished with 142 rushing yards, and kicker Sam Lindqvist added two field goals in the second half. Granite City pulled within a touchdown late in the fourth quarter, but linebacker Theo Brandt intercepted a pass at the Otters' 12-yard line with a minute left.",
      "\u201cWe talked all week about finishing,\u201d Otters coach Renata Villalobos said. \u201cTheo made the play of the season.\u201d",
      "Northfield will face Port Ellery in the final on Saturday at Lakeside Stadium.",
    ),
  },
  {
    key: "match-2",
    event: "match",
    outlet: "Sports Daily",
    hours: 3,
    headline: "Brandt interception seals Otters' win over Granite City",
    body: p(
      "Theo Brandt's interception in the final minute sealed a 20-13 victory for Northfield over Granite City in Tuesday's regional semifinal.",
      "Running back Jamal Okonkwo scored twice and gained 142 yards on the ground for the Otters, who last reached a final in 2019. Sam Lindqvist kicked field goals of 31 and 44 yards.",
      "Coach Renata Villalobos praised her defense after Granite City's late drive ended at the 12. \u201cThat's a senior making a senior play,\u201d she said of Brandt.",
      "The Otters meet Port Ellery on Saturday at Lakeside Stadium for the title.",
    ),
  },
  {
    key: "match-3",
    event: "match",
    outlet: "Granite City Press",
    hours: 4,
    headline: "Granite City's season ends with 20-13 loss at Northfield",
    body: p(
      "Granite City's playoff run ended on Tuesday when a last-minute interception by Northfield linebacker Theo Brandt stopped a drive at the Otters' 12-yard line, leaving the visitors on the wrong end of a 20-13 score.",
      "Northfield running back Jamal Okonkwo was the difference, rushing for 142 yards and two scores. Granite City quarterback Eli Sandoval threw for 210 yards but was under pressure all night.",
      "Northfield coach Renata Villalobos will take her team to the final against Port Ellery on Saturday.",
    ),
  },
];

/** Another unrelated event the same day: a bank's rate decision. */
export const RATES: StoryText[] = [
  {
    key: "rates-1",
    event: "rates",
    outlet: "Ledger Business",
    hours: 6,
    headline: "Norland Central Bank cuts key rate to 3.25%",
    body: p(
      "The Norland Central Bank lowered its benchmark interest rate by a quarter point to 3.25% on Wednesday, its first cut in two years, citing slowing inflation and weak factory output.",
      "Governor Ilse Bergstrom told a news conference in Vesterholm that inflation had fallen to 2.1% in October and that the bank expected it to stay near its target through next year.",
      "Two of the seven members of the monetary policy committee voted to hold rates steady, according to the bank's statement.",
      "The krona weakened slightly against the euro after the announcement.",
    ),
  },
  {
    key: "rates-2",
    event: "rates",
    outlet: "Capital Markets Today",
    hours: 7,
    headline: "Bergstrom: rate cut reflects cooling prices, not alarm",
    body: p(
      "Norland's central bank delivered its first interest rate cut since 2024 on Wednesday, trimming the policy rate to 3.25% from 3.5% in a 5-2 decision by its committee.",
      "Speaking in Vesterholm, Governor Ilse Bergstrom said the move was a response to inflation easing to 2.1%, not a sign of worry about the economy. Factory output has shrunk for three straight months.",
      "Economists had been split on whether the bank would act this month. The krona slipped against the euro in afternoon trading.",
    ),
  },
  {
    key: "rates-3",
    event: "rates",
    outlet: "Vesterholm Post",
    hours: 9,
    headline: "Borrowers welcome first Norland rate cut in two years",
    body: p(
      "Homeowners and small businesses in Norland will pay a little less to borrow after the Norland Central Bank cut its main rate to 3.25% on Wednesday.",
      "Governor Ilse Bergstrom said inflation of 2.1% in October gave the bank room to ease. Mortgage lenders in Vesterholm said they expected to pass the quarter-point cut on to customers within weeks.",
      "The decision was not unanimous: two committee members wanted to wait.",
    ),
  },
];

/** The reports of one Tuesday night and Wednesday (no later fire write-ups), in the order of their times. */
export const ALL_REPORTS: StoryText[] = [
  FIRE_FLASH,
  ...FIRE,
  FIRE_REPRINT,
  FIRE_REPRINT_OF_REPRINT,
  ...BRIDGE,
  CRASH,
  ...MATCH,
  ...RATES,
].sort((a, b) => a.hours - b.hours || (a.key < b.key ? -1 : 1));

/**
 * `r` as a new article of `sourceId`, published, fetched and stored `r.hours` after `t0Ms`, its body
 * one paragraph per blank-line-separated block, its link on `host`.
 */
export function storyTextArticle(sourceId: number, r: StoryText, t0Ms: number, host: string): NewArticle {
  const at = new Date(t0Ms + r.hours * 3_600_000).toISOString();
  return {
    source_id: sourceId,
    guid: r.key,
    url: `https://${host}/${r.key}`,
    title: r.headline,
    body_html: r.body
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join(""),
    text: r.body,
    language: "en",
    published_at: at,
    fetched_at: at,
    created_at: at,
    updated_at: at,
  };
}
