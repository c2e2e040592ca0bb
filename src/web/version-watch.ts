/** @module Each web process's view of the site's data version, re-read from the database at most every `checkMs`. */
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";
import { readSiteVersion, type SiteVersion } from "../storage/site-version.ts";

export interface VersionWatch {
  /** The version if it was read less than `checkMs` ago, else undefined: call `refresh()`. */
  fresh(): SiteVersion | undefined;
  /** The last version read, however old (undefined before the first read). */
  last(): SiteVersion | undefined;
  /** Reads the version now (one query in flight at a time, shared by every caller). */
  refresh(): Promise<SiteVersion>;
}

/**
 * Cached pages are tagged with the version read before they were rendered and dropped when it
 * moves, so a write in any process shows within `checkMs` plus one query. `onChange` hears each move.
 */
export function watchSiteVersion(
  db: Kysely<Database>,
  checkMs: number,
  onChange: (version: SiteVersion) => void,
): VersionWatch {
  let current: SiteVersion | undefined;
  let readAt = 0;
  let inFlight: Promise<SiteVersion> | undefined;
  return {
    fresh() {
      return current && performance.now() - readAt < checkMs ? current : undefined;
    },
    last: () => current,
    refresh() {
      // Timed from the query's start, so the staleness bound holds however slow the answer.
      const started = performance.now();
      inFlight ??= readSiteVersion(db)
        .then((v) => {
          readAt = started;
          if (current?.version !== v.version) onChange(v);
          current = v;
          return v;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
}
