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
import {
  claimHostStart,
  ensureHostSlots,
  releaseHostSlot,
  renewHostSlot,
  takeHostSlot,
} from "../storage/host-slots.ts";
import type { Database } from "../storage/schema.ts";
import { retryFor } from "../util/retry-for.ts";

/** How often a request waiting for a slot asks again (with jitter, so waiters do not move in step). */
const RETRY_MS = 40;

/**
 * A slot's lease: renewed every quarter of it while its request runs, so it bounds only how long a
 * process that died (or lost the database) mid-request keeps the slot from the others.
 */
export const HOST_SLOT_LEASE_MS = 20_000;

export interface SharedHostLimits {
  concurrency: number;
  intervalMs: number;
  /** How long a slot stays held after its holder stops renewing it (it died mid-request). */
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
        // Renewed while it is held (waiting for the host's pace, then the request), which may take
        // longer than the lease.
        const renewal = setInterval(
          () => void renewHostSlot(db, host, taken, me, limits.leaseMs).catch(() => undefined),
          limits.leaseMs / 4,
        );
        renewal.unref();
        // The database away (a restart): asked again until it answers, or the lease frees the slot.
        const free = () => {
          clearInterval(renewal);
          void retryFor(() => releaseHostSlot(db, host, taken, me), 1_000, limits.leaseMs);
        };
        try {
          for (let wait = await claimHostStart(db, host, limits.intervalMs); wait > 0; ) {
            await new Promise((r) => setTimeout(r, wait));
            wait = await claimHostStart(db, host, limits.intervalMs);
          }
        } catch (err) {
          free();
          throw err;
        }
        let released = false;
        return () => {
          if (released) return;
          released = true;
          free();
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
      leaseMs: HOST_SLOT_LEASE_MS,
    }),
  };
}
