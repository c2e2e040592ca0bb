/** @module The events that several demo outlets cover: ground truth for story clustering. */
import type { DemoConfusablePair, DemoEvent } from "./types.ts";

export const eventList: DemoEvent[] = [
  {
    id: "ferry-terminal-fire",
    title: "Fire destroys the ticket hall at Port Alder’s Calloway Street ferry terminal",
    date: "2026-11-03",
  },
  {
    id: "harbor-grocers-results",
    title: "Harbor Grocers reports an 11% rise in third-quarter profit and raises its dividend",
    date: "2026-11-06",
  },
  {
    id: "harbor-grocers-spinach-recall",
    title: "Harbor Grocers recalls Harbor Pantry frozen spinach over possible listeria",
    date: "2026-11-07",
  },
  {
    id: "cedar-street-bridge-vote",
    title: "Port Alder council votes to replace the Cedar Street Bridge",
    date: "2026-11-10",
  },
  {
    id: "comet-okafor",
    title: "Local amateur astronomer discovers comet C/2026 V2 (Okafor)",
    date: "2026-11-13",
  },
  {
    id: "kestrel-battery-plant",
    title: "Kestrel Cells announces a sodium-ion battery plant at the old Millbrook mill",
    date: "2026-11-16",
  },
  {
    id: "november-windstorm",
    title: "Windstorm knocks out power to about 48,000 customers in the Tern Valley",
    date: "2026-11-19",
  },
  {
    id: "aldergate-hybrid-ferries",
    title: "Sound Crossing Ferries orders two battery-hybrid ferries from Aldergate Shipyard",
    date: "2026-11-24",
  },
  {
    id: "grennick-engine-seizure",
    title:
      "Velland detains a freighter at Grennick carrying Port Alder-built engines it says were bound for Kaskara",
    date: "2026-11-27",
  },
];

/**
 * Events that are easy to confuse: same company, one day apart, each mentioning the other in passing.
 * Clustering must keep them apart; every other pair of events is more than two days apart.
 */
export const confusableEventPairs: DemoConfusablePair[] = [
  {
    events: ["harbor-grocers-results", "harbor-grocers-spinach-recall"],
    subject: "Harbor Grocers",
    mentions: ["spinach", "profit"],
  },
];
