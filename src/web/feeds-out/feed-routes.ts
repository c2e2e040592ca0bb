/** @module The three routes of a feed (RSS at `<prefix>.xml`, Atom at `.atom`, JSON Feed at `.json`) from one handler factory. */
import type { Route } from "../routes.ts";
import { FEED_FORMATS, type FeedFormat } from "./feed-handlers.ts";

export function feedRoutes(prefix: string, handlerFor: (format: FeedFormat) => Route["handler"]): Route[] {
  return (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => ({
    method: "GET",
    url: `${prefix}.${FEED_FORMATS[format].ext}`,
    handler: handlerFor(format),
  }));
}
