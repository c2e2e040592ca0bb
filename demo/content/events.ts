/** @module The events that several demo outlets cover: ground truth for story clustering. */
import type { DemoEvent } from "./types.ts";

export const eventList: DemoEvent[] = [
  {
    id: "ferry-terminal-fire",
    title: "Fire destroys the ticket hall at Port Alder’s Calloway Street ferry terminal",
    date: "2026-11-03",
  },
  {
    id: "cedar-street-bridge-vote",
    title: "Port Alder council votes to replace the Cedar Street Bridge",
    date: "2026-11-10",
  },
  {
    id: "comet-okafor",
    title: "Local amateur astronomer discovers comet C/2026 V2 (Okafor)",
    date: "2026-11-12",
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
];
