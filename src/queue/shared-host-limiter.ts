/**
 * @module Per-host politeness for every worker on every machine (PostgreSQL): the fetcher's host
 * limiter (fetch/host-limiter.ts) with its slots and pacing kept in the database (storage/host-slots.ts)
 * instead of one process's memory, so NEWSDESK_HOST_CONCURRENCY and NEWSDESK_HOST_INTERVAL_MS hold
 * across the cluster, not per process.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { HostLimiter } from "../fetch/host-limiter.ts";
import { isPostgres } from "../storage/db.ts";
import { claimHostStart, ensureHostSlots, releaseHostSlot, takeHostSlot } from "../storage/host-slots.ts";
import type { Database } from "../storage/schema.ts";

/** How often a request waiting for a slot asks again (with jitter, so waiters do not move in step). */
const RETRY_MS = 40;

export interface SharedHostLimits {
  concurrency: number;
  intervalMs: number;
  /** How long a slot stays held if its process dies mid-request: longer than any request may take. */
  leaseMs: number;
}

export function createSharedHostLimiter(db: Kysely<Database>, limits: SharedHostLimits): HostLimiter {
  const me = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const known = new Set<string>();
  let inFlight = 0;
  return {
    async acquire(host) {
      inFlight++;
      try {
        if (!known.has(host)) {
          await ensureHostSlots(db, host, limits.concurrency);
          known.add(host);
        }
        let slot = await takeHostSlot(db, host, limits.concurrency, me, limits.leaseMs);
        while (slot === null) {
          await new Promise((r) => setTimeout(r, RETRY_MS * (0.5 + Math.random())));
          slot = await takeHostSlot(db, host, limits.concurrency, me, limits.leaseMs);
        }
        const taken = slot;
        try {
          for (let wait = await claimHostStart(db, host, limits.intervalMs); wait > 0; ) {
            await new Promise((r) => setTimeout(r, wait));
            wait = await claimHostStart(db, host, limits.intervalMs);
          }
        } catch (err) {
          await releaseHostSlot(db, host, taken, me);
          throw err;
        }
        let released = false;
        return () => {
          if (released) return;
          released = true;
          // A failed release leaves the slot to its lease: slower for a while, never over the limit.
          void releaseHostSlot(db, host, taken, me).catch(() => undefined);
        };
      } finally {
        inFlight--;
      }
    },
    size: () => inFlight,
  };
}

/**
 * The fetcher settings that make a fetching process share the per-host limits with every other
 * (PostgreSQL), or none (SQLite: one process fetches, its memory suffices).
 */
export function sharedHostLimits(db: Kysely<Database>, config: Config): { hostLimiter?: HostLimiter } {
  if (!isPostgres(db)) return {};
  return {
    hostLimiter: createSharedHostLimiter(db, {
      concurrency: config.hostConcurrency,
      intervalMs: config.hostIntervalMs,
      // A request never outlasts the fetch timeout; a minute more covers a slow release.
      leaseMs: config.fetchTimeoutMs + 60_000,
    }),
  };
}
