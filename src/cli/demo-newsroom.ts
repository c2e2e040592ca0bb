/** @module Starts the demo newsroom's local origin and makes sure its feeds are followed. */
import { type DemoOrigin, startDemoOrigin } from "../../demo/origin.ts";
import { insertSource } from "../storage/sources.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Serves the fictional outlets on 127.0.0.1 at NEWSDESK_DEMO_PORT and adds each outlet's feed as a
 * source (adding twice is harmless), so the real pipeline fetches them over HTTP.
 */
export async function startDemoNewsroom(rt: Runtime): Promise<DemoOrigin> {
  let origin: DemoOrigin;
  try {
    origin = await startDemoOrigin({ host: "127.0.0.1", port: rt.config.demoPort });
  } catch (err) {
    throw new Error(
      `demo: could not start the demo newsroom on 127.0.0.1:${rt.config.demoPort} (${(err as Error).message}); set NEWSDESK_DEMO_PORT to a free port`,
    );
  }
  const now = new Date().toISOString();
  for (const feed of origin.feeds) await insertSource(rt.db.kysely, feed.feedUrl, now);
  rt.log.info({ url: origin.baseUrl, feeds: origin.feeds.length }, "demo newsroom is serving");
  return origin;
}

/**
 * The demo's feeds publish a correction (an edited headline) after their first poll. Their items
 * are weeks old, so the learned poll interval is long; a newcomer would wait hours to see the edit.
 * The demo alone therefore polls its feeds once more this long after starting.
 */
export const DEMO_REPOLL_MS = 60_000;
