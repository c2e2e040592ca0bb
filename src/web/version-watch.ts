/**
 * @module Each web process's view of the site's data version, re-read from the database every
 * `checkMs` in the background, so no request waits for it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";
import { readSiteVersion, type SiteVersion } from "../storage/site-version.ts";

export interface VersionWatch {
  /**
   * The version if it was read recently enough to use (less than twice `checkMs` ago: the background
   * reads keep it so unless the database is slow or away), else undefined: call `refresh()`.
   */
  fresh(): SiteVersion | undefined;
  /** The last version read, however old (undefined before the first read). */
  last(): SiteVersion | undefined;
  /** Reads the version now (one query in flight at a time, shared by every caller). */
  refresh(): Promise<SiteVersion>;
  /** Stops the background reads. */
  close(): void;
}

/**
 * Cached pages are tagged with the version read before they were rendered and dropped when it
 * moves. After the first read, a timer reads it again every `checkMs` (a request would otherwise wait
 * for that query a few times a second per process: on a busy machine, one of its slowest moments),
 * so a write in any process shows within `checkMs` plus one query. `checkMs` 0: every request reads
 * it, no timer. `onChange` hears each move.
 */
export function watchSiteVersion(
  db: Kysely<Database>,
  checkMs: number,
  onChange: (version: SiteVersion) => void,
): VersionWatch {
  let current: SiteVersion | undefined;
  let readAt = 0;
  let inFlight: Promise<SiteVersion> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const refresh = () => {
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
  };
  const startTimer = () => {
    if (timer || closed || checkMs <= 0) return;
    // A failed read (the database away) leaves the version to age: requests then wait for a read.
    timer = setInterval(() => refresh().catch(() => {}), checkMs);
    timer.unref();
  };
  return {
    fresh() {
      if (!current) return undefined;
      startTimer();
      return performance.now() - readAt < 2 * checkMs ? current : undefined;
    },
    last: () => current,
    refresh,
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
