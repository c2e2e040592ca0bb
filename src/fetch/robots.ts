/** @module robots.txt rules per origin, fetched once and cached, read with robots-parser (RFC 9309). */
import { createRequire } from "node:module";

/** The part of robots-parser we use. It is CommonJS with types that do not match its export under NodeNext. */
interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
const robotsParser = createRequire(import.meta.url)("robots-parser") as (url: string, text: string) => Robots;

/** How long rules are trusted: a day when fetched, an hour when the file was unreachable. */
const FRESH_MS = 24 * 60 * 60 * 1000;
const UNREACHABLE_MS = 60 * 60 * 1000;

/** What fetching /robots.txt gave: its text, "none" (4xx: no rules), or "unreachable" (5xx, network error). */
export type RobotsFile = { kind: "rules"; text: string } | { kind: "none" } | { kind: "unreachable" };

interface Entry {
  robots: Robots | "allow-all" | "unreachable";
  expires: number;
}

/** "unreachable": the file could not be fetched, which disallows everything for now (not for good). */
export type RobotsVerdict = "allowed" | "disallowed" | "unreachable";

export interface RobotsCache {
  /** Whether `userAgentToken` may fetch `url`; fetches the origin's robots.txt through `load` when needed. */
  verdict(url: URL, userAgentToken: string): Promise<RobotsVerdict>;
}

/**
 * Rules per origin. Per RFC 9309, a missing file (4xx) allows everything and an unreachable one
 * (5xx, network failure) disallows everything until it is tried again.
 */
export function createRobotsCache(load: (robotsUrl: string) => Promise<RobotsFile>): RobotsCache {
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  const fetchEntry = async (origin: string): Promise<Entry> => {
    const robotsUrl = `${origin}/robots.txt`;
    const file = await load(robotsUrl);
    const now = Date.now();
    if (file.kind === "none") return { robots: "allow-all", expires: now + FRESH_MS };
    if (file.kind === "unreachable") return { robots: "unreachable", expires: now + UNREACHABLE_MS };
    return { robots: robotsParser(robotsUrl, file.text), expires: now + FRESH_MS };
  };

  return {
    async verdict(url, token) {
      const origin = url.origin;
      let entry = cache.get(origin);
      if (!entry || entry.expires < Date.now()) {
        let p = pending.get(origin);
        if (!p) {
          p = fetchEntry(origin).finally(() => pending.delete(origin));
          pending.set(origin, p);
        }
        entry = await p;
        cache.set(origin, entry);
      }
      if (entry.robots === "allow-all") return "allowed";
      if (entry.robots === "unreachable") return "unreachable";
      return entry.robots.isAllowed(url.toString(), token) !== false ? "allowed" : "disallowed";
    },
  };
}
